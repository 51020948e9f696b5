import { ed25519 } from '../ed25519.js';
import { rsaSignPkcs1v15 } from '../../rsa/pkcs1v15.js';
import { SignatureError } from '../../errors/signature-error.js';
import { ecdsaMath } from '../ecdsa-math.js';
import type { PrivateKeyData } from '../types.js';
import { digest, type HashName } from './hashes.js';

/**
 * Signs in pure JavaScript: noble for ECDSA (deterministic RFC 6979, DER-encoded) and Ed25519,
 * bigint CRT for RSA PKCS#1 v1.5. Synchronous; works where `crypto.subtle` is missing. Ed25519 and
 * RSA are always here (Ed25519's arithmetic is loaded anyway to check keys, so browsers without
 * WebCrypto Ed25519 need nothing more); ECDSA uses what opskit/crypto/ecdsa installs.
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
      return ecdsaMath('signing with an ECDSA key in pure JavaScript', (m) => new SignatureError(m)).sign(data.curve, digest(hash, message), data.d);
  }
}
