import { equalBytes } from '../bytes/equal-bytes.js';
import { SignatureError } from '../errors/signature-error.js';
import { concatBytes } from '../keys/der.js';
import { digest, type HashName } from '../keys/sign/hashes.js';
import { bigIntToBytes, bitLength, bytesToBigInt, modPow } from './bigint.js';

/** An RSA private key in the CRT form every key format carries. */
export interface RsaPrivateNumbers {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qi: bigint;
}

// DER DigestInfo prefixes (RFC 8017 §9.2 note 1): AlgorithmIdentifier + OCTET STRING header.
const DIGEST_INFO: Record<HashName, string> = {
  sha1: '3021300906052b0e03021a05000414',
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** EMSA-PKCS1-v1_5 encoding (RFC 8017 §9.2) of `data`'s digest into `k` bytes. */
export function emsaPkcs1v15(hash: HashName, data: Uint8Array, k: number): Uint8Array {
  const t = concatBytes(hexBytes(DIGEST_INFO[hash]), digest(hash, data));
  if (k < t.length + 11) throw new SignatureError('RSA key too short for this hash');
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0;
  em[1] = 1;
  em[k - t.length - 1] = 0;
  em.set(t, k - t.length);
  return em;
}

/**
 * RSASSA-PKCS1-v1_5 signature in pure JavaScript (bigint), for runtimes without WebCrypto.
 * Uses the CRT (about 3× faster than one full-size exponentiation) and checks the result with
 * the public exponent, so a computation fault can never release a signature that leaks the key.
 */
export function rsaSignPkcs1v15(key: RsaPrivateNumbers, hash: HashName, data: Uint8Array): Uint8Array {
  const k = Math.ceil(bitLength(key.n) / 8);
  const m = bytesToBigInt(emsaPkcs1v15(hash, data, k));
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  let h = ((m1 - m2) * key.qi) % key.p;
  if (h < 0n) h += key.p;
  const s = m2 + h * key.q;
  if (modPow(s, key.e, key.n) !== m) throw new SignatureError('RSA signature self-check failed');
  return bigIntToBytes(s, k);
}

/** Verifies an RSASSA-PKCS1-v1_5 signature (pure JavaScript). */
export function rsaVerifyPkcs1v15(n: bigint, e: bigint, hash: HashName, data: Uint8Array, signature: Uint8Array): boolean {
  const k = Math.ceil(bitLength(n) / 8);
  if (signature.length !== k) return false;
  const s = bytesToBigInt(signature);
  if (s >= n) return false;
  const em = bigIntToBytes(modPow(s, e, n), k);
  return equalBytes(em, emsaPkcs1v15(hash, data, k));
}
