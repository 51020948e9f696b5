import type { QuerySerializer, QuerySerializerOptions } from 'openapi-fetch';

/**
 * Query, body and header serialisation with openapi-fetch's rules (the typed client's contract),
 * written here so a call needs no second client runtime: `form` + `explode` arrays, `deepObject`
 * objects, `encodeURIComponent` unless `allowReserved`.
 */

type Style = { style?: string; explode?: boolean };

const encoder = (reserved: boolean) => (v: unknown) => (reserved ? String(v) : encodeURIComponent(v as string));

/** openapi-fetch's `createQuerySerializer`, query styles only (form, spaceDelimited, pipeDelimited, deepObject). */
export function querySerializerFor(options?: QuerySerializerOptions): (query: Record<string, unknown>) => string {
  const enc = encoder(options?.allowReserved === true);
  const array: Style = { style: 'form', explode: true, ...options?.array };
  const object: Style = { style: 'deepObject', explode: true, ...options?.object };
  return (query) => {
    const out: string[] = [];
    for (const name in query) {
      const value = query[name];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        if (value.length === 0) continue;
        if (array.explode === false) {
          const joiner = array.style === 'spaceDelimited' ? '%20' : array.style === 'pipeDelimited' ? '|' : ',';
          out.push(`${name}=${value.map(enc).join(joiner)}`);
        } else {
          for (const v of value) out.push(`${name}=${enc(v)}`);
        }
      } else if (typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>);
        if (object.style !== 'deepObject' && object.explode === false) {
          out.push(`${name}=${entries.flatMap(([k, v]) => [k, enc(v)]).join(',')}`);
        } else {
          for (const [k, v] of entries) {
            if (v !== undefined && v !== null) out.push(`${object.style === 'deepObject' ? `${name}[${k}]` : k}=${enc(v)}`);
          }
        }
      } else {
        out.push(`${name}=${enc(value)}`);
      }
    }
    return out.join('&');
  };
}

/** The query serializer of a call: its own (a function, or options merged over the client's), else the client's. */
export function pickQuerySerializer(
  own: QuerySerializer<unknown> | QuerySerializerOptions | undefined,
  client: QuerySerializer<unknown> | QuerySerializerOptions | undefined,
  clientSerializer: (q: Record<string, unknown>) => string,
): (q: Record<string, unknown>) => string {
  if (!own) return clientSerializer;
  if (typeof own === 'function') return own as (q: Record<string, unknown>) => string;
  return querySerializerFor({ ...(typeof client === 'object' ? client : {}), ...own });
}

/** openapi-fetch's default body serializer: FormData as is, form-encoded when the type says so, else JSON. */
export function defaultBodySerializer(body: unknown, headers?: Headers): unknown {
  if (typeof FormData !== 'undefined' && body instanceof FormData) return body;
  if (headers?.get('content-type') === 'application/x-www-form-urlencoded') return new URLSearchParams(body as Record<string, string>).toString();
  return JSON.stringify(body);
}

/** Header values as openapi-fetch takes them: `null` removes, an array appends each value. */
type HeaderSource = Headers | Record<string, unknown> | undefined | null;

/**
 * Merges header sources into `into`, later ones winning. Returns true when one of them named
 * `content-type` (even to remove it), so the JSON default is not applied over the caller's choice.
 */
export function mergeHeaders(into: Headers, ...sources: HeaderSource[]): boolean {
  let contentType = false;
  for (const h of sources) {
    if (!h || typeof h !== 'object') continue;
    const entries: Iterable<[string, unknown]> = h instanceof Headers ? h.entries() : Object.entries(h);
    for (const [k, v] of entries) {
      if (!contentType && k.length === 12 && k.toLowerCase() === 'content-type') contentType = true;
      if (v === null) into.delete(k);
      else if (Array.isArray(v)) for (const one of v) into.append(k, one as string);
      else if (v !== undefined) into.set(k, v as string);
    }
  }
  return contentType;
}
