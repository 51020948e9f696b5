import { AbortError } from './errors/abort-error.js';
import { ConfigError } from './errors/config-error.js';
import { HttpError } from './errors/http-error.js';
import { NetworkError } from './errors/network-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { sleep as defaultSleep } from './sleep.js';

export interface WaitProgress<T> {
  /** 1-based poll number. */
  attempt: number;
  elapsedMs: number;
  /** What the latest successful poll returned (undefined while only failed polls happened). */
  value: T;
  done: boolean;
  /** A transient failure of this poll (5xx, 429, a reset) that the wait rode out. */
  error?: Error;
}

/** What each poll receives: the wait's signal (abort and deadline) and the time left. */
export interface PollContext {
  /** Aborts when the caller aborts or the wait runs out of time: pass it to the request. */
  signal: AbortSignal;
  /** Milliseconds left in the wait (Infinity without a timeout): a request's timeout should fit. */
  remainingMs: number;
}

export interface WaitOptions<T> {
  /** Delay between polls, ms. Default 1 000. */
  interval?: number;
  /** Give up after this long, ms. Default 300 000. Infinity waits forever. */
  timeout?: number;
  signal?: AbortSignal;
  /** Called after every poll. */
  onProgress?: (progress: WaitProgress<T>) => void;
  /** What is awaited, for messages ("machine abc to be running"). */
  what?: string;
  /** Resolve with the last value instead of throwing on timeout (upstream's silent return). */
  silent?: boolean;
  /**
   * Whether a failed poll is worth another try within the wait's budget. Default: 5xx, 408,
   * 429, network errors and per-attempt timeouts; anything else (404, 401, bad input) ends the wait.
   */
  transient?: (error: unknown) => boolean;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Failures that say nothing about the awaited state: ride them out. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof TimeoutError) return error.scope === 'attempt' || error.scope === 'total';
  if (error instanceof HttpError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return false;
}

/** Why a wait stopped early: the deadline (a TimeoutError) or the caller (an AbortError). */
class WaitStop {
  constructor(readonly kind: 'deadline' | 'abort', readonly reason?: unknown) {}
}

/**
 * Poll until `done(value)` holds. Throws TimeoutError (with `lastValue`, and the last transient
 * failure as `cause`) when `timeout` passes — even while a poll is still in flight — or
 * AbortError when `signal` fires; `silent: true` resolves with the last value on timeout
 * instead. Each poll gets the wait's own signal and remaining time, so an HTTP poll can be
 * cancelled and bounded by the wait; transient failures (5xx, 429, resets) are retried within
 * the wait's budget instead of ending it.
 */
export async function waitFor<T>(
  poll: (attempt: number, ctx: PollContext) => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions<T> = {},
): Promise<T> {
  const interval = options.interval ?? 1000;
  const timeout = options.timeout ?? 300_000;
  if (typeof interval !== 'number' || !Number.isFinite(interval) || interval <= 0) {
    throw new ConfigError(`waitFor: interval must be a positive number of milliseconds, got ${String(interval)}`);
  }
  if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout <= 0) {
    throw new ConfigError(`waitFor: timeout must be a positive number of milliseconds (or Infinity), got ${String(timeout)}`);
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const transient = options.transient ?? isTransientError;
  const what = options.what ?? 'condition';
  const op = `waiting for ${what}`;
  const started = now();

  // One controller for the whole wait: the caller's abort and the deadline both end whatever is
  // in flight (a poll or the sleep between polls).
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(new WaitStop('abort', options.signal?.reason));
  if (options.signal?.aborted) throw new AbortError(op, options.signal.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(timeout) ? setTimeout(() => ctrl.abort(new WaitStop('deadline')), timeout) : undefined;

  let last: T | undefined;
  let lastError: unknown;
  const expire = (): T => {
    if (options.silent) return last as T;
    const err = new TimeoutError(op, timeout, 'wait', lastError === undefined ? {} : { cause: lastError });
    err.lastValue = last;
    throw err;
  };
  try {
    for (let attempt = 1; ; attempt++) {
      const remainingMs = Number.isFinite(timeout) ? Math.max(0, timeout - (now() - started)) : Infinity;
      let value: T;
      let failed: unknown;
      let ok = false;
      try {
        value = await race(poll(attempt, { signal: ctrl.signal, remainingMs }), ctrl.signal);
        ok = true;
      } catch (e) {
        if (e instanceof WaitStop) throw e;
        if (ctrl.signal.aborted) throw ctrl.signal.reason as WaitStop;
        if (!transient(e)) throw e;
        failed = e;
        lastError = e;
      }
      const elapsedMs = now() - started;
      if (ok) {
        last = value!;
        const finished = done(last);
        options.onProgress?.({ attempt, elapsedMs, value: last, done: finished });
        if (finished) return last;
      } else {
        options.onProgress?.({ attempt, elapsedMs, value: last as T, done: false, error: failed as Error });
      }
      if (elapsedMs + interval > timeout) return expire();
      await sleep(interval, ctrl.signal).catch((e: unknown) => {
        throw ctrl.signal.aborted ? (ctrl.signal.reason as WaitStop) : e;
      });
    }
  } catch (e) {
    if (e instanceof WaitStop) {
      if (e.kind === 'abort') throw new AbortError(op, e.reason);
      return expire();
    }
    throw e;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** `work`, or the signal's reason as soon as it aborts (a poll that ignores its signal is abandoned). */
function race<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      work.catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}
