// Pithos+ header and URL encoding, as the server does it (snf-pithos-app api/util.py).

const ALWAYS_SAFE = /[A-Za-z0-9_.\-]/;
const utf8 = new TextEncoder();

/** Python's `urllib.quote(text, safe)`: UTF-8, every byte outside `[A-Za-z0-9_.-]` and `safe` as `%XX`. */
export function pyQuote(text: string, safe = '/'): string {
  let out = '';
  for (const ch of text) {
    if (ALWAYS_SAFE.test(ch) || (ch.length === 1 && safe.includes(ch))) {
      out += ch;
      continue;
    }
    for (const b of utf8.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Reply header values: quoted, leaving `/=,:@; "` as they are (S `update_response_headers`). */
export function quoteHeaderValue(value: string): string {
  return pyQuote(value, '/=,:@; "');
}

/** A request header key or value containing `%` is percent-decoded as UTF-8 (invalid escapes kept). */
export function unquoteHeader(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `foo_bar` → `Foo-Bar`: the server's meta key normalisation (`format_header_key`). */
export function formatMetaKey(key: string): string {
  return key
    .replace(/_/g, '-')
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w))
    .join('-');
}

/** RFC 1123 date of epoch milliseconds. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** ISO 8601 with microseconds and `+00:00`, as Django serialises listing dates. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** Epoch seconds with microseconds, as the server's version timestamps (`"1322813441.565891"`). */
export function epochDecimal(ms: number): string {
  return (ms / 1000).toFixed(6);
}

/** A parsed HTTP date in ms, or undefined when it is not one. */
export function parseHttpDate(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
