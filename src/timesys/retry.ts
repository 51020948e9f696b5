import type { RetryOptions } from '../core/types.js';

/** 500 through 599: upstream retries every server error, not only the core's usual few. */
const SERVER_ERRORS: readonly number[] = Array.from({ length: 100 }, (_, i) => 500 + i);

/**
 * Upstream's retry policy (protocols §5), for `retry: 'upstream'`: five attempts, 5 s apart with no
 * backoff, on any 5xx, connection error or timeout, for every method, POST included. Not the
 * default, because replaying a POST (an upload, a status change) is only safe when the caller knows
 * the first one did not land.
 */
export const UPSTREAM_RETRY: Readonly<RetryOptions> = Object.freeze({
  retries: 4,
  fixedDelay: 5000,
  allMethods: true,
  statusCodes: SERVER_ERRORS,
  networkErrors: true,
});

/** The core retry option for an Llapi `retry` option. */
export function resolveLlapiRetry(retry: RetryOptions | false | 'upstream' | undefined): RetryOptions | false | undefined {
  return retry === 'upstream' ? { ...UPSTREAM_RETRY } : retry;
}
