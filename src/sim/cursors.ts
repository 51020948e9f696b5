import type { Clock } from './clock.js';
import type { RandomSource } from './random.js';

/**
 * Server-side cursor bookkeeping for cursor-paged lists. Cursors are random opaque
 * strings mapped to whatever position the list needs, so clients cannot forge or
 * decode them, and they expire on the simulator clock like real ones do.
 */
export interface CursorTable<P> {
  /** Stores `position` and returns a new opaque cursor for it. */
  issue(position: P): string;
  /** The position of a live cursor, or `undefined` when unknown or expired. */
  resolve(cursor: string): P | undefined;
  /** Forgets every cursor, so the next page request fails as "expired". */
  expireAll(): void;
  /** Number of live (not yet swept) cursors. */
  readonly size: number;
}

/** Options of {@link createCursorTable}. */
export interface CursorTableOptions {
  clock: Clock;
  random: RandomSource;
  /** Lifetime of a cursor in ms on the simulator clock (default 10 minutes). */
  ttlMs?: number;
  /** Upper bound on stored cursors; the oldest go first (default 10 000). */
  max?: number;
}

/** Creates a cursor table. */
export function createCursorTable<P>(options: CursorTableOptions): CursorTable<P> {
  const ttl = options.ttlMs ?? 600_000;
  const max = options.max ?? 10_000;
  const live = new Map<string, { position: P; expiresAt: number }>();
  return {
    issue(position) {
      const cursor = options.random.hex(12);
      live.set(cursor, { position, expiresAt: options.clock.now() + ttl });
      // Map iteration order is insertion order, so the first key is the oldest.
      while (live.size > max) {
        const oldest = live.keys().next();
        if (oldest.done) break;
        live.delete(oldest.value);
      }
      return cursor;
    },
    resolve(cursor) {
      const entry = live.get(cursor);
      if (entry === undefined) return undefined;
      if (options.clock.now() >= entry.expiresAt) {
        live.delete(cursor);
        return undefined;
      }
      return entry.position;
    },
    expireAll: () => live.clear(),
    get size() {
      return live.size;
    },
  };
}
