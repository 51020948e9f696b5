import { quote, unquote } from '../base/quote.js';

/** Request headers whose values (and, for the meta prefixes, names) kamaki quotes (protocol §0). */
const QUOTED_PREFIXES = ['x-object-meta-', 'x-account-meta-', 'x-account-group-', 'x-container-meta-'];
const QUOTED_NAMES = new Set(['x-copy-from', 'x-move-from', 'destination', 'x-source-object', 'x-object-manifest', 'content-disposition']);

/** Reply headers whose values the server quotes. */
const REPLY_QUOTED = /^(x-account-|x-container-|x-object-|content-)/;
/** Reply headers whose names carry a quoted key. */
const REPLY_QUOTED_NAMES = /^(x-account-group-|x-account-policy-|x-account-meta-|x-container-policy-|x-container-meta-|x-object-meta-)/;

/** Header values as they go on the wire: booleans `True`/`False`, numbers as text, undefined dropped. */
export type HeaderInput = Readonly<Record<string, string | number | boolean | undefined | null>>;

/**
 * Request headers the Pithos way: meta, group and source-path values percent-encoded as UTF-8
 * (the server decodes any header containing `%`; header bytes must be ASCII), meta and group
 * names too.
 */
export function encodeRequestHeaders(headers: HeaderInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    const lower = name.toLowerCase();
    const prefix = QUOTED_PREFIXES.find((p) => lower.startsWith(p));
    if (prefix) out[`${name.slice(0, prefix.length)}${quote(name.slice(prefix.length), '')}`] = quote(text, '/ ,=:;@');
    else if (QUOTED_NAMES.has(lower)) out[name] = lower === 'content-disposition' ? quote(text, '/ ,=:;@"') : quote(text, '/');
    else out[name] = text;
  }
  return out;
}

/**
 * Reply headers as a plain object with lower-case names (kamaki's `r.headers`), values of
 * `X-Account-*`, `X-Container-*`, `X-Object-*` and `Content-*` percent-decoded, and the keys of
 * meta, group and policy headers decoded too.
 */
export function decodeResponseHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, rawName) => {
    const name = rawName.toLowerCase();
    const key = REPLY_QUOTED_NAMES.test(name) ? unquote(name) : name;
    out[key] = REPLY_QUOTED.test(name) ? unquote(value) : value;
  });
  return out;
}

/** kamaki's `filter_in`: the entries whose name starts with `prefix` (case-insensitive). */
export function filterIn(headers: Readonly<Record<string, string>>, prefix: string): Record<string, string> {
  const p = prefix.toLowerCase();
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase().startsWith(p)));
}

/** `{ key: value }` as `<prefix><key>` headers. */
export function prefixed(prefix: string, entries: Readonly<Record<string, string | number>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries ?? {})) out[`${prefix}${k}`] = String(v);
  return out;
}
