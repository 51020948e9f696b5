import { ed25519 } from '@noble/curves/ed25519.js';
import { rsaSignPkcs1v15 } from '../../rsa/pkcs1v15.js';
import { nobleCurve } from '../curves.js';
import type { PrivateKeyData } from '../types.js';
import { digest, type HashName } from './hashes.js';

/**
 * Signs in pure JavaScript: noble for ECDSA (deterministic RFC 6979, DER-encoded) and Ed25519,
 * bigint CRT for RSA PKCS#1 v1.5. Synchronous; works where `crypto.subtle` is missing.
 */
export function signPure(data: PrivateKeyData, hash: HashName, message: Uint8Array): Uint8Array {
  switch (data.type) {
    case 'rsa':
      return rsaSignPkcs1v15(data, hash, message);
    case 'ed25519':
      // Ed25519 hashes internally with SHA-512; the "-sha512" of the algorithm name is nominal.
      return ed25519.sign(message, data.seed);
    case 'ecdsa':
      // The digest is computed here so any hash works with any curve (ecdsa-sha512 on P-256);
      // noble truncates it to the order's bit length as ECDSA specifies.
      return nobleCurve(data.curve).sign(digest(hash, message), data.d, { prehash: false, format: 'der' });
  }
}
