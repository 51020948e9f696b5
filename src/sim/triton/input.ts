import { SimError } from '../app.js';

/** A string parameter (query or body); 409 MissingParameter when required and absent. */
export function str(input: Record<string, unknown>, name: string, required: true): string;
export function str(input: Record<string, unknown>, name: string, required?: false): string | undefined;
export function str(input: Record<string, unknown>, name: string, required = false): string | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') {
    if (required) throw new SimError(409, 'MissingParameter', `${name} is required`);
    return undefined;
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new SimError(409, 'InvalidArgument', `${name} must be a string`);
  return String(v);
}

/** A boolean parameter: real booleans from JSON, `"true"`/`"false"` from query strings. */
export function bool(input: Record<string, unknown>, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new SimError(409, 'InvalidArgument', `${name} must be a boolean`);
}

/**
 * JavaScript truthiness of a raw parameter, as the server tests many flags (`if (req.params.x)`):
 * any non-empty query string counts, `"false"` and `"0"` included (protocols §3.5).
 */
export function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && v !== false && v !== 0;
}

/** A non-negative integer parameter. */
export function int(input: Record<string, unknown>, name: string, options: { min?: number; max?: number } = {}): number | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < (options.min ?? 0) || (options.max !== undefined && n > options.max)) {
    throw new SimError(409, 'InvalidArgument', `${name} must be an integer${options.max !== undefined ? ` from ${options.min ?? 0} to ${options.max}` : ''}`);
  }
  return n;
}

/** A string array parameter (JSON array, or a comma list from a query string). */
export function list(input: Record<string, unknown>, name: string): string[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (typeof v === 'string') return v === '' ? [] : v.split(',');
  throw new SimError(409, 'InvalidArgument', `${name} must be an array`);
}

/** Answer 204 No Content. */
export const noContent = (): Response => new Response(null, { status: 204 });

/** Answer 202 Accepted with an empty body. */
export const accepted = (): Response => new Response(null, { status: 202, headers: { 'content-length': '0' } });
