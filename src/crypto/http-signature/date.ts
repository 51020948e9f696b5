/**
 * An HTTP date in the IMF-fixdate form (RFC 9110 §5.6.7), always GMT:
 * `Thu, 05 Jan 2014 21:31:40 GMT`. `toUTCString` has produced exactly this since ES2018.
 */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Parses an HTTP date to epoch ms; NaN when it is not a date. */
export function parseHttpDate(value: string): number {
  return Date.parse(value);
}
