import { quote } from './quote.js';

/**
 * A query value as kamaki stages it (protocol §1.2):
 * - `undefined`: not sent;
 * - `''` or `null`: a bare key (`?update`), as kamaki sends an empty value;
 * - `true`/`false`: `True`/`False` (kamaki's `set_param` stringifies Python booleans);
 * - a number: its decimal text;
 * - an array: its items joined with `,` (Astakos' `user=u1,u2`).
 */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Query parameters in the order they are sent. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

// Keys are sent as kamaki sends them (unencoded: `SNF:is_public`, `changes-since`), except the few
// characters that would break the query apart or are not valid in a URL at all.
const KEY_UNSAFE = /[^\x21-\x7e]|[&=#%+]/g;

function encodeKey(key: string): string {
  return key.replace(KEY_UNSAFE, (c) => quote(c, ''));
}

function valueText(value: Exclude<QueryValue, undefined | null>): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/**
 * Serialises query parameters the way kamaki does (openapi-fetch `querySerializer`): values are
 * quoted once with Python 2 rules (safe `/`), an empty or `null` value becomes a bare key, and
 * `undefined` values are left out. Returns the text after `?` (empty when nothing is sent).
 *
 * ```ts
 * synnefoQuery({ 'changes-since': '2024-01-01T00:00:00+00:00', update: '', limit: undefined })
 * // 'changes-since=2024-01-01T00%3A00%3A00%2B00%3A00&update'
 * ```
 */
export function synnefoQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = value === null ? '' : valueText(value);
    parts.push(text === '' ? encodeKey(key) : `${encodeKey(key)}=${quote(text)}`);
  }
  return parts.join('&');
}
