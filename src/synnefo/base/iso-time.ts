import { ConfigError } from '../../core/errors/config-error.js';

/**
 * A `changes-since` (or any ISO 8601) query value: a Date or epoch milliseconds become
 * `YYYY-MM-DDThh:mm:ss.sss+00:00` (Synnefo's own timestamp style); a string is sent as given (the
 * server validates it and answers 400 to a bad one).
 */
export function isoTime(value: Date | number | string, where = 'changes-since'): string {
  if (typeof value === 'string') return value;
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new ConfigError(`${where}: not a valid date`);
  return new Date(ms).toISOString().replace(/Z$/, '+00:00');
}
