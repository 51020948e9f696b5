import { ConfigError } from '../../core/errors/config-error.js';
import { fail } from '../args/check.js';

// ECMAScript dates reach ±8.64e15 ms (±100,000,000 days) from 1970; beyond, `new Date` is invalid.
const MAX_DATE_MS = 8.64e15;

/**
 * An HTTP date in the IMF-fixdate form (RFC 9110 §5.6.7), always GMT:
 * `Thu, 05 Jan 2014 21:31:40 GMT`. `toUTCString` has produced exactly this since ES2018.
 * @throws ConfigError when `ms` is not a finite number of milliseconds in the Date range (it would
 *   otherwise format as "Invalid Date" and be signed as such).
 */
export function httpDate(ms: number): string {
  if (typeof ms !== 'number') fail('httpDate: ms', 'milliseconds since 1970 (a number)', ms);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) throw new ConfigError(`httpDate: ms must be a finite number within ±8.64e15, got ${ms}`);
  return new Date(ms).toUTCString();
}

/**
 * Parses an HTTP date to epoch ms; NaN when it is not a date.
 * @throws ConfigError when `value` is not a string.
 */
export function parseHttpDate(value: string): number {
  if (typeof value !== 'string') fail('parseHttpDate: value', 'a string', value);
  return Date.parse(value);
}
