import { ConfigError } from '../core/errors/config-error.js';
import { ResponseError } from '../core/errors/response-error.js';

/** Each item of a list reply is an object with a string `id` (what the facades key their caches by). */
export function checkIdList<T extends { id: string }>(op: string, list: unknown): T[] {
  if (!Array.isArray(list)) throw new ResponseError(op, 'expected a JSON array');
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || typeof (item as { id?: unknown }).id !== 'string') {
      throw new ResponseError(op, `item ${i} has no string "id"`);
    }
  });
  return list as T[];
}

/** A required positional argument that must be a non-empty string. */
export function requireText(where: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`${where}: ${name} must be a non-empty string`);
  return value;
}

/** An optional string argument (undefined or null pass through). */
export function optionalText(where: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ConfigError(`${where}: ${name} must be a string`);
  return value;
}

/** What `console.log` shows in Node for a facade object, so nested clients and tokens stay out. */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');
