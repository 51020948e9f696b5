import { quote, unquote } from './quote.js';

/** Which headers are quoted: exact names and name prefixes, matched case-insensitively (protocol §1.3). */
export interface HeaderQuoting {
  /** Exact header names, e.g. `X-Image-Meta-Name`. */
  names?: readonly string[];
  /** Name prefixes, e.g. `X-Image-Meta-Property-`. */
  prefixes?: readonly string[];
}

function matcher(rules: HeaderQuoting): (name: string) => boolean {
  const names = new Set((rules.names ?? []).map((n) => n.toLowerCase()));
  const prefixes = (rules.prefixes ?? []).map((p) => p.toLowerCase());
  return (name) => {
    const lower = name.toLowerCase();
    return names.has(lower) || prefixes.some((p) => lower.startsWith(p));
  };
}

/**
 * Request side of kamaki's header quoting (ImageClient: `X-Image-Meta-Name` and every
 * `X-Image-Meta-Property-*`): the VALUES of matching headers are UTF-8 encoded and quoted with
 * Python 2 rules (safe `/`); the others are only stringified. `undefined`/`null` values are
 * dropped, as kamaki's `set_header` does; booleans become `True`/`False`.
 */
export function quoteHeaders(
  headers: Readonly<Record<string, string | number | boolean | null | undefined>>,
  rules: HeaderQuoting,
): Record<string, string> {
  const quotable = matcher(rules);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    out[name] = quotable(name) ? quote(text) : text;
  }
  return out;
}

/**
 * Response side: every header as a plain object keyed by lower-case name, with the values of
 * matching headers unquoted and read as UTF-8 (Plankton sends image names, descriptions and
 * properties percent-encoded).
 */
export function unquoteHeaders(headers: Headers, rules: HeaderQuoting): Record<string, string> {
  const quoted = matcher(rules);
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = quoted(name) ? unquote(value) : value;
  });
  return out;
}

/**
 * kamaki's `_quote_header_keys`: header NAMES with one of the prefixes are quoted (a metadata key
 * such as `X-Object-Meta-Ταυτότητα` cannot travel unquoted: header names are ASCII tokens).
 */
export function quoteHeaderKeys(headers: Readonly<Record<string, string>>, prefixes: readonly string[]): Record<string, string> {
  const lower = prefixes.map((p) => p.toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[lower.some((p) => name.toLowerCase().startsWith(p)) ? quote(name) : name] = value;
  }
  return out;
}

/** kamaki's `_unquote_header_keys`: the reverse of {@link quoteHeaderKeys}. */
export function unquoteHeaderKeys(headers: Readonly<Record<string, string>>, prefixes: readonly string[]): Record<string, string> {
  const lower = prefixes.map((p) => p.toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[lower.some((p) => name.toLowerCase().startsWith(p)) ? unquote(name) : name] = value;
  }
  return out;
}
