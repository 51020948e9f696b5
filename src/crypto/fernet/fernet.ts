import { ConfigError } from '../../core/errors/config-error.js';
import { constantTimeEqual } from '../bytes/constant-time-equal.js';
import { encodeBase64UrlUnchecked } from '../encoding/base64.js';
import { utf8Text } from '../encoding/utf8.js';
import { InvalidToken } from '../errors/invalid-token.js';
import type { Mac } from '../hmac-sha256.js';
import { ENGINE, type FernetCipher, type FernetEngine } from './engine.js';
import { parseFernetKey } from './key.js';
import { portableEngine } from './portable-engine.js';
import { readTimestamp, toSeconds, writeTimestamp } from './time.js';

// Token layout (spec): version(1) ‖ timestamp(8) ‖ IV(16) ‖ ciphertext(16·n, n ≥ 1) ‖ HMAC(32).
const VERSION = 0x80;
const IV_AT = 9;
const BODY_AT = 25;
const MAC_LEN = 32;
const BLOCK = 16;
const MIN_LEN = BODY_AT + BLOCK + MAC_LEN;
// The spec gives no number; 60 s is what cryptography, fernet-go and fernet.js use.
const MAX_CLOCK_SKEW = 60;

// Called directly rather than through randomBytes(): Fernet needs only 16 or 32 bytes,
// and this keeps the bundle small.
const random = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

// Options, and each option, may be left out (undefined); anything else of the wrong kind, null
// included, is the caller's bug and gets a ConfigError rather than being ignored.
function checked<T>(options: T | undefined, where: string): T | undefined {
  if (options !== undefined && (typeof options != 'object' || !options || Array.isArray(options))) throw new ConfigError(`${where}: options must be an object`);
  return options;
}
const or = <T>(value: T | undefined, fallback: () => T): T => (value === undefined ? fallback() : value);

/** Options for {@link Fernet}. */
export interface FernetOptions {
  /** Clock in milliseconds since the epoch, used when a call passes no `now` (default `Date.now`). */
  now?: () => number;
}

/** Options for {@link Fernet.encrypt}. */
export interface FernetEncryptOptions {
  /** Creation time stamped into the token: milliseconds since the epoch or a Date (default: the clock). */
  now?: number | Date;
  /**
   * The 16-byte IV. Only for test vectors: reusing an IV with the same key leaks
   * whether two messages share a prefix. Default: 16 fresh random bytes.
   */
  iv?: Uint8Array;
}

/** Options for {@link Fernet.decrypt} and {@link Fernet.decryptText}. */
export interface FernetDecryptOptions {
  /**
   * Maximum token age in seconds. When given, a token older than `ttl` seconds or stamped
   * more than 60 s in the future is rejected. Without it the timestamp is not checked,
   * as in Python's `cryptography` and fernet-go.
   */
  ttl?: number;
  /** Current time: milliseconds since the epoch or a Date (default: the clock). */
  now?: number | Date;
}

/**
 * Fernet symmetric authenticated encryption (https://github.com/fernet/spec), compatible
 * with Python's `cryptography.fernet.Fernet`.
 *
 * Synchronous. In browsers it is pure JavaScript (AES-128-CBC, noble's SHA-256), so it runs where
 * `crypto.subtle` is missing; in Node, Deno and Bun (the `node` export condition of opskit/crypto)
 * the same class runs on node:crypto, with the same checks and errors. Every verification failure throws the same
 * {@link InvalidToken}, so callers, and attackers, cannot tell a bad MAC from bad padding.
 *
 * @example
 * ```ts
 * const key = Fernet.generateKey();
 * const f = new Fernet(key);
 * const token = f.encrypt('secret message');
 * f.decryptText(token, { ttl: 60 }); // 'secret message'
 * ```
 */
export class Fernet {
  readonly #engine: FernetEngine;
  // Both keyed once per instance.
  readonly #cipher: FernetCipher;
  readonly #mac: Mac;
  // Reused: calls are synchronous, so one scratch tag is enough.
  readonly #tag = new Uint8Array(MAC_LEN);
  readonly #clock: () => number;

  /** Returns a new random key: 32 bytes as base64url (44 characters), the format Python's `Fernet.generate_key()` produces. */
  static generateKey(): string {
    return encodeBase64UrlUnchecked(random(32));
  }

  /**
   * @param key - base64url text of 32 bytes (as from {@link Fernet.generateKey}) or the 32 raw bytes.
   * @throws KeyParseError when the key is malformed; the message never contains the key.
   * @throws ConfigError when `options.now` is not a function.
   */
  constructor(key: string | Uint8Array, options?: FernetOptions) {
    const { signingKey, encryptionKey } = parseFernetKey(key);
    const clock = or(checked(options, 'Fernet')?.now, () => Date.now);
    if (typeof clock != 'function') throw new ConfigError('Fernet: options.now must be a function');
    // A runtime-specific subclass names its engine; see engine.ts.
    const engine = (new.target as { [ENGINE]?: FernetEngine })[ENGINE] || portableEngine;
    this.#engine = engine;
    this.#cipher = engine.cipher(encryptionKey);
    this.#mac = engine.mac(signingKey);
    this.#clock = clock;
  }

