// Key-derivation caps (issue 8 §5): an encrypted key file chooses its own derivation cost, and
// deriving blocks the thread, so a hostile file must be refused before any work starts, while every
// key real tools write still parses. Hostile keys are crafted here from real ones by raising the
// cost field; real keys come from ssh-keygen and openssl when installed, node:crypto, and the
// Triton key fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, generateKeyPairSync, pbkdf2Sync, randomBytes as nodeRandom } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  encodeOpenSshPrivateKey,
  KeyParseError,
  MAX_BCRYPT_ROUNDS,
  MAX_PBKDF2_ITERATIONS,
  parsePrivateKey,
} from '../../../src/crypto/index.js';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { PASS, testKeys } from '../triton/fixtures.js';
import { derInt, derNull, derOctets, derOid, derSeq, pem, pemBody } from './helpers.js';
// These tests read encrypted and ECDSA keys through the default (browser) build, which loads
// those formats only when asked to (docs/architecture.md, "Key formats behind their own import").
import '../../../src/crypto/encrypted-keys/index.js';
import '../../../src/crypto/ecdsa/index.js';

// Refusing a key reads a few hundred bytes of PEM and DER: microseconds. A derivation that had
// started takes 19–64 s at these costs, so 3 s tells the two apart even on a loaded 2-core machine.
const FAST_MS = 3000;

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'opskit-kdf-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// --- Crafting keys (DER and PEM written with the test helpers, independent of opskit's writers) ---

const seq = derSeq;
const octets = derOctets;
const oid = derOid;
const integer = derInt;
const OID_PBES2 = '2a864886f70d01050d';
const OID_PBKDF2 = '2a864886f70d01050c';
const OID_HMAC_SHA256 = '2a864886f70d0209';
const OID_AES256_CBC = '60864801650304012a';

/**
 * `BEGIN ENCRYPTED PRIVATE KEY` (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) at `iterations`. With
 * `encrypt`, the body is really encrypted (node:crypto); without, it is the encryption at 1
 * iteration, so the file is well-formed but building it costs nothing at any count.
 */
