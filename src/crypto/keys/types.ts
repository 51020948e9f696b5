import type { EcCurve } from './curves.js';

/** Key algorithms opskit parses and signs with. */
export type KeyType = 'rsa' | 'ecdsa' | 'ed25519';

/** Public key numbers. */
export type PublicKeyData =
  | { type: 'rsa'; n: bigint; e: bigint }
  /** `q` is the uncompressed SEC1 point (0x04 ‖ x ‖ y). */
  | { type: 'ecdsa'; curve: EcCurve; q: Uint8Array }
  /** `a` is the 32-byte public key. */
  | { type: 'ed25519'; a: Uint8Array };

/** Private key numbers (never exposed on public objects; see `material.ts`). */
export type PrivateKeyData =
  | { type: 'rsa'; n: bigint; e: bigint; d: bigint; p: bigint; q: bigint; dp: bigint; dq: bigint; qi: bigint }
  | { type: 'ecdsa'; curve: EcCurve; q: Uint8Array; d: Uint8Array }
  | { type: 'ed25519'; a: Uint8Array; seed: Uint8Array };

/** Where a private key came from. */
export type PrivateKeyFormat = 'openssh' | 'pkcs1' | 'sec1' | 'pkcs8';
