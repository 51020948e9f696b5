/**
 * Fault injection. Faults are queued and consumed by matching requests before routing,
 * so a test can say "the next two GETs of /items fail with 503" without touching the
 * simulator's routes. Each request consumes at most one fault (the oldest that matches).
 */

/** What kind of failure to simulate. */
export type FaultKind = 'status' | 'rate-limit' | 'reset' | 'slow' | 'truncate';

/** Which requests a fault applies to; omitted fields match everything. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** Exact pathname (`'/items'`) or a RegExp tested against the pathname. */
  path?: string | RegExp;
}

/** Description of a fault to inject. */
export interface FaultSpec {
  /**
   * - `'status'`: answer with `status` (default 503) and an error body, skipping the route.
   * - `'rate-limit'`: answer 429 with a `Retry-After` header.
   * - `'reset'`: the connection drops without a response (in-process `fetch` rejects with `TypeError`).
   * - `'slow'`: wait `delayMs` (real time) before handling the request normally; aborting the request ends the wait.
   * - `'truncate'`: handle normally, but only the first `bytes` of the body arrive before the connection breaks.
   */
  kind: FaultKind;
  /** How many matching requests the fault hits (default 1; `Infinity` for "until cleared"). */
  times?: number;
  /** Status for `'status'` faults (default 503). */
  status?: number;
  /**
   * `Retry-After` value: seconds or an HTTP date. Used by `'rate-limit'` (default 1 second)
   * and optionally by `'status'` (typically with 503).
   */
  retryAfter?: number | string;
  /** Delay for `'slow'` faults, in ms (default 1000). */
  delayMs?: number;
  /** Body bytes that get through for `'truncate'` faults (default 0). */
  bytes?: number;
  /** Restrict the fault to some requests. */
  match?: FaultMatch;
  /** Error body for `'status'` and `'rate-limit'` faults; defaults to the simulator's error shape. */
  body?: unknown;
}

/** A queued fault, as reported by {@link Faults.pending}. */
export interface PendingFault {
  /** Sequence number, in injection order. */
  readonly id: number;
  readonly kind: FaultKind;
  /** Hits left before the fault is used up. */
  readonly remaining: number;
  readonly spec: Readonly<FaultSpec>;
}

/** The fault queue of one simulator. */
export interface Faults {
  /** Queues a fault; returns its pending entry. Throws `RangeError` on nonsensical specs. */
  inject(spec: FaultSpec): PendingFault;
  /** Removes every queued fault. */
  clear(): void;
  /** Faults not yet used up, oldest first. */
  readonly pending: readonly PendingFault[];
  /**
   * Consumes one hit of the oldest fault matching this request, if any. Called by the
   * simulator before routing; exposed so custom transports can reuse the queue.
   */
  take(method: string, pathname: string): Readonly<FaultSpec> | undefined;
}

const KINDS: readonly FaultKind[] = ['status', 'rate-limit', 'reset', 'slow', 'truncate'];

/** Creates an empty fault queue. */
export function createFaults(): Faults {
  let queue: { id: number; remaining: number; spec: Readonly<FaultSpec> }[] = [];
  let seq = 0;
  const snapshot = (f: (typeof queue)[number]): PendingFault => ({
    id: f.id,
    kind: f.spec.kind,
    remaining: f.remaining,
    spec: f.spec,
  });
  return {
    inject(spec) {
      validate(spec);
      const entry = { id: ++seq, remaining: spec.times ?? 1, spec: Object.freeze({ ...spec }) };
      queue.push(entry);
      return snapshot(entry);
    },
    clear() {
      queue = [];
    },
    get pending() {
      return queue.map(snapshot);
    },
    take(method, pathname) {
      const entry = queue.find((f) => matches(f.spec.match, method, pathname));
      if (entry === undefined) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) queue = queue.filter((f) => f !== entry);
      return entry.spec;
    },
  };
}

function matches(match: FaultMatch | undefined, method: string, pathname: string): boolean {
  if (match === undefined) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return match.path === pathname;
  // A /g or /y RegExp keeps lastIndex between calls; reset it so matching stays pure.
  match.path.lastIndex = 0;
  return match.path.test(pathname);
}

function validate(spec: FaultSpec): void {
  if (!KINDS.includes(spec.kind)) {
    throw new RangeError(`unknown fault kind ${JSON.stringify(spec.kind)}; expected one of ${KINDS.join(', ')}`);
  }
  const times = spec.times ?? 1;
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
    throw new RangeError(`fault times must be a positive integer or Infinity, got ${times}`);
  }
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599)) {
    throw new RangeError(`fault status must be an HTTP error status (400-599), got ${spec.status}`);
  }
  if (typeof spec.retryAfter === 'number' && !(Number.isFinite(spec.retryAfter) && spec.retryAfter >= 0)) {
    throw new RangeError(`fault retryAfter must be non-negative seconds, got ${spec.retryAfter}`);
  }
  for (const key of ['delayMs', 'bytes'] as const) {
    const v = spec[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(`fault ${key} must be a non-negative number, got ${v}`);
    }
  }
}
