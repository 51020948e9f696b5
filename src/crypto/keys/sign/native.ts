import { encodeBase64Url } from '../../encoding/base64.js';
import { bigIntToBytes } from '../../rsa/bigint.js';
import { CURVES } from '../curves.js';
import type { PrivateKeyData } from '../types.js';
import { p1363ToDer } from './ecdsa-der.js';
import { webCryptoHash, type HashName } from './hashes.js';

const b64u = (bytes: Uint8Array) => encodeBase64Url(bytes, { pad: false });

/** `crypto.subtle`, or undefined on non-secure browser origins and old runtimes. */
export function subtle(): SubtleCrypto | undefined {
  const s = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  return typeof s?.sign === 'function' ? s : undefined;
}

function jwkOf(data: PrivateKeyData): JsonWebKey {
  if (data.type === 'rsa') {
    return {
      kty: 'RSA', n: b64u(bigIntToBytes(data.n)), e: b64u(bigIntToBytes(data.e)), d: b64u(bigIntToBytes(data.d)),
      p: b64u(bigIntToBytes(data.p)), q: b64u(bigIntToBytes(data.q)), dp: b64u(bigIntToBytes(data.dp)),
      dq: b64u(bigIntToBytes(data.dq)), qi: b64u(bigIntToBytes(data.qi)), ext: false,
    };
  }
  if (data.type === 'ecdsa') {
    const size = CURVES[data.curve].size;
    return {
      kty: 'EC', crv: CURVES[data.curve].jwk, d: b64u(data.d),
      x: b64u(data.q.subarray(1, 1 + size)), y: b64u(data.q.subarray(1 + size)), ext: false,
    };
  }
  return { kty: 'OKP', crv: 'Ed25519', d: b64u(data.seed), x: b64u(data.a), ext: false };
}

function importParams(data: PrivateKeyData, hash: HashName): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  if (data.type === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: webCryptoHash(hash) };
  if (data.type === 'ecdsa') return { name: 'ECDSA', namedCurve: CURVES[data.curve].jwk };
  return { name: 'Ed25519' };
}

// Imported CryptoKeys per key material and hash: an import costs far more than a signature.
const cache = new WeakMap<PrivateKeyData, Map<string, Promise<CryptoKey>>>();

function importKey(s: SubtleCrypto, data: PrivateKeyData, hash: HashName): Promise<CryptoKey> {
  let perKey = cache.get(data);
  if (!perKey) cache.set(data, (perKey = new Map()));
  // ECDSA and Ed25519 keys are hash-independent; RSA keys are bound to one hash.
  const slot = data.type === 'rsa' ? hash : '*';
  let key = perKey.get(slot);
  if (!key) {
    key = Promise.resolve(s.importKey('jwk', jwkOf(data), importParams(data, hash), false, ['sign']));
    // A failed import (an engine without Ed25519) must not stick: the caller falls back.
    key.catch(() => perKey.delete(slot));
    perKey.set(slot, key);
  }
  return key;
}

/**
 * Signs with WebCrypto. ECDSA results are converted from P1363 to DER. Rejects when the engine
 * lacks the algorithm (e.g. Ed25519 in older browsers); callers then use the pure path.
 */
export async function signNative(s: SubtleCrypto, data: PrivateKeyData, hash: HashName, message: Uint8Array): Promise<Uint8Array> {
  const key = await importKey(s, data, hash);
  const algorithm =
    data.type === 'ecdsa' ? { name: 'ECDSA', hash: webCryptoHash(hash) } : data.type === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'Ed25519' };
  const sig = new Uint8Array(await s.sign(algorithm, key, message as BufferSource));
  return data.type === 'ecdsa' ? p1363ToDer(sig) : sig;
}
