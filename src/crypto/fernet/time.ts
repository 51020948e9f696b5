import { ConfigError } from '../../core/errors/config-error.js';

/** Reads a clock value (milliseconds since 1970, or a Date) as whole seconds. */
export function toSeconds(now: number | Date, what: string): number {
  // Only a number or a Date: `+` would also turn '' or [] into 0, a silent wrong time.
  const ms = typeof now == 'number' || now instanceof Date ? +now : NaN;
  // Also rejects NaN, an invalid Date and Infinity; Fernet timestamps are unsigned.
  if (!(ms >= 0 && ms <= Number.MAX_SAFE_INTEGER)) throw new ConfigError(`${what}: now must be a Date or milliseconds since 1970`);
  return Math.floor(ms / 1000);
}

// Fernet stores seconds as a 64-bit big-endian integer; DataView has no exact 64-bit
// number accessor, so it is written and read as two 32-bit halves.
export function writeTimestamp(token: Uint8Array, seconds: number): void {
  const view = new DataView(token.buffer, token.byteOffset + 1, 8);
  view.setUint32(0, seconds / 2 ** 32);
  view.setUint32(4, seconds);
}

/**
 * Values past 2^53 lose precision, which is harmless: such a timestamp lies millions of
 * years ahead and fails the clock-skew check whatever its low bits are.
 */
export function readTimestamp(token: Uint8Array): number {
  const view = new DataView(token.buffer, token.byteOffset + 1, 8);
  return view.getUint32(0) * 2 ** 32 + view.getUint32(4);
}
