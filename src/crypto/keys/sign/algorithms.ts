import { fail } from '../../args/check.js';
import { SignatureError } from '../../errors/signature-error.js';
import { CURVES, type EcCurve } from '../curves.js';
import type { KeyType } from '../types.js';
import type { HashName } from './hashes.js';

/**
 * HTTP Signature algorithm names opskit signs with (`<keytype>-<hash>`).
 *
 * `ecdsa-sha384` is produced on request, but CloudAPI's parser (http-signature 1.4) accepts only
 * sha1/sha256/sha512 and rejects it; the default for P-384 keys is therefore `ecdsa-sha512`.
 */
export type SignatureAlgorithm = 'rsa-sha1' | 'rsa-sha256' | 'rsa-sha512' | 'ecdsa-sha256' | 'ecdsa-sha384' | 'ecdsa-sha512' | 'ed25519-sha512';

/** Every algorithm in {@link SignatureAlgorithm}. */
export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = [
  'rsa-sha1', 'rsa-sha256', 'rsa-sha512', 'ecdsa-sha256', 'ecdsa-sha384', 'ecdsa-sha512', 'ed25519-sha512',
];

/**
 * Splits an algorithm name (any case) into key type and hash.
 * @throws SignatureError for an unknown name; ConfigError when `name` is not a string.
 */
export function parseAlgorithm(name: string): { algorithm: SignatureAlgorithm; keyType: KeyType; hash: HashName } {
  return splitAlgorithm(name, 'parseAlgorithm: name');
}

/** Internal: {@link parseAlgorithm}, with `what` naming the argument in the type error. */
export function splitAlgorithm(name: unknown, what: string): { algorithm: SignatureAlgorithm; keyType: KeyType; hash: HashName } {
  if (typeof name !== 'string') fail(what, 'a signature algorithm name (a string)', name);
  const algorithm = name.toLowerCase() as SignatureAlgorithm;
  if (!SIGNATURE_ALGORITHMS.includes(algorithm)) {
    throw new SignatureError(`unsupported signature algorithm ${JSON.stringify(name.slice(0, 40))} (supported: ${SIGNATURE_ALGORITHMS.join(', ')})`);
  }
  const [keyType, hash] = algorithm.split('-') as [KeyType, HashName];
  return { algorithm, keyType, hash };
}

/**
 * The algorithm a key signs with unless told otherwise: RSA → rsa-sha256, P-256 → ecdsa-sha256,
 * P-384/P-521 → ecdsa-sha512, Ed25519 → ed25519-sha512.
 * @throws ConfigError when `key` is not a key (an object with `type` and, for ECDSA, `curve`).
 */
export function defaultAlgorithm(key: { type: KeyType; curve?: EcCurve | undefined }): SignatureAlgorithm {
  const expected = "a key ({ type: 'rsa' | 'ecdsa' | 'ed25519', curve? })";
  if (typeof key !== 'object' || key === null) fail('defaultAlgorithm: key', expected, key);
  if (key.type === 'rsa') return 'rsa-sha256';
  if (key.type === 'ed25519') return 'ed25519-sha512';
  const curve = key.curve ?? 'nistp256';
  if (key.type !== 'ecdsa' || !Object.prototype.hasOwnProperty.call(CURVES, curve)) fail('defaultAlgorithm: key', expected, key);
  return `ecdsa-${CURVES[curve].defaultHash}` as SignatureAlgorithm;
}

/** Checks that `algorithm` fits a key of `type`; returns its parts. `what` names the argument. */
export function algorithmFor(type: KeyType, algorithm: unknown, what = 'algorithm'): { algorithm: SignatureAlgorithm; hash: HashName } {
  const parsed = splitAlgorithm(algorithm, what);
  if (parsed.keyType !== type) throw new SignatureError(`algorithm ${parsed.algorithm} cannot be used with a ${type} key`);
  return parsed;
}