function pbes2Key(pkcs8Der: Buffer, iterations: number, encrypt: boolean): string {
  const salt = nodeRandom(16);
  const iv = nodeRandom(16);
  const key = pbkdf2Sync(PASS, salt, encrypt ? iterations : 1, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const body = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  const kdf = seq(oid(OID_PBKDF2), seq(octets(salt), integer(iterations), seq(oid(OID_HMAC_SHA256), derNull())));
  const scheme = seq(oid(OID_AES256_CBC), octets(iv));
  return pem('ENCRYPTED PRIVATE KEY', seq(seq(oid(OID_PBES2), seq(kdf, scheme)), octets(body)));
}

/** An OpenSSH key file with its bcrypt rounds field set to `rounds` (everything else untouched). */
function withBcryptRounds(text: string, rounds: number): string {
  const body = pemBody(text);
  let at = 'openssh-key-v1\0'.length;
  const skipString = () => {
    const n = body.readUInt32BE(at);
    at += 4 + n;
    return n;
  };
  skipString(); // cipher name
  skipString(); // kdf name
  at += 4; // kdf options length
  skipString(); // salt
  body.writeUInt32BE(rounds, at);
  return pem('OPENSSH PRIVATE KEY', body);
}

/** Rounds recorded in an OpenSSH key file. */
function bcryptRoundsOf(text: string): number {
  const body = pemBody(text);
  let at = 'openssh-key-v1\0'.length;
  for (let i = 0; i < 2; i++) at += 4 + body.readUInt32BE(at);
  at += 4;
  at += 4 + body.readUInt32BE(at);
  return body.readUInt32BE(at);
}

function ed25519Pkcs8(): Buffer {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
}

function opensshKey(rounds: number): string {
  const key = parsePrivateKey(pem('PRIVATE KEY', ed25519Pkcs8()));
  return encodeOpenSshPrivateKey(key, { passphrase: PASS, rounds });
}

/** Runs `fn`, which must throw, and returns the error and how long it took. */
function timedThrow(fn: () => unknown): { error: unknown; ms: number } {
  const start = performance.now();
  try {
    fn();
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
  assert.fail('expected an error');
}

function assertCapError(error: unknown, parts: RegExp[]): void {
  assert.ok(error instanceof KeyParseError, `a KeyParseError, got ${String(error)}`);
  for (const part of parts) assert.match(error.message, part);
}

// --- Hostile keys fail fast, before any derivation ---

test('an OpenSSH key asking for 10,000 bcrypt rounds is refused at once, naming the parameter, value and cap', () => {
  const hostile = withBcryptRounds(opensshKey(4), 10_000);
  assert.equal(bcryptRoundsOf(hostile), 10_000);
  for (const options of [{ passphrase: PASS }, { passphrase: 'wrong' }, {}]) {
    const { error, ms } = timedThrow(() => parsePrivateKey(hostile, options));
    assertCapError(error, [/^OpenSSH key: bcrypt_pbkdf rounds 10000 is above the limit of 256\b/, /maxBcryptRounds: 10000/]);
    assert.ok(ms < FAST_MS, `refused in ${ms.toFixed(1)} ms, before deriving (limit ${FAST_MS} ms)`);
  }
  // The largest value the field can hold is refused just as fast.
  const { error, ms } = timedThrow(() => parsePrivateKey(withBcryptRounds(opensshKey(4), 2 ** 32 - 1), { passphrase: PASS }));
  assertCapError(error, [/rounds 4294967295 is above the limit of 256/]);
  assert.ok(ms < FAST_MS, `${ms.toFixed(1)} ms`);
});

test('a PKCS#8 PBES2 key asking for 10,000,000 PBKDF2 iterations is refused at once, naming the parameter, value and cap', () => {
  const hostile = pbes2Key(ed25519Pkcs8(), 10_000_000, false);
  for (const options of [{ passphrase: PASS }, {}]) {
    const { error, ms } = timedThrow(() => parsePrivateKey(hostile, options));
    assertCapError(error, [/^encrypted PKCS#8 key: PBKDF2 iteration count 10000000 is above the limit of 1000000\b/, /maxPbkdf2Iterations: 10000000/]);
    assert.ok(ms < FAST_MS, `refused in ${ms.toFixed(1)} ms, before deriving (limit ${FAST_MS} ms)`);
  }
});

test('the default caps are the documented constants', () => {
  assert.equal(MAX_BCRYPT_ROUNDS, 256);
  assert.equal(MAX_PBKDF2_ITERATIONS, 1_000_000);
});

// --- The caps are options: lower them, or raise them for a key that needs more ---

test('maxBcryptRounds moves the cap both ways, checked against a real derivation', () => {
  const key = opensshKey(20);
  assert.equal(bcryptRoundsOf(key), 20);
  assertCapError(timedThrow(() => parsePrivateKey(key, { passphrase: PASS, maxBcryptRounds: 19 })).error, [/rounds 20 is above the limit of 19/]);
  assert.equal(parsePrivateKey(key, { passphrase: PASS, maxBcryptRounds: 20 }).type, 'ed25519');
  // Above the default cap (the cost is faked: the cap must refuse it before deriving) …
  const above = withBcryptRounds(key, MAX_BCRYPT_ROUNDS + 1);
  assertCapError(timedThrow(() => parsePrivateKey(above, { passphrase: PASS })).error, [/rounds 257 is above the limit of 256/]);
  // … and raising the cap lets the derivation run (then the faked cost gives the wrong key).
  assertCapError(timedThrow(() => parsePrivateKey(withBcryptRounds(key, 21), { passphrase: PASS, maxBcryptRounds: 21 })).error, [/wrong passphrase/]);
});

test('maxPbkdf2Iterations moves the cap both ways, checked against a real derivation', () => {
  const pkcs8 = ed25519Pkcs8();
  const key = pbes2Key(pkcs8, 3000, true);
  assertCapError(timedThrow(() => parsePrivateKey(key, { passphrase: PASS, maxPbkdf2Iterations: 2999 })).error, [/iteration count 3000 is above the limit of 2999/]);
  assert.equal(parsePrivateKey(key, { passphrase: PASS, maxPbkdf2Iterations: 3000 }).type, 'ed25519');
  assert.equal(parsePrivateKey(key, { passphrase: PASS }).type, 'ed25519');
  const above = pbes2Key(pkcs8, MAX_PBKDF2_ITERATIONS + 1, false);
  assertCapError(timedThrow(() => parsePrivateKey(above, { passphrase: PASS })).error, [/iteration count 1000001 is above the limit of 1000000/]);
});

test('a cap that is not a positive integer is a ConfigError naming the option', () => {
  const key = opensshKey(4);
  for (const bad of [0, -1, 1.5, Number.NaN, Infinity, '256', null, {}]) {
    for (const option of ['maxBcryptRounds', 'maxPbkdf2Iterations'] as const) {
      assert.throws(
        () => parsePrivateKey(key, { passphrase: PASS, [option]: bad as number }),
        (e: unknown) => e instanceof ConfigError && e.message.includes(`parsePrivateKey: options.${option} must be an integer`),
        `${option}: ${String(bad)}`,
      );
    }
  }
});

// --- Keys real tools write still parse with the default caps ---

/**
 * Encrypted keys as real tools write them, with their default costs: ssh-keygen (OpenSSH format
 * at its default rounds and at the common `-a 100`, and `-m PKCS8`), `openssl pkcs8 -topk8`, and
 * node:crypto's PKCS#8 export (OpenSSL's defaults). Where a tool is missing, opskit's OpenSSH
 * writer stands in at the same rounds, so the cost coverage stays the same.
 */
function realKeys(): Array<[label: string, text: string]> {
  const keys: Array<[string, string]> = [];
  if (has('ssh-keygen')) {
    for (const [label, extra] of [['ssh-keygen (default rounds)', []], ['ssh-keygen -a 100', ['-a', '100']], ['ssh-keygen -m PKCS8', ['-m', 'PKCS8']]] as const) {
      const file = join(dir, label.replace(/\W+/g, '-'));
      execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', PASS, '-f', file, ...extra], { stdio: 'ignore' });
      keys.push([label, readFileSync(file, 'utf8')]);
    }
  } else {
    keys.push(['opskit writer, 16 rounds', opensshKey(16)], ['opskit writer, 100 rounds', opensshKey(100)]);
  }
  if (has('openssl')) {
    const plain = join(dir, 'plain.pem');
    const out = join(dir, 'openssl-pkcs8.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', plain], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', plain, '-out', out, '-passout', `pass:${PASS}`], { stdio: 'ignore' });
    keys.push(['openssl pkcs8 -topk8', readFileSync(out, 'utf8')]);
  }
  const node = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  keys.push(['node:crypto PKCS#8 export', node.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }) as string]);
  return keys;
}

test('encrypted keys written by ssh-keygen, openssl and node:crypto at their usual costs parse with the default caps', () => {
  const keys = realKeys();
  assert.ok(keys.length >= 3);
  for (const [label, text] of keys) {
    if (text.includes('OPENSSH PRIVATE KEY')) assert.ok(bcryptRoundsOf(text) <= MAX_BCRYPT_ROUNDS, `${label}: ${bcryptRoundsOf(text)} rounds`);
    const key = parsePrivateKey(text, { passphrase: PASS });
    assert.equal(key.encrypted, true, label);
    assert.ok(key.type === 'ecdsa' || key.type === 'ed25519', label);
  }
});

test('every encrypted format of the Triton key fixtures (ssh-keygen or opskit OpenSSH, node:crypto PKCS#8 and PEM) still parses', () => {
  let count = 0;
  for (const k of testKeys()) {
    for (const format of k.encrypted) {
      assert.equal(parsePrivateKey(k.formats[format]!, { passphrase: PASS }).sha256Fingerprint, k.sha256, `${k.label} ${format}`);
      count++;
    }
  }
  assert.ok(count >= 13, `${count} encrypted fixtures`);
});
