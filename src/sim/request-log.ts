import type { FaultKind } from './faults.js';

/** One request as the simulator received it. */
export interface LoggedRequest {
  /** Arrival order, starting at 1; keeps counting across `clear()` and ring-buffer eviction. */
  readonly seq: number;
  /** Arrival time on the simulator clock (epoch ms). */
  readonly time: number;
  readonly method: string;
  readonly url: string;
  readonly path: string;
  /** Header names lowercased; repeated headers joined with `, ` as `Headers` does. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body decoded as UTF-8 (lossy for binary), cut to the log's `bodyLimit`. */
  readonly body: string;
  /** Response status; `null` while in flight, or when no response was sent (reset, abort, crash). */
  status: number | null;
  /** The injected fault that hit this request, if any. */
  fault?: FaultKind;
}

/**
 * Bounded record of received requests. It is a ring buffer because a served simulator
 * can run for hours: the newest `capacity` requests are kept, older ones dropped.
 */
export interface RequestLog {
  /** Maximum number of entries kept. */
  readonly capacity: number;
  /** Number of entries currently kept. */
  readonly size: number;
  /** Entries oldest first (a copy). */
  list(): LoggedRequest[];
  /** The newest entry. */
  last(): LoggedRequest | undefined;
  /** Forgets every entry. */
  clear(): void;
  /** Appends an entry (used by the simulator), evicting the oldest when full. */
  record(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest;
}

/** Options of {@link createRequestLog}. */
export interface RequestLogOptions {
  /** Entries kept (default 1000). */
  capacity?: number;
}

/** Creates an empty request log. */
export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  const capacity = options.capacity ?? 1000;
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`request log capacity must be a positive integer, got ${capacity}`);
  }
  const ring: (LoggedRequest | undefined)[] = new Array(capacity);
  let start = 0;
  let size = 0;
  let seq = 0;
  return {
    capacity,
    get size() {
      return size;
    },
    list() {
      const out: LoggedRequest[] = [];
      for (let i = 0; i < size; i++) {
        const e = ring[(start + i) % capacity];
        if (e !== undefined) out.push(e);
      }
      return out;
    },
    last: () => (size === 0 ? undefined : ring[(start + size - 1) % capacity]),
    clear() {
      ring.fill(undefined);
      start = 0;
      size = 0;
    },
    record(entry) {
      const logged: LoggedRequest = { seq: ++seq, ...entry };
      if (size < capacity) {
        ring[(start + size) % capacity] = logged;
        size++;
      } else {
        ring[start] = logged;
        start = (start + 1) % capacity;
      }
      return logged;
    },
  };
}
