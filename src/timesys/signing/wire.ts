import { compareCodePoints } from './code-points.js';
import { pyStr, type LlapiParams, type LlapiScalar } from './python-str.js';

/** One `key=value` pair as it travels, value already rendered. */
export type Pair = readonly [string, string];

/** The content type of every LLAPI POST body (there is no JSON and no multipart anywhere). */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

const SAFE = /^[A-Za-z0-9_.~-]*$/;

/**
 * Python's `urllib.parse.quote_plus`: space → `+`, every byte outside `A-Za-z0-9_.-~` percent-encoded
 * from UTF-8. `encodeURIComponent` leaves `!'()*` alone, so those are encoded here too.
 */
export function quotePlus(text: string): string {
  // Most values (tokens, booleans, versions) need no escaping at all.
  if (SAFE.test(text)) return text;
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Pairs in insertion order, lists expanded in caller order, null/undefined dropped, values as Python `str()`. */
export function toPairs(params: LlapiParams): Pair[] {
  const pairs: Pair[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly LlapiScalar[]) pairs.push([key, pyStr(v)]);
    else pairs.push([key, pyStr(value as LlapiScalar)]);
  }
  return pairs;
}

/**
 * Pairs with keys in code-point order, as upstream's GET/PATCH/PUT/DELETE queries carry them; the
 * sort is stable, so a list keeps the caller's order (§7 trap 2).
 */
export function sortPairs(pairs: readonly Pair[]): Pair[] {
  return [...pairs].sort((a, b) => compareCodePoints(a[0], b[0]));
}

/** `k=v&k=v`, both sides `quote_plus`-encoded. */
export function encodePairs(pairs: readonly Pair[]): string {
  return pairs.map(([k, v]) => `${quotePlus(k)}=${quotePlus(v)}`).join('&');
}

/** Decodes a query string or form body (`+` is a space) into pairs, in order. */
export function decodePairs(text: string): Pair[] {
  const out: Pair[] = [];
  for (const [k, v] of new URLSearchParams(text)) out.push([k, v]);
  return out;
}

/** Pairs grouped by key (one value stays a scalar), the shape {@link llapiMessage} signs. */
export function pairsToParams(pairs: readonly Pair[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/**
 * Encodes one path parameter the way `requests` leaves a raw path: RFC 3986 `pchar`s stay as they
 * are (so a member e-mail keeps its `@` and `+`), anything else is percent-encoded.
 */
export function encodePathParam(value: string): string {
  return encodeURIComponent(value).replace(/%(40|2B|3A|2C|3B|3D|24|26)/g, (m) => decodeURIComponent(m));
}

/** The raw (decoded) form of a URL path, which is what LLAPI signs. */
export function rawPath(pathname: string): string {
  if (!pathname.includes('%')) return pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
