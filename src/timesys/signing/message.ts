import { encodeBase64 } from '../../crypto/encoding/base64.js';
import { utf8Bytes } from '../../crypto/encoding/utf8.js';
import { hmacSha256, keyedHmacSha256, type Mac } from '../../crypto/hmac-sha256.js';
import { compareCodePoints } from './code-points.js';
import { pyStr, type LlapiParams, type LlapiScalar } from './python-str.js';

/** Python `sorted` of one list: numbers numerically, everything else by code point of its `str()`. */
function sortValues(values: readonly LlapiScalar[]): LlapiScalar[] {
  const copy = [...values];
  if (copy.every((v) => typeof v === 'number')) return copy.sort((a, b) => (a as number) - (b as number));
  return copy.sort((a, b) => compareCodePoints(pyStr(a), pyStr(b)));
}

/**
 * The LLAPI signing input (protocols §1.3): `METHOD + path + k=v&…` with keys sorted by code point,
 * list values sorted and expanded to one pair each (an empty list adds nothing), values rendered as
 * Python `str()` and left raw (never URL-encoded). `params` must already hold `email`.
 * Null and undefined values are skipped.
 * @param path - the raw resource path, e.g. `/api/v1/vigiles/manifests/TOK` (no host, no query).
 * @example
 * ```ts
 * llapiMessage('post', '/api/v1/heartbeat', { email: 'user@example.com' });
 * // 'POST/api/v1/heartbeatemail=user@example.com'
 * ```
 */
export function llapiMessage(method: string, path: string, params: LlapiParams): string {
  const parts: string[] = [];
  for (const key of Object.keys(params).sort(compareCodePoints)) {
    const value = params[key];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const v of sortValues(value as readonly LlapiScalar[])) parts.push(`${key}=${pyStr(v)}`);
    } else {
      parts.push(`${key}=${pyStr(value as LlapiScalar)}`);
    }
  }
  return `${method.toUpperCase()}${path}${parts.join('&')}`;
}

/**
 * `X-Auth-Signature` for a message: standard base64 of HMAC-SHA256, keyed with the UTF-8 bytes of
 * the trimmed API key (used as is: not base64- or hex-decoded). Always 44 characters.
 */
export function llapiSignature(key: string, message: string): string {
  // One message: a one-shot HMAC (keying a signer for a single message costs twice as much).
  const k = utf8Bytes(typeof key === 'string' ? key.trim() : key, 'llapiSignature: key');
  return encodeBase64(hmacSha256(k, utf8Bytes(message, 'llapiSignature: message')));
}

/**
 * {@link llapiSignature} for one key, keyed once (the HMAC's inner and outer states are computed
 * here, not per message). SHA-256 only, so a Timesys bundle carries no other hash.
 * @throws ConfigError when the key or a message is not a string or holds a lone surrogate.
 */
export function llapiSigner(key: string): (message: string) => string {
  const mac: Mac = keyedHmacSha256(utf8Bytes(typeof key === 'string' ? key.trim() : key, 'llapiSignature: key'));
  const tag = new Uint8Array(32);
  return (message) => {
    mac(utf8Bytes(message, 'llapiSignature: message'), tag);
    return encodeBase64(tag);
  };
}
