import assert from 'node:assert/strict';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { test } from 'node:test';
import { inspect } from 'node:util';
import {
  fingerprintMatches,
  KeyParseError,
  openSshPublicKey,
  parseFingerprint,
  parsePrivateKey,
  parsePublicKey,
  signWithKeySync,
  SIGNATURE_ALGORITHMS,
} from '../../../src/crypto/index.js';
import { DRAFT_RSA_KEY, PASS, RFC8032_KEY, testKeys } from './fixtures.js';

const data = new TextEncoder().encode('date: Thu, 05 Jan 2014 21:31:40 GMT');

test('every key type × format parses to the reference fingerprints and a working private key', () => {
  for (const k of testKeys()) {
    for (const [format, text] of Object.entries(k.formats)) {
      const what = `${k.label} ${format}`;
      const key = parsePrivateKey(text, k.encrypted.has(format) ? { passphrase: PASS } : {});
      assert.equal(key.type, k.type, what);
      assert.equal(key.curve, k.curve, what);
      assert.equal(key.md5Fingerprint, k.md5, what);
      assert.equal(key.sha256Fingerprint, k.sha256, what);
      assert.equal(key.encrypted, k.encrypted.has(format), what);
      assert.equal(key.publicKey.toString().split(' ').slice(0, 2).join(' '), k.publicLine.split(' ').slice(0, 2).join(' '), what);
      // The private half is right if node:crypto verifies what the pure path signed with it.
      for (const alg of SIGNATURE_ALGORITHMS.filter((a) => a.startsWith(k.type))) {
        const sig = signWithKeySync(key, data, alg);
        const hash = alg.split('-')[1]!;
        const ok = k.type === 'ed25519' ? nodeVerify(null, data, k.node, sig) : nodeVerify(hash, data, createPublicKey(k.node), sig);
        assert.ok(ok, `${what} ${alg}`);
      }
    }
  }
});

test('formats are reported', () => {
  const k = testKeys()[0]!;
  assert.equal(parsePrivateKey(k.formats.pkcs1!).format, 'pkcs1');
  assert.equal(parsePrivateKey(k.formats.pkcs8!).format, 'pkcs8');
  assert.equal(parsePrivateKey(k.formats.openssh!).format, 'openssh');
  assert.equal(parsePrivateKey(testKeys()[1]!.formats.sec1!).format, 'sec1');
});

test('a wrong or missing passphrase is a KeyParseError that says so, for every encrypted format', () => {
  for (const k of testKeys()) {
    for (const format of k.encrypted) {
      const text = k.formats[format]!;
      assert.throws(() => parsePrivateKey(text, { passphrase: 'not the passphrase' }), (e: unknown) => e instanceof KeyParseError && /wrong passphrase/.test(e.message), `${k.label} ${format} wrong`);
      assert.throws(() => parsePrivateKey(text), (e: unknown) => e instanceof KeyParseError && /passphrase is required/.test(e.message), `${k.label} ${format} missing`);
    }
  }
});

test('malformed keys are KeyParseErrors saying what is wrong, without key material', () => {
  const k = testKeys()[0]!;
  const body = k.formats.pkcs1!.split('\n')[3]!;
  const cases: [string, RegExp][] = [
    ['not a key at all', /no -----BEGIN/],
    ['-----BEGIN RSA PRIVATE KEY-----\nAAAA\n', /no END line/],
    [k.formats.pkcs1!.replace(body, `${body.slice(0, 10)}!!${body.slice(12)}`), /not valid base64/],
    ['-----BEGIN RSA PRIVATE KEY-----\nMAMCAQE=\n-----END RSA PRIVATE KEY-----\n', /malformed/],
    ['-----BEGIN DSA PRIVATE KEY-----\nMAMCAQE=\n-----END DSA PRIVATE KEY-----\n', /DSA keys are not supported/],
    ['-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n', /unsupported PEM label/],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\n-----END OPENSSH PRIVATE KEY-----\n', /malformed \(truncated\)/],
  ];
  for (const [text, re] of cases) {
    const err = assert.throws(() => parsePrivateKey(text), KeyParseError) as unknown;
    void err;
    try {
      parsePrivateKey(text);
    } catch (e) {
      assert.match((e as Error).message, re);
      assert.ok(!(e as Error).message.includes(body.slice(0, 20)), 'no key material in the message');
    }
  }
  // Flipping a byte inside an OpenSSH private section breaks its check words.
  const lines = k.formats.openssh!.split('\n');
  const b = Buffer.from(lines.slice(1, -2).join(''), 'base64');
  b[b.length - 40]! ^= 0xff;
  const broken = `${lines[0]}\n${b.toString('base64')}\n-----END OPENSSH PRIVATE KEY-----\n`;
  assert.throws(() => parsePrivateKey(broken), (e: unknown) => e instanceof KeyParseError && /malformed|does not (match|equal)/.test(e.message));
});

