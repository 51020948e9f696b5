import { ed25519 } from '../ed25519.js';
import { checkBytes, fail } from '../../args/check.js';
import { rsaVerifyPkcs1v15 } from '../../rsa/pkcs1v15.js';
import { nobleCurve } from '../nist-curves.js';
import { PublicKey } from '../public-key.js';
import { parseAlgorithm, type SignatureAlgorithm } from './algorithms.js';
import { digest } from './hashes.js';

/**
 * Verifies a signature in the HTTP Signature encodings (RSA raw, ECDSA DER, Ed25519 raw), in
 * pure JavaScript. False for any mismatch, including an unknown algorithm name or one that does
 * not fit the key (these come from the request being verified).
 * @throws ConfigError for a caller's mistake: `key` not a PublicKey, `algorithm` not a string,
 *   `data` or `signature` not a Uint8Array.
 */
export function verifyWithKey(key: PublicKey, algorithm: SignatureAlgorithm | string, data: Uint8Array, signature: Uint8Array): boolean {
  if (!(key instanceof PublicKey)) fail('verifyWithKey: key', 'a PublicKey', key);
  if (typeof algorithm !== 'string') fail('verifyWithKey: algorithm', 'a signature algorithm name (a string)', algorithm);
  checkBytes(data, 'verifyWithKey: data');
  checkBytes(signature, 'verifyWithKey: signature');
  let parsed;
  try {
    parsed = parseAlgorithm(algorithm);
  } catch {
    return false;
  }
  if (parsed.keyType !== key.type) return false;
  const k = key.data;
  try {
    if (k.type === 'rsa') return rsaVerifyPkcs1v15(k.n, k.e, parsed.hash, data, signature);
    if (k.type === 'ed25519') return ed25519.verify(signature, data, k.a);
    // lowS off: OpenSSL and WebCrypto produce high-S signatures half of the time, and they are valid.
    return nobleCurve(k.curve).verify(signature, digest(parsed.hash, data), k.q, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
}
