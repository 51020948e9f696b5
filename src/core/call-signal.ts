import { TimeoutReason } from './timeout-reason.js';

/** What an abort cancels: a response body or its reader. */
export interface Cancellable {
  cancel(reason?: unknown): Promise<void>;
}

function cancelQuietly(target: Cancellable | null | undefined): void {
  target?.cancel().catch(() => {});
}

/**
 * The abort signal of one call, shared by its attempts: aborted by whichever comes first of the
 * caller's signals, the attempt timeout or the call's total deadline. One controller per call (a
 * fresh one only after an attempt timed out), and none at all when nothing could ever abort the
 * call — no caller signal and no finite timeout — because a signal makes every Request the
 * runtime builds cost about three times as much.
 *
 * The pipeline's own waits (fetch, the body, a backoff) are raced with {@link CallSignal.race},
 * which the abort rejects directly: no event listener is added to or removed from a signal per
 * wait (EventTarget listeners are among the costliest things a fast call does).
 */
export class CallSignal {
  readonly #callerSignals: readonly AbortSignal[];
  readonly #deadline: number;
  readonly #totalMs: number;
  #ctrl: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;
  /** The wait in progress: rejected (and its work cancelled) when the call aborts. */
  #pending: { reject: (reason: unknown) => void; cancel: Cancellable | undefined } | undefined;
  /** Built only for a call that has caller signals to follow. */
  #onCallerAbort: ((e: Event) => void) | undefined;

  constructor(callerSignals: readonly AbortSignal[], deadline: number, totalMs: number) {
    this.#callerSignals = callerSignals;
    this.#deadline = deadline;
    this.#totalMs = totalMs;
  }

  /** The signal for the next attempt (or the backoff before it), undefined when nothing can abort it. */
  arm(attemptMs: number): AbortSignal | undefined {
    this.#clearTimer();
    const remaining = this.#deadline - Date.now();
    const byTotal = remaining < attemptMs;
    const ms = byTotal ? remaining : attemptMs;
    if (this.#callerSignals.length === 0 && !Number.isFinite(ms)) return undefined;
    // A controller aborted by the previous attempt's timeout cannot serve the next attempt.
    if (!this.#ctrl || (this.#ctrl.signal.aborted && this.#ctrl.signal.reason instanceof TimeoutReason && this.#ctrl.signal.reason.scope === 'attempt')) {
      this.#ctrl = new AbortController();
    }
    const signal = this.#ctrl.signal;
    if (!this.#listening && this.#callerSignals.length > 0) {
      this.#listening = true;
      const onAbort = (this.#onCallerAbort = (e: Event) => this.#abort((e.target as AbortSignal).reason));
      for (const s of this.#callerSignals) {
        if (s.aborted) this.#abort(s.reason);
        else s.addEventListener('abort', onAbort, { once: true });
      }
    }
    if (!signal.aborted && Number.isFinite(ms)) {
      const reason = byTotal ? new TimeoutReason('total', this.#totalMs) : new TimeoutReason('attempt', attemptMs);
      if (ms <= 0) this.#abort(reason);
      else this.#timer = setTimeout(() => this.#abort(reason), ms);
    }
    return signal;
  }

  /** The signal of the attempt in progress, if any. */
  get current(): AbortSignal | undefined {
    return this.#ctrl?.signal;
  }

  /**
   * Settles with `work`, or rejects with the abort reason as soon as the call aborts (and then
   * cancels `cancel`, a body or its reader): not every fetch (a simulator's, a user's) ties its
   * body to the request signal.
   */
  race<T>(work: Promise<T>, cancel?: Cancellable | null): Promise<T> {
    const signal = this.#ctrl?.signal;
    if (!signal) return work;
    if (signal.aborted) {
      // The work was started anyway (its argument was evaluated); it will reject too, unobserved.
      work.catch(() => {});
      cancelQuietly(cancel);
      return Promise.reject(signal.reason);
    }
    return new Promise<T>((resolve, reject) => {
      const pending = { reject, cancel: cancel ?? undefined };
      this.#pending = pending;
      work.then(
        (v) => {
          if (this.#pending === pending) this.#pending = undefined;
          resolve(v);
        },
        (e: unknown) => {
          if (this.#pending === pending) this.#pending = undefined;
          reject(e);
        },
      );
    });
  }

  /** Stops the timer of the attempt that just ended. */
  settle(): void {
    this.#clearTimer();
  }

  /** Releases the caller's signals and the timer. */
  dispose(): void {
    this.#clearTimer();
    const onAbort = this.#onCallerAbort;
    if (onAbort) for (const s of this.#callerSignals) s.removeEventListener('abort', onAbort);
  }

  #abort(reason: unknown): void {
    const ctrl = this.#ctrl;
    if (!ctrl || ctrl.signal.aborted) return;
    ctrl.abort(reason);
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) {
      cancelQuietly(pending.cancel);
      pending.reject(ctrl.signal.reason);
    }
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }
}
