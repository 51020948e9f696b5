import { SignatureError } from '../../errors/signature-error.js';
import { materialOf } from '../material.js';
import type { PrivateKey } from '../private-key.js';
import { algorithmFor, defaultAlgorithm, type SignatureAlgorithm } from './algorithms.js';
import { signNative, subtle } from './native.js';
import { signPure } from './pure.js';

/**
 * Which implementation signs: `native` (WebCrypto), `pure` (noble + bigint RSA, works without
 * `crypto.subtle`), or `auto` (native where available, else pure; also pure when the engine lacks
 * the algorithm, e.g. Ed25519 in older browsers).
 */
export type SigningBackend = 'auto' | 'native' | 'pure';

/** Options of {@link signWithKey}. */
export interface SignOptions {
  /** Default: the key's {@link defaultAlgorithm}. */
  algorithm?: SignatureAlgorithm | string;
  backend?: SigningBackend;
}

/**
 * Signs `data` with a private key and returns the signature bytes in the encoding HTTP Signatures
 * use: RSA PKCS#1 v1.5 raw, ECDSA ASN.1 DER `SEQUENCE{r,s}`, Ed25519 raw 64 bytes.
 * @throws SignatureError when the algorithm does not fit the key, or `native` is asked for where
 *   WebCrypto is missing or cannot do it.
 */
export async function signWithKey(key: PrivateKey, data: Uint8Array, options: SignOptions = {}): Promise<Uint8Array> {
  const { hash } = algorithmFor(key.type, options.algorithm ?? defaultAlgorithm(key));
  const material = materialOf(key);
  const backend = options.backend ?? 'auto';
  if (backend === 'pure') return signPure(material, hash, data);
  const s = subtle();
  if (!s) {
    if (backend === 'native') throw new SignatureError('native signing needs crypto.subtle, which this runtime does not have (non-secure origin?)');
    return signPure(material, hash, data);
  }
  try {
    return await signNative(s, material, hash, data);
  } catch (e) {
    if (backend === 'native') throw new SignatureError(`native signing failed for a ${key.type} key`, { cause: e });
    return signPure(material, hash, data);
  }
}

/** Synchronous pure-JavaScript signing (see {@link signWithKey}). */
export function signWithKeySync(key: PrivateKey, data: Uint8Array, algorithm?: SignatureAlgorithm | string): Uint8Array {
  const { hash } = algorithmFor(key.type, algorithm ?? defaultAlgorithm(key));
  return signPure(materialOf(key), hash, data);
}
