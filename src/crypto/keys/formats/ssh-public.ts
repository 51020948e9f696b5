import { checkBytes } from '../../args/check.js';
import { decodeBase64 } from '../../encoding/base64.js';
import { KeyParseError } from '../../errors/key-parse-error.js';
import { bytesToBigInt } from '../../rsa/bigint.js';
import { CURVES, type EcCurve } from '../curves.js';
import { checkComment } from '../check-key-data.js';
import { PublicKey } from '../public-key.js';
import { SshReader } from '../ssh-wire.js';
import type { PublicKeyData } from '../types.js';

/** Reads a public key's numbers from an SSH reader positioned at its type string. */
export function readSshPublicKey(r: SshReader): PublicKeyData {
  const type = r.text();
  if (type === 'ssh-rsa') {
    const e = bytesToBigInt(r.mpint());
    const n = bytesToBigInt(r.mpint());
    if (n === 0n || e === 0n) throw new KeyParseError(`${r.what}: malformed RSA key`);
    return { type: 'rsa', n, e };
  }
  if (type === 'ssh-ed25519') {
    const a = r.string();
    if (a.length !== 32) throw new KeyParseError(`${r.what}: malformed Ed25519 key`);
    return { type: 'ed25519', a };
  }
  const ec = /^ecdsa-sha2-(nistp256|nistp384|nistp521)$/.exec(type);
  if (ec) {
    const curve = ec[1] as EcCurve;
    if (r.text() !== curve) throw new KeyParseError(`${r.what}: ECDSA curve name does not match the key type`);
    const q = r.string();
    if (q.length !== 1 + 2 * CURVES[curve].size || q[0] !== 4) throw new KeyParseError(`${r.what}: malformed ECDSA point`);
    return { type: 'ecdsa', curve, q };
  }
  throw new KeyParseError(`${r.what}: unsupported key type ${JSON.stringify(type.slice(0, 40))} (expected RSA, ECDSA or Ed25519)`);
}

/**
 * Parses an SSH wire-format public-key blob.
 * @throws KeyParseError naming what is wrong; ConfigError when `blob` is not a Uint8Array or
 *   `comment` not a string.
 */
export function parseSshPublicBlob(blob: Uint8Array, comment = ''): PublicKey {
  checkBytes(blob, 'parseSshPublicBlob: blob');
  checkComment(comment, 'parseSshPublicBlob: comment');
  const r = new SshReader(blob, 'SSH public key');
  const data = readSshPublicKey(r);
  if (r.remaining !== 0) throw new KeyParseError('SSH public key: trailing bytes after the key');
  return new PublicKey(data, comment);
}

/** Parses an `authorized_keys`-style line: `ssh-rsa AAAA… comment`. */
export function parseSshPublicLine(line: string): PublicKey {
  const m = /^\s*([a-z0-9@.-]+)\s+([A-Za-z0-9+/=]+)(?:\s+(.*?))?\s*$/.exec(line);
  if (!m) throw new KeyParseError('SSH public key: expected "<type> <base64> [comment]"');
  let blob: Uint8Array;
  try {
    blob = decodeBase64(m[2]!);
  } catch {
    throw new KeyParseError('SSH public key: the key is not valid base64');
  }
  const key = parseSshPublicBlob(blob, m[3] ?? '');
  if (key.sshType !== m[1]) throw new KeyParseError('SSH public key: the type word does not match the key blob');
  return key;
}
