import { checkBytes } from '../args/check.js';
import { constantTimeEqual } from './constant-time-equal.js';

/**
 * Compares two byte arrays in time that depends only on their length, never on where
 * they differ, so comparing a computed MAC with a received one leaks nothing.
 * Arrays of different lengths are unequal (lengths are not secret).
 * @throws ConfigError when `a` or `b` is not a Uint8Array (a string would compare by its
 *   characters' UTF-16 codes, never what a caller comparing MACs means).
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return constantTimeEqual(checkBytes(a, 'equalBytes: a'), checkBytes(b, 'equalBytes: b'));
}
