import { checkBytes, fail } from '../args/check.js';
import { encodingError } from './encoding-error.js';

let byteToHex: string[] | undefined;

/**
 * Encodes bytes as lowercase hexadecimal.
 * @throws OpsError with code `ENCODING` when `bytes` is not a Uint8Array.
 */
export function encodeHex(bytes: Uint8Array): string {
  checkBytes(bytes, 'encodeHex: bytes', encodingError);
  const table = (byteToHex ??= Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')));
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += table[bytes[i]!];
  return out;
}

// '0'–'9', 'A'–'F', 'a'–'f' → 0–15; anything else → -1.
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 32;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

/**
 * Decodes hexadecimal (either case). No prefix, separators or whitespace.
 * @throws OpsError with code `ENCODING` on odd length, a non-hex character, or a `text` that is
 *   not a string. Messages give the offset, never the text.
 */
export function decodeHex(text: string): Uint8Array {
  if (typeof text !== 'string') fail('decodeHex: text', 'a string', text, encodingError);
  if (text.length % 2 !== 0) throw encodingError('hex text: odd length');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(text.charCodeAt(2 * i));
    const lo = nibble(text.charCodeAt(2 * i + 1));
    if ((hi | lo) < 0) throw encodingError(`hex text: invalid character at offset ${hi < 0 ? 2 * i : 2 * i + 1}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}
