import { ConfigError } from '../core/errors/config-error.js';

/** Upstream's `"<name> is required"` check: absent, null and empty values all fail it. */
export function required<T>(value: T | null | undefined | '', name: string): T {
  if (value === undefined || value === null || value === '') throw new ConfigError(`${name} is required`);
  return value as T;
}

/** A value from a fixed list, with upstream's "Acceptable values" message. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`Invalid or missing '${name}' arg. Acceptable values: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** `value` if it is undefined or one of `allowed`. */
export function optionalOneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  return value === undefined ? undefined : oneOf(value, allowed, name);
}

/** Every element must be a string (upstream's check on `extra_fields`). */
export function stringList(value: unknown, name: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ConfigError(`Parameter '${name}' must be a list of strings`);
  }
  return value;
}

/** Settings switches: upstream's CLI says on/off; booleans are accepted and mapped. */
export function onOff(value: boolean | 'on' | 'off' | undefined, name: string): 'on' | 'off' | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'on') return 'on';
  if (value === false || value === 'off') return 'off';
  throw new ConfigError(`Invalid '${name}' value: expected on or off`);
}
