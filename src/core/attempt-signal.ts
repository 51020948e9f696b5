import { TimeoutReason } from './timeout-reason.js';

/**
 * One AbortController per attempt, aborted by whichever comes first: the caller's signals, the
 * attempt timeout, or the call's total deadline. One controller instead of a tree of merged
 * signals, because creating AbortSignals is the dominant cost of a fast in-process call.
 */
export function attemptSignal(callerSignals: readonly AbortSignal[], attemptMs: number, deadline: number, totalMs: number) {
  const ctrl = new AbortController();
  const remaining = deadline - Date.now();
  const byTotal = remaining < attemptMs;
  const ms = byTotal ? remaining : attemptMs;
  const reason = byTotal ? new TimeoutReason('total', totalMs) : new TimeoutReason('attempt', attemptMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (ms <= 0) ctrl.abort(reason);
  else if (Number.isFinite(ms)) timer = setTimeout(() => ctrl.abort(reason), ms);
  const onAbort = (e: Event) => ctrl.abort((e.target as AbortSignal).reason);
  for (const s of callerSignals) {
    if (s.aborted) ctrl.abort(s.reason);
    else s.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: ctrl.signal,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      for (const s of callerSignals) s.removeEventListener('abort', onAbort);
    },
  };
}
