import { checkBoolean, checkBytes, checkOptions, fail } from '../args/check.js';
import { encodingError } from './encoding-error.js';

// RFC 4648 §4 (standard) and §5 (URL and filename safe) differ only in the last two symbols.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PAD = 61; // '='
const INVALID = 64; // not a 6-bit value: marks symbols outside the alphabet

interface Alphabet {
  name: string;
  /** 6-bit value → ASCII code. */
  codes: Uint8Array;
  /** ASCII code (0–127) → 6-bit value, or INVALID. */
  values: Uint8Array;
}

// Built on first use rather than at import, so importing the module costs nothing.
let standard: Alphabet | undefined;
let url: Alphabet | undefined;
let ascii: TextDecoder | undefined;

function alphabet(name: string, last: string): Alphabet {
  const codes = new Uint8Array(64);
  const values = new Uint8Array(128).fill(INVALID);
  for (let i = 0; i < 64; i++) values[(codes[i] = (DIGITS + last).charCodeAt(i))] = i;
  return { name, codes, values };
}

function encode(bytes: Uint8Array, { codes }: Alphabet, pad: boolean): string {
  const n = bytes.length;
  const tail = n % 3;
  const full = n - tail;
  // Filling bytes and decoding them once is far faster than growing a string for large inputs.
  const out = new Uint8Array((full / 3) * 4 + (tail && (pad ? 4 : tail + 1)));
  let o = 0;
  for (let i = 0; i < full; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = codes[v >>> 18]!;
    out[o++] = codes[(v >>> 12) & 63]!;
    out[o++] = codes[(v >>> 6) & 63]!;
    out[o++] = codes[v & 63]!;
  }
  if (tail) {
    const v = (bytes[full]! << 16) | (tail > 1 ? bytes[full + 1]! << 8 : 0);
    out[o++] = codes[v >>> 18]!;
    out[o++] = codes[(v >>> 12) & 63]!;
    if (tail > 1) out[o++] = codes[(v >>> 6) & 63]!;
    if (pad) out.fill(PAD, o);
  }
  return (ascii ??= new TextDecoder()).decode(out);
}

/**
 * Strict decoder shared by both alphabets. `shift` places the result at that byte offset
 * of a fresh buffer, so a caller can get 4-byte-aligned fields without copying.
 */
function decode(text: string, { name, values }: Alphabet, shift: number): Uint8Array {
  let end = text.length;
  // Padding is optional, but when present it must complete the last 4-character group.
  if (text.charCodeAt(end - 1) === PAD) end -= text.charCodeAt(end - 2) === PAD ? 2 : 1;
  if (end % 4 === 1 || (end < text.length && text.length % 4)) throw encodingError(`${name}: invalid length or padding`);
  const length = (end * 3) >>> 2;
  const out = new Uint8Array(new ArrayBuffer(length + shift), shift, length);
  let bits = 0;
  let acc = 0;
  for (let i = 0, o = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? values[code]! : INVALID;
    if (value === INVALID) throw encodingError(`${name}: invalid character at offset ${i}`);
    acc = (acc << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = acc >>> bits;
      acc &= (1 << bits) - 1;
    }
  }
  // Leftover bits must be zero, so every byte string has exactly one encoding and a
  // token cannot be altered in its text without changing its bytes.
  if (acc) throw encodingError(`${name}: non-zero trailing bits`);
  return out;
}

// Error messages name the format and "text" (the decoders' argument), never the input itself.
const getStandard = (): Alphabet => (standard ??= alphabet('base64 text', '+/'));
const getUrl = (): Alphabet => (url ??= alphabet('base64url text', '-_'));

const bytesArg = (bytes: unknown, where: string): Uint8Array => checkBytes(bytes, `${where}: bytes`, encodingError);
const textArg = (text: unknown, where: string): string => {
  if (typeof text !== 'string') fail(`${where}: text`, 'a string', text, encodingError);
  return text;
};

/**
 * Encodes bytes as standard base64 (RFC 4648 §4), with `=` padding.
 * @throws OpsError with code `ENCODING` when `bytes` is not a Uint8Array.
 */
export function encodeBase64(bytes: Uint8Array): string {
  return encode(bytesArg(bytes, 'encodeBase64'), getStandard(), true);
}

/**
 * Decodes standard base64 (RFC 4648 §4). Padding is optional but must be right when
 * present; whitespace, the URL-safe symbols and non-canonical trailing bits are rejected.
 * @throws OpsError with code `ENCODING` on malformed input or when `text` is not a string.
 */
export function decodeBase64(text: string): Uint8Array {
  return decode(textArg(text, 'decodeBase64'), getStandard(), 0);
}

/**
 * Encodes bytes as base64url (RFC 4648 §5).
 * @param options.pad - append `=` padding (default `true`, as Fernet and Python's
 *   `urlsafe_b64encode` do; JWTs want `false`).
 * @throws OpsError with code `ENCODING` when `bytes` is not a Uint8Array; ConfigError for a bad option.
 */
export function encodeBase64Url(bytes: Uint8Array, options?: { pad?: boolean }): string {
  const { pad } = checkOptions(options, 'encodeBase64Url: options');
  return encode(bytesArg(bytes, 'encodeBase64Url'), getUrl(), pad === undefined || checkBoolean(pad, 'encodeBase64Url: options.pad'));
}

/**
 * Decodes base64url (RFC 4648 §5), with or without padding. Whitespace, the standard
 * alphabet's `+` and `/`, and non-canonical trailing bits are rejected.
 * @throws OpsError with code `ENCODING` on malformed input or when `text` is not a string.
 */
export function decodeBase64Url(text: string): Uint8Array {
  return decode(textArg(text, 'decodeBase64Url'), getUrl(), 0);
}

/** Internal: {@link encodeBase64Url} with padding and no argument check, for callers holding real bytes. */
export function encodeBase64UrlUnchecked(bytes: Uint8Array): string {
  return encode(bytes, getUrl(), true);
}

/**
 * Internal: {@link decodeBase64Url} without the argument check, into a buffer that starts
 * `shift` bytes before the result, so that fields at known offsets can be made 4-byte aligned.
 * A non-string `text` throws a TypeError here, which callers (Fernet) turn into their own error.
 */
export function decodeBase64UrlShifted(text: string, shift: number): Uint8Array {
  return decode(text, getUrl(), shift);
}
