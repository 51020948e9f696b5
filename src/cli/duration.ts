import { UsageError } from './usage-error.js';

/**
 * A duration on the command line, in one unit for every group: seconds, with an optional `s` or
 * `ms` suffix (`60`, `60s`, `1.5s`, `500ms`). Resolves to milliseconds.
 * @param option the option's name for the error message (`--timeout`)
 * @param allowZero accept `0` (a TTL or delay of nothing); durations are positive otherwise
 */
export function parseDuration(raw: string, option: string, allowZero = false): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(raw.trim());
  const ms = m ? (m[2] === 'ms' ? Number(m[1]) : Number(m[1]) * 1000) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || (ms === 0 && !allowZero)) {
    throw new UsageError(`${option} must be a duration in seconds, such as 60, 60s, 1.5s or 500ms`);
  }
  return ms;
}

/** A duration option's value in milliseconds, or `fallback` when it was not given. */
export function durationOption(value: unknown, option: string, fallback: number): number;
export function durationOption(value: unknown, option: string, fallback?: number): number | undefined;
export function durationOption(value: unknown, option: string, fallback?: number): number | undefined {
  if (Array.isArray(value)) value = value.at(-1);
  return typeof value === 'string' ? parseDuration(value, option) : fallback;
}
