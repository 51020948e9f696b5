/** A query value as facades pass it: lists are comma-joined, undefined/null are left out. */
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/** Query parameters in the order they must appear on the wire. */
export type Query = Readonly<Record<string, QueryValue>>;

// Commas separate list items and are legal in a query (RFC 3986 sub-delims), so keep them readable.
const enc = (v: string): string => encodeURIComponent(v).replace(/%2C/gi, ',');

/**
 * Serialises a query in insertion order, the order upstream sends: the method's own parameters,
 * then `limit`, `disable_hateoas`, `cursor`. Unlike upstream, every value is percent-encoded, so
 * `&` or `=` inside a value cannot corrupt the query, and booleans go out as `true`/`false`.
 */
export function serializeQuery(query: Query): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map((v) => enc(String(v))).join(',') : enc(String(value));
    parts.push(`${enc(key)}=${text}`);
  }
  return parts.join('&');
}
