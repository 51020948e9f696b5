import { KeyParseError } from '../../errors/key-parse-error.js';
import { bytesToBigInt, modInverse } from '../../rsa/bigint.js';
import { derSequence, derSmallInt, derUnsigned } from '../der.js';
import type { PrivateKeyData, PublicKeyData } from '../types.js';

/** Completes RSA CRT numbers from n, e, d, p, q (formats differ in what they store). */
export function rsaFromPrimes(n: bigint, e: bigint, d: bigint, p: bigint, q: bigint, qi?: bigint): Extract<PrivateKeyData, { type: 'rsa' }> {
  // p = 1, q = n passes the product check, then d mod (p - 1) divides by zero (a raw RangeError).
  if (p < 2n || q < 2n || d < 1n) throw new KeyParseError('RSA key: malformed (a prime or the private exponent is out of range)');
  if (p * q !== n) throw new KeyParseError('RSA key: p·q does not equal n');
  let inverse = qi;
  if (inverse === undefined) {
    try {
      inverse = modInverse(q, p);
    } catch {
      throw new KeyParseError('RSA key: malformed (q has no inverse mod p)');
    }
  }
  return { type: 'rsa', n, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qi: inverse };
}

/** PKCS#1 RSAPrivateKey (RFC 8017 A.1.2), the body of `BEGIN RSA PRIVATE KEY`. */
export function parsePkcs1Private(der: Uint8Array): Extract<PrivateKeyData, { type: 'rsa' }> {
  const what = 'PKCS#1 RSA key';
  const f = derSequence(der, what);
  if (f.length < 9 || derSmallInt(f[0], what) !== 0) throw new KeyParseError(`${what}: malformed or multi-prime (unsupported)`);
  const [n, e, d, p, q, dp, dq, qi] = f.slice(1, 9).map((x) => bytesToBigInt(derUnsigned(x, what))) as bigint[];
  const key = rsaFromPrimes(n!, e!, d!, p!, q!, qi);
  // Keep the file's own CRT exponents; they are what it was checked against.
  return { ...key, dp: dp!, dq: dq! };
}

/** PKCS#1 RSAPublicKey, the body of `BEGIN RSA PUBLIC KEY` and of an SPKI rsaEncryption key. */
export function parsePkcs1Public(der: Uint8Array): Extract<PublicKeyData, { type: 'rsa' }> {
  const what = 'PKCS#1 RSA public key';
  const f = derSequence(der, what);
  if (f.length !== 2) throw new KeyParseError(`${what}: malformed`);
  return { type: 'rsa', n: bytesToBigInt(derUnsigned(f[0], what)), e: bytesToBigInt(derUnsigned(f[1], what)) };
}
