/** Reasons our own timers abort with, so an abort can be told apart from a timeout. */
export class TimeoutReason {
  constructor(
    readonly scope: 'attempt' | 'total',
    readonly ms: number,
  ) {}
}

/** A signal that aborts when any input aborts (AbortSignal.any where present). */
export function anySignal(signals: Array<AbortSignal | undefined>): { signal: AbortSignal; dispose(): void } {
  const list = signals.filter((s): s is AbortSignal => s !== undefined);
  const ctrl = new AbortController();
  const already = list.find((s) => s.aborted);
  if (already) {
    ctrl.abort(already.reason);
    return { signal: ctrl.signal, dispose() {} };
  }
  // Hand-rolled instead of AbortSignal.any so listeners are removed when the call ends;
  // a long-lived client signal would otherwise collect one listener per request.
  const onAbort = (e: Event) => {
    ctrl.abort((e.target as AbortSignal).reason);
    dispose();
  };
  const dispose = () => {
    for (const s of list) s.removeEventListener('abort', onAbort);
  };
  for (const s of list) s.addEventListener('abort', onAbort, { once: true });
  return { signal: ctrl.signal, dispose };
}

/** A signal that aborts with a TimeoutReason after `ms` (none when ms is not finite). */
export function timeoutSignal(scope: 'attempt' | 'total', ms: number | undefined): { signal?: AbortSignal; dispose(): void } {
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) return { dispose() {} };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(new TimeoutReason(scope, ms)), ms);
  return { signal: ctrl.signal, dispose: () => clearTimeout(timer) };
}
