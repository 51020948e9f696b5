/**
 * Python 2 `urllib.quote` / `urllib.unquote`, as kamaki applies them to paths, query values and
 * some header values (protocol §1.2, §1.3). Unlike `encodeURIComponent`, only `A-Za-z0-9_.-` and
 * the `safe` characters stay literal: `~!*'()` ARE escaped. Text is UTF-8 encoded first and the
 * escapes are upper-case hex (`%7E`).
 */

const HEX = '0123456789ABCDEF';
const encoder = new TextEncoder();

function alwaysSafe(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2e || byte === 0x2d;
}

/**
 * Python 2 `urllib.quote(text.encode('utf-8'), safe)`: every byte but `A-Za-z0-9_.-` and the
 * ASCII characters of `safe` (default `/`, as kamaki uses it) becomes `%XX`. Numbers are
 * stringified first. Quoting is applied once (kamaki's double quoting of unicode query values is
 * a bug opskit does not copy).
 *
 * ```ts
 * quote('a b/c~d') // 'a%20b/c%7Ed'
 * quote('α/β', '') // '%CE%B1%2F%CE%B2'
 * ```
 */
export function quote(text: string | number, safe = '/'): string {
  const bytes = encoder.encode(String(text));
  let out = '';
  for (const b of bytes) {
    if (alwaysSafe(b) || (b < 0x80 && safe.includes(String.fromCharCode(b)))) out += String.fromCharCode(b);
    else out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Python 2 `urllib.unquote(text).decode('utf-8')`: every `%XX` with two hex digits becomes its
 * byte, anything else (a lone `%`, `%zz`) stays as it is, and the bytes are read as UTF-8
 * (malformed sequences become U+FFFD instead of raising).
 */
export function unquote(text: string): string {
  if (!text.includes('%')) return text;
  const source = encoder.encode(text);
  const out = new Uint8Array(source.length);
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const b = source[i] as number;
    if (b === 0x25 && i + 2 < source.length) {
      const hi = hexValue(source[i + 1] as number);
      const lo = hexValue(source[i + 2] as number);
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  return new TextDecoder('utf-8').decode(out.subarray(0, n));
}
