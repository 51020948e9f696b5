import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { failChoice } from './args/check.js';
import { utf8Bytes } from './encoding/utf8.js';

/** Hash functions {@link hmac} supports. SHA-1 is here only because legacy APIs sign with it. */
export type HmacHash = 'sha1' | 'sha256' | 'sha512';

const HASHES: readonly HmacHash[] = ['sha1', 'sha256', 'sha512'];

/**
 * Computes an HMAC (RFC 2104). Strings are UTF-8 encoded first.
 *
 * Synchronous and pure JavaScript (noble), so it also works where `crypto.subtle` is
 * missing and inside request signers that cannot await.
 * @param hash - `sha1`, `sha256` or `sha512`.
 * @returns the tag: 20, 32 or 64 bytes.
 * @throws ConfigError for an unsupported hash name, or a key or message that is neither a
 *   Uint8Array nor well-formed text (a lone surrogate has no UTF-8 form).
 * @example
 * ```ts
 * encodeHex(hmac('sha256', 'key', 'The quick brown fox jumps over the lazy dog'));
 * // 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'
 * ```
 */
export function hmac(hash: HmacHash, key: Uint8Array | string, message: Uint8Array | string): Uint8Array {
  // A switch rather than a lookup object, so names like 'toString' cannot reach a prototype.
  let fn;
  switch (hash) {
    case 'sha1':
      fn = sha1;
      break;
    case 'sha256':
      fn = sha256;
      break;
    case 'sha512':
      fn = sha512;
      break;
    default:
      failChoice(hash, 'hmac: hash', HASHES);
  }
  return nobleHmac(fn, utf8Bytes(key, 'hmac: key'), utf8Bytes(message, 'hmac: message'));
}
