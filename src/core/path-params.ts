import { ConfigError } from './errors/config-error.js';

/**
 * How a path parameter may be spelled (the spec's `x-opskit-path` on the parameter):
 * - `id` (default): an identifier. `/`, `?`, `#` and `\` are refused: in an id they can only be
 *   a mistake or an attack, and percent-encoding them would still reach a different resource on
 *   servers that decode before routing.
 * - `text`: free text (mist.io key names): any character, percent-encoded into one segment.
 * - `segments`: a slash-separated name (object-store object names): `/` is kept, every other
 *   character is percent-encoded, and no segment may be `.` or `..`.
 */
export type PathStyle = 'id' | 'text' | 'segments';

const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ID_RESERVED = /[/?#\\]/;

/** Why `value` cannot be this parameter, or undefined when it can. Never quotes the value. */
export function pathValueProblem(value: unknown, style: PathStyle = 'id'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `is ${String(value)}, not a finite number`;
  if (typeof value !== 'string') return value === null ? 'is null' : value === undefined ? 'is missing' : `is ${Array.isArray(value) ? 'an array' : `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`}, not a string`;
  if (value === '') return 'is empty';
  if (value === '.' || value === '..') return `is "${value}", which would change the request's target`;
  if (CONTROL.test(value)) return 'contains a control character (CR, LF, NUL, …)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate, which has no UTF-8 form';
  if (style === 'id' && ID_RESERVED.test(value)) return 'contains "/", "?", "#" or "\\", which an identifier cannot hold';
  if (style === 'segments' && value.split('/').some((s) => s === '.' || s === '..')) {
    return `has a "." or ".." segment, which would change the request's target`;
  }
  return undefined;
}

/** The value as it goes into the URL (validated first). */
export function encodePathValue(value: string | number, style: PathStyle = 'id'): string {
  const text = String(value);
  return style === 'segments' ? text.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(text);
}

const PLACEHOLDER = /\{([^{}]+)\}/;

/**
 * A path template split once into literal text and parameter names (odd indexes are names), so
 * the per-call work is a lookup. Templates are few (one per operation): the cache stays small.
 */
const templates = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(new RegExp(PLACEHOLDER.source, 'g'));
    if (templates.size < 10_000) templates.set(template, parts);
  }
  return parts;
}

/**
 * Checks and encodes every `{name}` of a path template: a missing, empty, dot-segment or
 * otherwise hostile value is a ConfigError naming the operation and the parameter, thrown before
 * anything is signed or sent. Returns the encoded values, keyed by name.
 */
export function encodePathParams(
  op: string,
  template: string,
  params: Readonly<Record<string, unknown>> | undefined,
  styles: Readonly<Record<string, PathStyle>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = partsOf(template);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = params?.[name];
    const style = styles?.[name] ?? 'id';
    const problem = pathValueProblem(value, style);
    if (problem) throw new ConfigError(`${op}: path parameter "${name}" ${problem}; nothing was sent`);
    out[name] = encodePathValue(value as string | number, style);
  }
  return out;
}

/** openapi-fetch's `pathSerializer`: values arrive already checked and encoded (see encodePathParams). */
export function substitutePath(url: string, params: Readonly<Record<string, unknown>>): string {
  const parts = partsOf(url);
  if (parts.length === 1) return url;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i] as string];
    out += (typeof v === 'string' ? v : `{${parts[i]}}`) + (parts[i + 1] as string);
  }
  return out;
}
