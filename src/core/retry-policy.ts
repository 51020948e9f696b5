import type { RetryOptions } from './types.js';

/** Methods that are safe to send twice (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];
export const RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

export interface ResolvedRetry {
  retries: number;
  methods: ReadonlySet<string>;
  statusCodes: ReadonlySet<number>;
  networkErrors: boolean;
  baseDelay: number;
  maxDelay: number;
  maxRetryAfter: number;
  fixedDelay: number | undefined;
  allMethods: boolean;
  random: () => number;
}

export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o = options === false ? { retries: 0 } : (options ?? {});
  return {
    retries: Math.max(0, o.retries ?? 2),
    methods: new Set((o.methods ?? IDEMPOTENT_METHODS).map((m) => m.toUpperCase())),
    statusCodes: new Set(o.statusCodes ?? RETRY_STATUSES),
    networkErrors: o.networkErrors ?? true,
    baseDelay: o.baseDelay ?? 300,
    maxDelay: o.maxDelay ?? 10_000,
    maxRetryAfter: o.maxRetryAfter ?? 60_000,
    fixedDelay: o.fixedDelay,
    allMethods: o.allMethods ?? false,
    random: o.random ?? secureRandom,
  };
}

/** Uniform in [0,1) from crypto.getRandomValues (Math.random is never used for anything). */
export function secureRandom(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return (a[0] as number) / 2 ** 32;
}

export function methodMayRetry(policy: ResolvedRetry, method: string, idempotent: boolean | undefined): boolean {
  if (policy.allMethods) return true;
  if (idempotent !== undefined) return idempotent;
  return policy.methods.has(method.toUpperCase());
}

/**
 * `Retry-After` in ms: delta-seconds or an HTTP date (relative to `now`). Undefined when absent or
 * unparseable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Delay before retry number `retry` (1-based): full jitter, `random() * min(maxDelay, base * 2^(retry-1))`,
 * or the server's `Retry-After`. Returns undefined when the server asks for longer than `maxRetryAfter`
 * (waiting that long would surprise the caller more than the error does).
 */
export function retryDelay(policy: ResolvedRetry, retry: number, retryAfterMs: number | undefined): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs > policy.maxRetryAfter ? undefined : retryAfterMs;
  if (policy.fixedDelay !== undefined) return policy.fixedDelay;
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1));
  return Math.floor(policy.random() * ceiling);
}
