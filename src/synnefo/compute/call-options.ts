import { checkOptions } from '../../core/options.js';
import type { TimeoutOptions } from '../../core/types.js';

/**
 * Per-call options every Cyclades facade method takes in its final options object, besides its
 * own kamaki keyword parameters. (Shared by the compute, network, image and volume facades.)
 */
export interface CallOptions {
  /** Cancels this call. */
  signal?: AbortSignal;
  /** This call's timeouts (ms; a number is per attempt). */
  timeout?: number | TimeoutOptions;
}

export const CALL_OPTION_NAMES: readonly string[] = Object.freeze(['signal', 'timeout']);

/**
 * Refuses unknown option names (a typo or kamaki's snake_case spelling never drops a setting
 * silently), then returns the `opskit` part of a request init.
 */
export function callInit(where: string, options: object | undefined, names: readonly string[] = []): { opskit?: { signal?: AbortSignal; timeout?: number | TimeoutOptions } } {
  checkOptions(where, options, [...names, ...CALL_OPTION_NAMES]);
  const o = (options ?? {}) as CallOptions;
  if (o.signal === undefined && o.timeout === undefined) return {};
  return { opskit: { ...(o.signal ? { signal: o.signal } : {}), ...(o.timeout !== undefined ? { timeout: o.timeout } : {}) } };
}

/** Response headers as kamaki returns them (`r.headers`): a plain object with lower-case names. */
export function headerObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/**
 * kamaki's `response_headers` argument, without its shared mutable default: the caller passes an
 * object and the named headers are copied into it (absent ones keep the value they had).
 */
export function fillResponseHeaders(target: Record<string, string | null | undefined> | undefined, headers: Headers): void {
  if (!target) return;
  for (const key of Object.keys(target)) {
    const value = headers.get(key);
    if (value !== null) target[key] = value;
  }
}

/** Only the per-call part of an options object, for a facade method that makes a second call. */
export function callOptionsOf(options: CallOptions | undefined): CallOptions {
  if (!options) return {};
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.timeout !== undefined ? { timeout: options.timeout } : {}) };
}
