import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';

/**
 * Ed25519 (RFC 8032) from @noble/ed25519, the single-curve library by noble's author: smaller in a
 * browser bundle than @noble/curves' generic Edwards code (the Triton one-call app went from 53.8 to
 * 47.9 kB min+gz), and it shares @noble/hashes' SHA-512 with the rest of opskit. Its synchronous
 * calls need that SHA-512 wired in; it is set on first use and an app's own choice (any SHA-512
 * gives the same bytes) is left alone. Verification keeps noble's ZIP-215 default, as before.
 */
function lib(): typeof ed {
  ed.hashes.sha512 ??= sha512;
  return ed;
}

export const ed25519 = {
  sign: (message: Uint8Array, seed: Uint8Array): Uint8Array => lib().sign(message, seed),
  verify: (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean => lib().verify(signature, message, publicKey),
  getPublicKey: (seed: Uint8Array): Uint8Array => lib().getPublicKey(seed),
  randomSecretKey: (): Uint8Array => ed.utils.randomSecretKey(),
};
