import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { checkBytes, checkString, fail, type ErrorFactory } from '../args/check.js';
import { encodeBase64 } from '../encoding/base64.js';
import { encodeHex } from '../encoding/hex.js';
import { KeyParseError } from '../errors/key-parse-error.js';

const keyError: ErrorFactory = (message) => new KeyParseError(message);

/**
 * MD5 fingerprint of an SSH public-key blob as lowercase colon-separated hex
 * (`b4:fd:fa:…`), the form CloudAPI stores and expects in a keyId.
 * @throws ConfigError when `blob` is not a Uint8Array.
 */
export function md5Fingerprint(blob: Uint8Array): string {
  return encodeHex(md5(checkBytes(blob, 'md5Fingerprint: blob'))).replace(/(..)(?!$)/g, '$1:');
}

/**
 * SHA256 fingerprint as OpenSSH prints it: `SHA256:` + unpadded base64.
 * @throws ConfigError when `blob` is not a Uint8Array.
 */
export function sha256Fingerprint(blob: Uint8Array): string {
  return `SHA256:${encodeBase64(sha256(checkBytes(blob, 'sha256Fingerprint: blob'))).replace(/=+$/, '')}`;
}

/** A fingerprint as a user types it, normalised. */
export interface ParsedFingerprint {
  hash: 'md5' | 'sha256';
  /** `aa:bb:…` for md5, `SHA256:…` for sha256. */
  value: string;
}

const MD5_HEX = /^(?:MD5:)?((?:[0-9a-f]{2}:){15}[0-9a-f]{2})$/i;
const SHA256_B64 = /^SHA256:([A-Za-z0-9+/]{43})=?$/;

function parse(text: unknown, what: string): ParsedFingerprint {
  const t = checkString(text, what, { allowEmpty: true, error: keyError }).trim();
  const md = MD5_HEX.exec(t);
  if (md) return { hash: 'md5', value: md[1]!.toLowerCase() };
  const sh = SHA256_B64.exec(t);
  if (sh) return { hash: 'sha256', value: `SHA256:${sh[1]}` };
  throw keyError(`${what} is not a key fingerprint (expected aa:bb:… (MD5 hex), MD5:aa:bb:… or SHA256:base64)`);
}

/**
 * Parses the key ids users give (SDC_KEY_ID): `aa:bb:…` (16 hex pairs), `MD5:aa:bb:…` or
 * `SHA256:base64`. Throws KeyParseError for anything else (a non-string included).
 */
export function parseFingerprint(text: string): ParsedFingerprint {
  return parse(text, 'parseFingerprint: text');
}

/** Internal: {@link fingerprintMatches}, with `what` naming the fingerprint argument in errors. */
export function matchesFingerprint(blob: Uint8Array, fingerprint: unknown, what: string): boolean {
  let fp: ParsedFingerprint;
  if (typeof fingerprint === 'object' && fingerprint !== null && !Array.isArray(fingerprint)) {
    const { hash, value } = fingerprint as Partial<ParsedFingerprint>;
    // A ParsedFingerprint made by hand is normalised the same way as text.
    if ((hash !== 'md5' && hash !== 'sha256') || typeof value !== 'string') fail(what, 'a fingerprint string or a ParsedFingerprint { hash, value }', fingerprint, keyError);
    fp = parse(hash === 'md5' ? `MD5:${value}` : value, what);
    if (fp.hash !== hash) throw keyError(`${what}.value is not a ${hash} fingerprint`);
  } else {
    fp = parse(fingerprint, what);
  }
  return fp.hash === 'md5' ? md5Fingerprint(blob) === fp.value : sha256Fingerprint(blob) === fp.value;
}

/**
 * Whether `blob` has fingerprint `fingerprint` (any accepted form, or a {@link ParsedFingerprint}).
 * @throws ConfigError when `blob` is not a Uint8Array; KeyParseError when `fingerprint` is not a fingerprint.
 */
export function fingerprintMatches(blob: Uint8Array, fingerprint: string | ParsedFingerprint): boolean {
  checkBytes(blob, 'fingerprintMatches: blob');
  return matchesFingerprint(blob, fingerprint, 'fingerprintMatches: fingerprint');
}
