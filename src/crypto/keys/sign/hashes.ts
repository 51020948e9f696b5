import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

/** Hashes an HTTP Signature algorithm can name (`rsa-sha256` → `sha256`). */
export type HashName = 'sha1' | 'sha256' | 'sha384' | 'sha512';

/** The digest of `data` (pure JavaScript, synchronous). */
export function digest(hash: HashName, data: Uint8Array): Uint8Array {
  switch (hash) {
    case 'sha1':
      return sha1(data);
    case 'sha256':
      return sha256(data);
    case 'sha384':
      return sha384(data);
    case 'sha512':
      return sha512(data);
  }
}

/** WebCrypto's name for a hash. */
export function webCryptoHash(hash: HashName): string {
  return { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[hash];
}
