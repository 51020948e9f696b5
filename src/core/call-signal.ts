import { TimeoutReason } from './timeout-reason.js';

/**
 * The abort signal of one call, shared by its attempts: aborted by whichever comes first of the
 * caller's signals, the attempt timeout or the call's total deadline. One controller per call (a
 * fresh one only after an attempt timed out), and none at all when nothing could ever abort the
 * call — no caller signal and no finite timeout — because a signal makes every Request the
 * runtime builds cost about three times as much.
 */
export class CallSignal {
  readonly #callerSignals: readonly AbortSignal[];
  readonly #deadline: number;
  readonly #totalMs: number;
  #ctrl: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listening = false;
  readonly #onCallerAbort = (e: Event) => this.#ctrl?.abort((e.target as AbortSignal).reason);

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
    const ctrl = this.#ctrl;
    if (!this.#listening) {
      this.#listening = true;
      for (const s of this.#callerSignals) {
        if (s.aborted) ctrl.abort(s.reason);
        else s.addEventListener('abort', this.#onCallerAbort, { once: true });
      }
    }
    if (!ctrl.signal.aborted && Number.isFinite(ms)) {
      const reason = byTotal ? new TimeoutReason('total', this.#totalMs) : new TimeoutReason('attempt', attemptMs);
      if (ms <= 0) ctrl.abort(reason);
      else this.#timer = setTimeout(() => ctrl.abort(reason), ms);
    }
    return ctrl.signal;
  }

  /** The signal of the attempt in progress, if any. */
  get current(): AbortSignal | undefined {
    return this.#ctrl?.signal;
  }

  /** Stops the timer of the attempt that just ended. */
  settle(): void {
    this.#clearTimer();
  }

  /** Releases the caller's signals and the timer. */
  dispose(): void {
    this.#clearTimer();
    if (this.#listening) for (const s of this.#callerSignals) s.removeEventListener('abort', this.#onCallerAbort);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  }
}
