import { ConfigError } from '../../core/errors/config-error.js';
import { waitFor, type PollContext, type WaitOptions, type WaitProgress } from '../../core/wait-for.js';

/**
 * Options of every Synnefo waiter (`waitServerWhile`, `waitPortUntil`, `waitVolume`, …). opskit's
 * `interval`/`timeout` are milliseconds; kamaki's `delay`/`maxWait` (seconds) are accepted too.
 * Unlike kamaki, a waiter that runs out of time throws `TimeoutError` (with `lastValue`);
 * `silent: true` resolves with the last polled object instead, as kamaki does.
 */
export interface SynnefoWaitOptions<T> {
  /** Milliseconds between polls (default 1 000, kamaki's `delay=1`). */
  interval?: number;
  /** Milliseconds before giving up (default 100 000, kamaki's `max_wait=100`). */
  timeout?: number;
  /** kamaki `delay`: seconds between polls. */
  delay?: number;
  /** kamaki `max_wait`/`timeout`: seconds before giving up. */
  maxWait?: number;
  signal?: AbortSignal;
  /** Called after every poll with the poll number, elapsed time and the polled object. */
  onProgress?: (progress: WaitProgress<T>) => void;
  /** kamaki `wait_cb`: called with every polled object. */
  waitCb?: (value: T) => void;
  /** Resolve with the last polled object on timeout instead of throwing (kamaki's behaviour). */
  silent?: boolean;
  /** Clock for elapsed time (tests). */
  now?: () => number;
  /** Sleep between polls (tests inject one that advances a simulator clock). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Which poll failures to ride out (default: 5xx, 408, 429, network errors; a 404 ends the wait). */
  transient?: (error: unknown) => boolean;
}

/** Option names of {@link SynnefoWaitOptions}, for `checkOptions`. */
export const WAIT_OPTION_NAMES: readonly string[] = Object.freeze([
  'interval', 'timeout', 'delay', 'maxWait', 'signal', 'onProgress', 'waitCb', 'silent', 'now', 'sleep', 'transient',
]);

function toWaitOptions<T>(options: SynnefoWaitOptions<T>, what: string): WaitOptions<T> {
  const seconds = (v: number | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw new ConfigError(`waiting for ${what}: ${name} must be a non-negative number of seconds`);
    return v * 1000;
  };
  const interval = options.interval ?? seconds(options.delay, 'delay') ?? 1000;
  const timeout = options.timeout ?? seconds(options.maxWait, 'maxWait') ?? 100_000;
  const { waitCb, onProgress } = options;
  return {
    interval,
    timeout,
    what,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.silent !== undefined ? { silent: options.silent } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.transient ? { transient: options.transient } : {}),
    onProgress: (p) => {
      if (!p.error) waitCb?.(p.value);
      onProgress?.(p);
    },
  };
}

/**
 * Polls `poll` (given the wait's signal and remaining time, to pass on to its request) while the
 * object's `status` is `current` (kamaki `wait_*_while`): resolves with the first object in
 * another state. Transient failures (5xx, resets) are ridden out within the wait's budget. `what` names the object in messages (`server 42`).
 */
export async function waitWhileStatus<T extends { status?: unknown }>(poll: (ctx: PollContext) => Promise<T>, current: string, options: SynnefoWaitOptions<T> = {}, what = 'item'): Promise<T> {
  return waitFor((_attempt, ctx) => poll(ctx), (v) => v?.status !== current, toWaitOptions(options, `${what} to leave status ${current}`));
}

/** Polls `poll` until the object's `status` is `target` (kamaki `wait_*_until`). */
export async function waitUntilStatus<T extends { status?: unknown }>(poll: (ctx: PollContext) => Promise<T>, target: string, options: SynnefoWaitOptions<T> = {}, what = 'item'): Promise<T> {
  return waitFor((_attempt, ctx) => poll(ctx), (v) => v?.status === target, toWaitOptions(options, `${what} to reach status ${target}`));
}

/** Polls `poll` until `stop(object)` holds (kamaki's generic `wait(poll, params, stop, …)`). */
export async function waitForItem<T>(poll: (ctx: PollContext) => Promise<T>, stop: (value: T) => boolean, options: SynnefoWaitOptions<T> = {}, what = 'item'): Promise<T> {
  return waitFor((_attempt, ctx) => poll(ctx), stop, toWaitOptions(options, what));
}
