import { AbortError } from './errors/abort-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { sleep as defaultSleep } from './sleep.js';

export interface WaitProgress<T> {
  /** 1-based poll number. */
  attempt: number;
  elapsedMs: number;
  /** What the latest poll returned. */
  value: T;
  done: boolean;
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
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Poll until `done(value)` holds. Throws TimeoutError (with `lastValue`) after `timeout`, or
 * AbortError when `signal` fires; `silent: true` resolves with the last value on timeout instead.
 */
export async function waitFor<T>(poll: (attempt: number) => Promise<T>, done: (value: T) => boolean, options: WaitOptions<T> = {}): Promise<T> {
  const interval = options.interval ?? 1000;
  const timeout = options.timeout ?? 300_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const what = options.what ?? 'condition';
  const started = now();
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new AbortError(`waiting for ${what}`, options.signal.reason);
    const value = await poll(attempt);
    const finished = done(value);
    const elapsedMs = now() - started;
    options.onProgress?.({ attempt, elapsedMs, value, done: finished });
    if (finished) return value;
    if (elapsedMs + interval > timeout) {
      if (options.silent) return value;
      const err = new TimeoutError(`waiting for ${what}`, timeout, 'wait');
      err.lastValue = value;
      throw err;
    }
    try {
      await sleep(interval, options.signal);
    } catch (e) {
      throw new AbortError(`waiting for ${what}`, options.signal?.reason ?? e);
    }
  }
}
