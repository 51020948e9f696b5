import type { Mac } from '../hmac-sha256.js';

/** AES-128-CBC with PKCS#7 for one key (see `aes128Cbc`). */
export interface FernetCipher {
  /** Encrypts with PKCS#7 padding into `out`, whose length is the padded length. */
  encrypt(iv: Uint8Array, plaintext: Uint8Array, out: Uint8Array): void;
  /** Decrypts and unpads; throws (any error) on bad padding. Returns a plain Uint8Array. */
  decrypt(iv: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}

/**
 * The primitives {@link Fernet} runs on. The portable engine (pure JavaScript, every runtime) is the
 * default; opskit/crypto's `node` export condition (Node, Deno, Bun) swaps in one on node:crypto,
 * so the checks, their order and every error stay in one class.
 */
export interface FernetEngine {
  /** Token bytes as base64url text with `=` padding. */
  encode(token: Uint8Array): string;
  /**
   * Strict base64url, padding optional but right when present; anything else (another alphabet,
   * whitespace, non-zero trailing bits) throws. The result may be a view of a larger buffer.
   */
  decode(text: string): Uint8Array;
  /** HMAC-SHA256 keyed once with the 16-byte signing key. */
  mac(signingKey: Uint8Array): Mac;
  /** AES-128-CBC keyed once with the 16-byte encryption key. */
  cipher(encryptionKey: Uint8Array): FernetCipher;
}

/**
 * The static property of a `Fernet` subclass naming its engine (read through `new.target`), so a
 * runtime-specific build subclasses Fernet without any new public member.
 */
export const ENGINE: unique symbol = Symbol('opskit.fernet.engine');
