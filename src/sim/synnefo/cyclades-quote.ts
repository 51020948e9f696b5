/**
 * Python 2 `urllib.quote` (safe `/`) and a forgiving `unquote`, as Plankton applies them to image
 * names, descriptions and properties in `X-Image-Meta-*` headers (protocol §1.2, §5).
 */

const SAFE = /[A-Za-z0-9_.\-/]/;
const utf8 = new TextEncoder();

export function pyQuote(text: string): string {
  let out = '';
  for (const ch of text) {
    if (SAFE.test(ch)) {
      out += ch;
      continue;
    }
    for (const b of utf8.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Like Python's `unquote`: `%XX` become bytes (decoded as UTF-8); malformed escapes stay as they are. */
export function pyUnquote(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of utf8.encode(ch)) bytes.push(b);
    }
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
}