test('printing or serialising a private key shows no secret', () => {
  const k = testKeys()[0]!;
  const key = parsePrivateKey(k.formats.pkcs8!);
  const d = (k.node.export({ format: 'jwk' }) as { d: string }).d;
  for (const text of [JSON.stringify(key), inspect(key, { depth: 10, showHidden: true }), String(key)]) {
    assert.ok(!text.includes(d.slice(0, 16)), text.slice(0, 80));
  }
  assert.match(JSON.stringify(key), /"private":true/);
});

test('public keys parse from OpenSSH lines and PEM (SPKI, PKCS#1)', () => {
  for (const k of testKeys()) {
    const line = parsePublicKey(k.publicLine);
    assert.equal(line.md5Fingerprint, k.md5);
    assert.equal(line.comment, k.label);
    const spki = parsePublicKey(createPublicKey(k.node).export({ type: 'spki', format: 'pem' }) as string);
    assert.equal(spki.sha256Fingerprint, k.sha256);
    if (k.type === 'rsa') assert.equal(parsePublicKey(createPublicKey(k.node).export({ type: 'pkcs1', format: 'pem' }) as string).md5Fingerprint, k.md5);
    assert.ok(line.equals(spki));
    // The public half of an encrypted OpenSSH file is readable without its passphrase.
    assert.equal(openSshPublicKey(k.formats['openssh-encrypted']!).md5Fingerprint, k.md5);
  }
  assert.throws(() => parsePublicKey('ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea'), /does not match/);
  assert.throws(() => parsePublicKey('ssh-dss AAAA'), KeyParseError);
});

test('protocol §1.9 keys: the draft RSA key and RFC 8032 key have the documented fingerprints', () => {
  const rsa = parsePrivateKey(DRAFT_RSA_KEY);
  assert.equal(rsa.md5Fingerprint, 'b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38');
  assert.equal(rsa.sha256Fingerprint, 'SHA256:ExiA/kCzfLSDlsIfB5h+g7Q3ym9F34KwQdv3jZWdxNI');
  assert.equal(rsa.bits, 1024);
  const ed = parsePrivateKey(RFC8032_KEY);
  assert.equal(ed.publicKey.toString(), 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea');
  assert.equal(ed.md5Fingerprint, 'cf:07:be:9d:68:ae:65:54:6d:a0:93:c3:6f:bd:0d:82');
});

test('fingerprints as users type them (SDC_KEY_ID)', () => {
  const rsa = parsePrivateKey(DRAFT_RSA_KEY).publicKey;
  for (const fp of ['b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38', 'MD5:B4:FD:FA:E0:39:99:73:63:CA:8B:E0:FA:46:F3:F2:38', 'SHA256:ExiA/kCzfLSDlsIfB5h+g7Q3ym9F34KwQdv3jZWdxNI']) {
    assert.ok(rsa.matches(fp), fp);
    assert.ok(fingerprintMatches(rsa.blob, fp), fp);
  }
  assert.equal(rsa.matches('SHA256:ExiA/kCzfLSDlsIfB5h+g7Q3ym9F34KwQdv3jZWdxNJ'), false);
  assert.deepEqual(parseFingerprint('MD5:B4:FD:FA:E0:39:99:73:63:CA:8B:E0:FA:46:F3:F2:38'), { hash: 'md5', value: 'b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38' });
  assert.throws(() => parseFingerprint('/demo/keys/foo'), KeyParseError);
});
