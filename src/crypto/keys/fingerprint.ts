import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeBase64 } from '../encoding/base64.js';
import { encodeHex } from '../encoding/hex.js';
import { KeyParseError } from '../errors/key-parse-error.js';

/**
 * MD5 fingerprint of an SSH public-key blob as lowercase colon-separated hex
 * (`b4:fd:fa:…`), the form CloudAPI stores and expects in a keyId.
 */
export function md5Fingerprint(blob: Uint8Array): string {
  return encodeHex(md5(blob)).replace(/(..)(?!$)/g, '$1:');
}

/** SHA256 fingerprint as OpenSSH prints it: `SHA256:` + unpadded base64. */
export function sha256Fingerprint(blob: Uint8Array): string {
  return `SHA256:${encodeBase64(sha256(blob)).replace(/=+$/, '')}`;
}

/** A fingerprint as a user types it, normalised. */
export interface ParsedFingerprint {
  hash: 'md5' | 'sha256';
  /** `aa:bb:…` for md5, `SHA256:…` for sha256. */
  value: string;
}

const MD5_HEX = /^(?:MD5:)?((?:[0-9a-f]{2}:){15}[0-9a-f]{2})$/i;
const SHA256_B64 = /^SHA256:([A-Za-z0-9+/]{43})=?$/;

/**
 * Parses the key ids users give (SDC_KEY_ID): `aa:bb:…` (16 hex pairs), `MD5:aa:bb:…` or
 * `SHA256:base64`. Throws KeyParseError for anything else.
 */
export function parseFingerprint(text: string): ParsedFingerprint {
  const t = text.trim();
  const md = MD5_HEX.exec(t);
  if (md) return { hash: 'md5', value: md[1]!.toLowerCase() };
  const sh = SHA256_B64.exec(t);
  if (sh) return { hash: 'sha256', value: `SHA256:${sh[1]}` };
  throw new KeyParseError('fingerprint: expected aa:bb:… (MD5 hex), MD5:aa:bb:… or SHA256:base64');
}

/** Whether `blob` has fingerprint `fingerprint` (any accepted form). */
export function fingerprintMatches(blob: Uint8Array, fingerprint: string | ParsedFingerprint): boolean {
  const fp = typeof fingerprint === 'string' ? parseFingerprint(fingerprint) : fingerprint;
  return fp.hash === 'md5' ? md5Fingerprint(blob) === fp.value : sha256Fingerprint(blob) === fp.value;
}