  /**
   * Encrypts and authenticates `data` (strings are UTF-8 encoded).
   * @returns the token, base64url with padding.
   * @throws ConfigError when `data` is neither a Uint8Array nor well-formed text (a lone
   *   surrogate has no UTF-8 form), for a bad `now`, or an `iv` that is not 16 bytes.
   */
  encrypt(data: string | Uint8Array, options?: FernetEncryptOptions): string {
    // Checked here rather than with the shared argument helpers to keep Fernet's bundle small. A lone
    // surrogate has no UTF-8 form: TextEncoder would encrypt U+FFFD, and decryption would not round-trip.
    if (!(data instanceof Uint8Array || (typeof data == 'string' && !/\p{Cs}/u.test(data)))) {
      throw new ConfigError('Fernet.encrypt: data must be a Uint8Array or well-formed text');
    }
    const plaintext = typeof data == 'string' ? new TextEncoder().encode(data) : data;
    const iv = or(checked(options, 'Fernet.encrypt')?.iv, () => random(BLOCK));
    if (!(iv instanceof Uint8Array && iv.length == BLOCK)) throw new ConfigError('Fernet.encrypt: options.iv must be 16 bytes');
    const seconds = toSeconds(or(options?.now, this.#clock), 'Fernet.encrypt');
    // PKCS#7 always adds 1 to 16 bytes.
    const macAt = BODY_AT + plaintext.length + BLOCK - (plaintext.length % BLOCK);
    const token = new Uint8Array(macAt + MAC_LEN);
    token[0] = VERSION;
    writeTimestamp(token, seconds);
    token.set(iv, IV_AT);
    // Ciphertext and tag are written straight into the token.
    this.#cipher.encrypt(iv, plaintext, token.subarray(BODY_AT, macAt));
    this.#mac(token.subarray(0, macAt), token.subarray(macAt));
    return this.#engine.encode(token);
  }

  /**
   * Verifies and decrypts a token. Checks run in the spec's order: decoding, version,
   * timestamp (only with `ttl`), HMAC in constant time, then decryption and unpadding.
   * @throws InvalidToken, always with the same message, whichever check failed.
   * @throws ConfigError for a bad `ttl` or `now` option.
   */
  decrypt(token: string, options?: FernetDecryptOptions): Uint8Array {
    const bytes = this.#verify(token, options);
    try {
      return this.#cipher.decrypt(bytes.subarray(IV_AT, BODY_AT), bytes.subarray(BODY_AT, bytes.length - MAC_LEN));
    } catch {
      // Reachable only with a valid MAC, i.e. a token made with this key but bad padding.
      throw new InvalidToken();
    }
  }

  /**
   * {@link Fernet.decrypt}, then strict UTF-8 decoding.
   * @throws InvalidToken as {@link Fernet.decrypt} does.
   * @throws OpsError with code `ENCODING` when an authentic payload is not valid UTF-8.
   */
  decryptText(token: string, options?: FernetDecryptOptions): string {
    return utf8Text(this.decrypt(token, options));
  }

  /**
   * Returns the creation time stamped in a token, in seconds since the epoch. The HMAC is
   * verified first (as in Python's `extract_timestamp`), so the time cannot be forged.
   * @throws InvalidToken when the token is malformed or not authentic.
   */
  extractTimestamp(token: string): number {
    return readTimestamp(this.#verify(token));
  }

  // Everything up to and including the HMAC check; returns the decoded, authentic token.
  #verify(token: string, options?: FernetDecryptOptions): Uint8Array {
    const ttl = checked(options, 'Fernet.decrypt')?.ttl;
    // Option errors are the caller's bug, not the token's, so they are not hidden behind InvalidToken.
    if (ttl !== undefined && !(typeof ttl === 'number' && ttl >= 0)) throw new ConfigError('Fernet.decrypt: ttl must be seconds >= 0');
    const current = ttl === undefined ? 0 : toSeconds(or(options?.now, this.#clock), 'Fernet.decrypt');

    let bytes: Uint8Array;
    try {
      bytes = this.#engine.decode(token);
    } catch {
      throw new InvalidToken();
    }
    const length = bytes.length;
    if (bytes[0] !== VERSION || length < MIN_LEN || (length - BODY_AT - MAC_LEN) % BLOCK !== 0) {
      throw new InvalidToken();
    }
    if (ttl !== undefined) {
      const stamped = readTimestamp(bytes);
      if (stamped + ttl < current || current + MAX_CLOCK_SKEW < stamped) throw new InvalidToken();
    }
    const macAt = length - MAC_LEN;
    this.#mac(bytes.subarray(0, macAt), this.#tag);
    if (!constantTimeEqual(this.#tag, bytes.subarray(macAt))) throw new InvalidToken();
    return bytes;
  }
}
