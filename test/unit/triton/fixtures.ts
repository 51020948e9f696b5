// Test keys, made once per test file: node:crypto generates them and writes the PEM formats;
// ssh-keygen (when installed) writes the OpenSSH ones and computes reference fingerprints. Without
// ssh-keygen the OpenSSH files come from opskit's own writer (then they check parsing round trips,
// not interoperability) and fingerprints from node:crypto's JWK export.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeOpenSshPrivateKey, parsePrivateKey } from '../../../src/crypto/index.js';
// These tests read encrypted and ECDSA keys through the default (browser) build, which loads
// those formats only when asked to (docs/architecture.md, "Key formats behind their own import").
import '../../../src/crypto/encrypted-keys/index.js';
import '../../../src/crypto/ecdsa/index.js';

export const PASS = 'correct horse battery staple';

export const hasSshKeygen = spawnSync('sh', ['-c', 'command -v ssh-keygen'], { stdio: 'ignore' }).status === 0;
export const hasSshAgent = spawnSync('sh', ['-c', 'command -v ssh-agent && command -v ssh-add'], { stdio: 'ignore' }).status === 0;

/** One test key in every format it can take. */
export interface TestKey {
  label: string;
  type: 'rsa' | 'ecdsa' | 'ed25519';
  curve?: string;
  node: KeyObject;
  /** OpenSSH `authorized_keys` line (from ssh-keygen -y, or built from the JWK). */
  publicLine: string;
  /** Reference fingerprints (ssh-keygen -l, or node:crypto over the blob). */
  md5: string;
  sha256: string;
  /** format name → private key text. */
  formats: Record<string, string>;
  /** formats that need PASS. */
  encrypted: Set<string>;
}

function sshString(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}
function mpint(b64u: string): Buffer {
  let b = Buffer.from(b64u, 'base64url');
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  return b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
}

/** The SSH public blob of a key, from node:crypto's JWK (independent of opskit's encoder). */
function blobFromNode(key: KeyObject): { type: string; blob: Buffer } {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as Record<string, string>;
  if (jwk.kty === 'RSA') return { type: 'ssh-rsa', blob: Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshString(mpint(jwk.e!)), sshString(mpint(jwk.n!))]) };
  if (jwk.kty === 'OKP') return { type: 'ssh-ed25519', blob: Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.from(jwk.x!, 'base64url'))]) };
  const curve = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' }[jwk.crv!]!;
  const q = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  const type = `ecdsa-sha2-${curve}`;
  return { type, blob: Buffer.concat([sshString(Buffer.from(type)), sshString(Buffer.from(curve)), sshString(q)]) };
}

const dir = mkdtempSync(join(tmpdir(), 'opskit-triton-keys-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

function sshKeygen(args: string[]): string {
  return execFileSync('ssh-keygen', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Converts a PEM key file to OpenSSH format with ssh-keygen (optionally encrypting it). */
function toOpenSsh(pem: string, passphrase: string, rounds = 4): string {
  const file = join(dir, `k${counter++}`);
  writeFileSync(file, pem, { mode: 0o600 });
  sshKeygen(['-p', '-P', '', '-N', passphrase, '-a', String(rounds), '-f', file, '-q']);
  return readFileSync(file, 'utf8');
}

function makeKey(label: string, type: TestKey['type'], node: KeyObject, curve?: string): TestKey {
  const formats: Record<string, string> = {};
  const encrypted = new Set<string>();
  const pkcs8 = node.export({ type: 'pkcs8', format: 'pem' }) as string;
  formats.pkcs8 = pkcs8;
  formats['pkcs8-encrypted'] = node.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }) as string;
  encrypted.add('pkcs8-encrypted');
  if (type !== 'ed25519') {
    const legacy = type === 'rsa' ? 'pkcs1' : 'sec1';
    formats[legacy] = node.export({ type: legacy, format: 'pem' }) as string;
    formats[`${legacy}-aes128`] = node.export({ type: legacy, format: 'pem', cipher: 'aes-128-cbc', passphrase: PASS }) as string;
    formats[`${legacy}-aes256`] = node.export({ type: legacy, format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }) as string;
    encrypted.add(`${legacy}-aes128`).add(`${legacy}-aes256`);
  }
  const { type: sshType, blob } = blobFromNode(node);
  let publicLine = `${sshType} ${blob.toString('base64')} ${label}`;
  let md5 = createHash('md5').update(blob).digest('hex').replace(/(..)(?!$)/g, '$1:');
  let sha256 = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  if (hasSshKeygen) {
    // ssh-keygen 9 cannot read Ed25519 PKCS#8: hand it an OpenSSH file (opskit's writer) to rewrite.
    const pemForKeygen = type === 'ed25519' ? encodeOpenSshPrivateKey(parsePrivateKey(pkcs8)) : formats[type === 'rsa' ? 'pkcs1' : 'sec1']!;
    formats.openssh = toOpenSsh(pemForKeygen, '');
    formats['openssh-encrypted'] = toOpenSsh(pemForKeygen, PASS);
    const file = join(dir, `k${counter++}`);
    writeFileSync(file, formats.openssh, { mode: 0o600 });
    publicLine = `${sshKeygen(['-y', '-f', file]).trim().split(' ').slice(0, 2).join(' ')} ${label}`;
    writeFileSync(`${file}.pub`, publicLine);
    md5 = sshKeygen(['-l', '-E', 'md5', '-f', `${file}.pub`]).split(' ')[1]!.replace(/^MD5:/, '');
    sha256 = sshKeygen(['-l', '-E', 'sha256', '-f', `${file}.pub`]).split(' ')[1]!;
  } else {
    const parsed = parsePrivateKey(pkcs8, { comment: label });
    formats.openssh = encodeOpenSshPrivateKey(parsed);
    formats['openssh-encrypted'] = encodeOpenSshPrivateKey(parsed, { passphrase: PASS, rounds: 4 });
  }
  encrypted.add('openssh-encrypted');
  return { label, type, ...(curve ? { curve } : {}), node, publicLine, md5, sha256, formats, encrypted };
}

let cache: TestKey[] | undefined;

/** RSA-2048, ECDSA P-256/384/521 and Ed25519 test keys (generated once per process). */
export function testKeys(): TestKey[] {
  cache ??= [
    makeKey('rsa-2048', 'rsa', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
    makeKey('ecdsa-p256', 'ecdsa', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'nistp256'),
    makeKey('ecdsa-p384', 'ecdsa', generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, 'nistp384'),
    makeKey('ecdsa-p521', 'ecdsa', generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey, 'nistp521'),
    makeKey('ed25519', 'ed25519', generateKeyPairSync('ed25519').privateKey),
  ];
  return cache;
}

/** The three key types the wire tests sign with. */
export function wireKeys(): TestKey[] {
  return testKeys().filter((k) => ['rsa-2048', 'ecdsa-p256', 'ed25519'].includes(k.label));
}

/** A temporary directory removed at exit. */
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** The RSA-1024 key of the draft-cavage appendix (protocols §1.9). */
export const DRAFT_RSA_KEY = `-----BEGIN RSA PRIVATE KEY-----
MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF
NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F
UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB
AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA
QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK
kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg
f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u
412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc
mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7
kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA
gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW
G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI
7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==
-----END RSA PRIVATE KEY-----
`;

/** RFC 8032 test 1 as PKCS#8 (seed 9d61b19d…). */
export const RFC8032_KEY = `-----BEGIN PRIVATE KEY-----
${Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')]).toString('base64')}
-----END PRIVATE KEY-----
`;
