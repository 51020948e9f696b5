/**
 * The only source of time inside a simulator. State machines (jobs, provisioning,
 * token and cursor expiry) compare timestamps read from here, so a test can jump
 * ahead instead of sleeping.
 */
export interface Clock {
  /** `'manual'` stands still until told otherwise; `'real'` follows `Date.now()` (plus any offset). */
  readonly mode: 'manual' | 'real';
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Moves time forward by `ms` (negative values are rejected) and returns the new time. */
  advance(ms: number): number;
  /** Jumps to epoch milliseconds `ms` (backwards too: tests of clock skew need it). */
  set(ms: number): void;
}

/**
 * Creates a clock.
 *
 * - `createClock(start)` → manual clock at `start` epoch ms; it moves only through `advance`/`set`.
 * - `createClock()` or `createClock('real')` → real clock reading `Date.now()`; `advance`/`set`
 *   shift it by an offset, so a served simulator can still be fast-forwarded.
 */
export function createClock(start?: number | 'real'): Clock {
  if (start === undefined || start === 'real') return realClock();
  assertFinite(start, 'start');
  let current = start;
  return {
    mode: 'manual',
    now: () => current,
    advance(ms) {
      assertStep(ms);
      current += ms;
      return current;
    },
    set(ms) {
      assertFinite(ms, 'time');
      current = ms;
    },
  };
}

function realClock(): Clock {
  let offset = 0;
  return {
    mode: 'real',
    now: () => Date.now() + offset,
    advance(ms) {
      assertStep(ms);
      offset += ms;
      return Date.now() + offset;
    },
    set(ms) {
      assertFinite(ms, 'time');
      offset = ms - Date.now();
    },
  };
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`clock ${what} must be a finite number, got ${value}`);
}

function assertStep(ms: number): void {
  assertFinite(ms, 'step');
  if (ms < 0) throw new RangeError('clock.advance() only moves forward; use clock.set() to go back');
}
