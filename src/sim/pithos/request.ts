import { badRequest } from './faults.js';
import { formatMetaKey, unquoteHeader } from './encoding.js';

/** The parts of a Pithos request the handlers need, decoded once. */
export interface PithosRequest {
  readonly method: string;
  readonly account: string;
  readonly container: string | undefined;
  readonly object: string | undefined;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly url: URL;
  /** Request header by name, percent-decoded when it contains `%` (S `update_request_headers`). */
  header(name: string): string | undefined;
  /** Presence-only flag (`?update`, `?hashmap=True`, `?shared=None` all count). */
  flag(name: string): boolean;
  /** `until` as epoch ms: an integer ≥ 0 in seconds, or undefined (a bad value is ignored, like the server). */
  until(): number | undefined;
  /** Headers starting with `prefix` (lower-case), keys after it re-cased as the server stores them. */
  prefixed(prefix: string): Record<string, string>;
}

const MAX_META_HEADERS = 90;

export function parsePithosRequest(request: Request, relativePath: string): PithosRequest {
  const url = new URL(request.url);
  const trimmed = relativePath.replace(/^\/+/, '');
  const first = trimmed.indexOf('/');
  const accountRaw = first < 0 ? trimmed : trimmed.slice(0, first);
  const rest = first < 0 ? undefined : trimmed.slice(first + 1);
  let containerRaw: string | undefined;
  let objectRaw: string | undefined;
  if (rest !== undefined) {
    const second = rest.indexOf('/');
    containerRaw = second < 0 ? rest : rest.slice(0, second);
    objectRaw = second < 0 ? undefined : rest.slice(second + 1);
    if (objectRaw === '') objectRaw = undefined; // `/account/container/` is the container
    if (containerRaw === '') containerRaw = undefined;
  }
  const dec = (s: string | undefined) => {
    if (s === undefined) return undefined;
    try {
      return decodeURIComponent(s);
    } catch {
      throw badRequest('Invalid path encoding');
    }
  };
  const account = dec(accountRaw) ?? '';
  const container = dec(containerRaw);
  const object = dec(objectRaw);
  if (container !== undefined && container.length > 256) throw badRequest('Container name too large.');
  if (object !== undefined && object.length > 1024) throw badRequest('Object name too large.');
  const headers = request.headers;
  const query = url.searchParams;
  return {
    method: request.method.toUpperCase(),
    account,
    container,
    object,
    query,
    headers,
    url,
    header: (name) => {
      const v = headers.get(name);
      return v === null ? undefined : unquoteHeader(v);
    },
    flag: (name) => query.has(name),
    until: () => {
      const v = query.get('until');
      if (v === null || !/^\d+$/.test(v)) return undefined;
      return Number(v) * 1000;
    },
    prefixed: (prefix) => {
      const out: Record<string, string> = {};
      let n = 0;
      for (const [k, v] of headers) {
        if (!k.startsWith(prefix)) continue;
        const key = unquoteHeader(k.slice(prefix.length));
        const value = unquoteHeader(v);
        if (++n > MAX_META_HEADERS) throw badRequest('Too many headers.');
        if (key.length > 128) throw badRequest('Header name too large.');
        if (value.length > 256) throw badRequest('Header value too large.');
        out[formatMetaKey(key)] = value.replace(/~/g, '');
      }
      return out;
    },
  };
}
