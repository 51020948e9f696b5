import { checkBytes, checkOneOf, checkOptions } from '../../args/check.js';
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

const BACKENDS: readonly SigningBackend[] = ['auto', 'native', 'pure'];

/**
 * Signs `data` with a private key and returns the signature bytes in the encoding HTTP Signatures
 * use: RSA PKCS#1 v1.5 raw, ECDSA ASN.1 DER `SEQUENCE{r,s}`, Ed25519 raw 64 bytes.
 * @throws (rejects with) SignatureError when the algorithm does not fit the key, `native` is
 *   asked for where WebCrypto is missing or cannot do it, or an ECDSA key must sign in pure
 *   JavaScript in a browser bundle without `import 'opskit/crypto/ecdsa'`; ConfigError when `key` is not a
 *   PrivateKey, `data` not a Uint8Array, or an option is wrong.
 */
export async function signWithKey(key: PrivateKey, data: Uint8Array, options?: SignOptions): Promise<Uint8Array> {
  const material = materialOf(key, 'signWithKey: key');
  checkBytes(data, 'signWithKey: data');
  const o = checkOptions(options, 'signWithKey: options');
  const { hash } = algorithmFor(key.type, o.algorithm === undefined ? defaultAlgorithm(key) : o.algorithm, 'signWithKey: options.algorithm');
  const backend = o.backend === undefined ? 'auto' : checkOneOf(o.backend, 'signWithKey: options.backend', BACKENDS);
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

/**
 * Synchronous pure-JavaScript signing (see {@link signWithKey}).
 * @throws SignatureError when the algorithm does not fit the key, or for an ECDSA key in a browser
 *   bundle without `import 'opskit/crypto/ecdsa'`; ConfigError when `key` is not a
 *   PrivateKey, `data` not a Uint8Array or `algorithm` not a string.
 */
export function signWithKeySync(key: PrivateKey, data: Uint8Array, algorithm?: SignatureAlgorithm | string): Uint8Array {
  const material = materialOf(key, 'signWithKeySync: key');
  checkBytes(data, 'signWithKeySync: data');
  const { hash } = algorithmFor(key.type, algorithm === undefined ? defaultAlgorithm(key) : algorithm, 'signWithKeySync: algorithm');
  return signPure(material, hash, data);
}
