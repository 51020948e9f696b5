// Encrypted key formats and ECDSA private keys sit behind their own imports (opskit/crypto/encrypted-keys,
// opskit/crypto/ecdsa; docs/architecture.md, "Key formats behind their own import"). This file loads
// only the default (browser) build's modules until it imports those two itself, half-way down: before,
// each encrypted kind and an ECDSA key give a KeyParseError that names the import and nothing of the
// key; after, the same texts parse and sign. Tests run in order, in one process of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import {
  encodeOpenSshPrivateKey,
  generatePrivateKeySync,
  KeyParseError,
  keySigner,
  parsePrivateKey,
  signWithKeySync,
} from '../../../src/crypto/index.js';
import { DataCenter } from '../../../src/triton/index.js';

const PASS = 'opskit-test-passphrase';
const ed = generatePrivateKeySync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const cipher = { cipher: 'aes-256-cbc', passphrase: PASS } as const;

/** The three encrypted kinds, and the fingerprint each must decrypt to. */
const encrypted = {
  openssh: encodeOpenSshPrivateKey(ed, { passphrase: PASS, rounds: 2 }),
  pkcs8: rsa.privateKey.export({ type: 'pkcs8', format: 'pem', ...cipher }) as string,
  legacy: rsa.privateKey.export({ type: 'pkcs1', format: 'pem', ...cipher }) as string,
};
const ecdsaText = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const sec1Text = ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string;

/** Base64 runs of a key text: none may appear in an error message. */
const pieces = (text: string) => text.split('\n').filter((l) => !l.startsWith('-----') && !l.includes(':') && l.length >= 16).map((l) => l.slice(0, 16));

function assertNamesImport(fn: () => unknown, importName: string, text: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof KeyParseError, `a KeyParseError, got ${String(e)}`);
    assert.ok(e.message.includes(`import '${importName}'`), e.message);
    assert.ok(!e.message.includes(PASS), 'the passphrase is not in the message');
    for (const piece of pieces(text)) assert.ok(!e.message.includes(piece), 'no key text in the message');
    return true;
  });
}

test('without opskit/crypto/encrypted-keys, each encrypted kind is a KeyParseError naming that import, never the key', () => {
  for (const text of Object.values(encrypted)) {
    assertNamesImport(() => parsePrivateKey(text, { passphrase: PASS }), 'opskit/crypto/encrypted-keys', text);
    // Also without a passphrase: the import is what is missing first.
    assertNamesImport(() => parsePrivateKey(text), 'opskit/crypto/encrypted-keys', text);
    assertNamesImport(() => keySigner(text, { passphrase: PASS }), 'opskit/crypto/encrypted-keys', text);
    assertNamesImport(
      () => new DataCenter({ url: 'https://cloudapi.invalid', account: 'alice', key: text, passphrase: PASS }),
      'opskit/crypto/encrypted-keys',
      text,
    );
  }
});

test('without opskit/crypto/ecdsa, an ECDSA private key is a KeyParseError naming that import; Ed25519 and RSA need nothing', () => {
  assertNamesImport(() => parsePrivateKey(ecdsaText), 'opskit/crypto/ecdsa', ecdsaText);
  assertNamesImport(() => parsePrivateKey(sec1Text), 'opskit/crypto/ecdsa', sec1Text);
  assertNamesImport(() => keySigner(ecdsaText), 'opskit/crypto/ecdsa', ecdsaText);
  // The pure fallback for Ed25519 (browsers without WebCrypto Ed25519) and RSA is built in.
  const message = new TextEncoder().encode('date: Thu, 01 Jan 1970 00:00:00 GMT');
  const edSig = signWithKeySync(ed, message);
  assert.equal(edSig.length, 64);
  const rsaKey = parsePrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  assert.ok(nodeVerify('sha256', message, rsa.publicKey, signWithKeySync(rsaKey, message)));
});

test('with opskit/crypto/encrypted-keys and opskit/crypto/ecdsa imported, the same texts parse and sign', async () => {
  const { installEncryptedKeys } = await import('../../../src/crypto/encrypted-keys/index.js');
  const { installEcdsa } = await import('../../../src/crypto/ecdsa/index.js');
  assert.equal(typeof installEncryptedKeys, 'function');
  assert.equal(typeof installEcdsa, 'function');
  const openssh = parsePrivateKey(encrypted.openssh, { passphrase: PASS });
  assert.equal(openssh.md5Fingerprint, ed.md5Fingerprint);
  assert.equal(openssh.encrypted, true);
  const plainRsa = parsePrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  for (const kind of ['pkcs8', 'legacy'] as const) {
    const key = parsePrivateKey(encrypted[kind], { passphrase: PASS });
    assert.equal(key.md5Fingerprint, plainRsa.md5Fingerprint, kind);
    assert.equal(key.encrypted, true);
    assert.throws(() => parsePrivateKey(encrypted[kind], { passphrase: 'wrong' }), /wrong passphrase/);
    assert.throws(() => parsePrivateKey(encrypted[kind]), /passphrase is required/);
  }
  assert.throws(() => parsePrivateKey(encrypted.openssh, { passphrase: 'wrong' }), /wrong passphrase/);
  assert.ok(new DataCenter({ url: 'https://cloudapi.invalid', account: 'alice', key: encrypted.openssh, passphrase: PASS }));

  const ecKey = parsePrivateKey(ecdsaText);
  assert.equal(ecKey.type, 'ecdsa');
  const message = new TextEncoder().encode('date: Thu, 01 Jan 1970 00:00:00 GMT');
  // DER signature, as HTTP Signatures carry it; node:crypto reads DER by default.
  assert.ok(nodeVerify('sha256', message, ec.publicKey, signWithKeySync(ecKey, message)));
  assert.equal(parsePrivateKey(sec1Text).md5Fingerprint, ecKey.md5Fingerprint);
});
