import { ConfigError } from '../../core/errors/config-error.js';
import type { OpsError } from '../../core/errors/ops-error.js';

// Argument checks for the public functions of opskit/crypto. A caller that passes the wrong
// kind of value gets a typed OpsError that names the function, the argument and what was
// expected, instead of a TypeError from deep inside noble or the platform (or, worse, a
// silently wrong result). Messages describe the value's type, never the value: it may be a
// secret (a key, a passphrase, a token).

/** Builds the error a failed check throws; ConfigError unless the caller's domain has its own. */
export type ErrorFactory = (message: string) => OpsError;

const configError: ErrorFactory = (message) => new ConfigError(message);

/** A value's kind for an error message: `undefined`, `null`, `number`, `Array`, `Object`, … */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  const type = typeof value;
  // Object.prototype.toString cannot be fooled into running caller code (unlike String(value)).
  return type === 'object' ? Object.prototype.toString.call(value).slice(8, -1) : type;
}

/** Throws `<what> must be <expected>, got <kind>`. */
export function fail(what: string, expected: string, value: unknown, error: ErrorFactory = configError): never {
  throw error(`${what} must be ${expected}, got ${kindOf(value)}`);
}

/**
 * Index of the first lone surrogate in `text`, or -1. Such text has no UTF-8 form: TextEncoder
 * would silently turn it into U+FFFD, so two different strings would sign, hash or encrypt alike.
 * (In a `u` regex a paired surrogate is one code point, so `\p{Cs}` matches only lone halves.)
 */
export function loneSurrogateAt(text: string): number {
  return text.search(/\p{Cs}/u);
}

/** Throws unless `text` is well-formed Unicode (no lone surrogate). */
export function checkWellFormed(text: string, what: string, error: ErrorFactory = configError): string {
  const at = loneSurrogateAt(text);
  if (at >= 0) throw error(`${what} is not well-formed Unicode (lone surrogate at offset ${at})`);
  return text;
}

/** A well-formed string; also non-empty unless `allowEmpty`. */
export function checkString(value: unknown, what: string, options: { allowEmpty?: boolean; error?: ErrorFactory } = {}): string {
  const error = options.error ?? configError;
  if (typeof value !== 'string') fail(what, 'a string', value, error);
  if (value === '' && !options.allowEmpty) throw error(`${what} must not be empty`);
  return checkWellFormed(value, what, error);
}

/** A Uint8Array (a Node Buffer is one). */
export function checkBytes(value: unknown, what: string, error: ErrorFactory = configError): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(what, 'a Uint8Array', value, error);
  return value;
}

/** A safe integer in [min, max]. */
export function checkInteger(value: unknown, what: string, min: number, max: number, error: ErrorFactory = configError): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw error(`${what} must be an integer from ${min} to ${max}, got ${typeof value === 'number' ? String(value) : kindOf(value)}`);
  }
  return value as number;
}

/** A boolean. */
export function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(what, 'true or false', value);
  return value;
}

/** A function. */
export function checkFunction<T extends (...args: never[]) => unknown>(value: unknown, what: string): T {
  if (typeof value !== 'function') fail(what, 'a function', value);
  return value as T;
}

/** Throws `<what> must be one of <allowed>, got …` (the value only when it is a short string). */
export function failChoice(value: unknown, what: string, allowed: readonly string[], error: ErrorFactory = configError): never {
  const got = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : kindOf(value);
  throw error(`${what} must be one of ${allowed.join(', ')}, got ${got}`);
}

/** One of `allowed`. */
export function checkOneOf<T extends string>(value: unknown, what: string, allowed: readonly T[], error: ErrorFactory = configError): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return failChoice(value, what, allowed, error);
}

/** An options object: `undefined` stands for `{}`; anything else must be a plain object. */
export function checkOptions<T extends object>(value: T | undefined, what: string): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(what, 'an options object', value);
  return value;
}

/** Key text, bytes or a passphrase: a well-formed string (UTF-8 encoded) or a Uint8Array. */
export function checkTextOrBytes(value: unknown, what: string, error: ErrorFactory = configError): string | Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value !== 'string') fail(what, 'a string or a Uint8Array', value, error);
  return checkWellFormed(value, what, error);
}
