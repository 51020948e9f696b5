// The scenario harness shared by every runtime runner (Node, Chromium, Deno, Bun).
// No imports: this same file is served to the browser as is.
//
// A scenario file (test/scenarios/*.scenario.mjs) is `export default function (t) { t.test(name, fn) }`
// with t = { test, assert, lib, vectors, env } (docs/contracts.md).

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

const isBytes = (v) => ArrayBuffer.isView(v) && !(v instanceof DataView);

/** A short, single-line rendering of a value for failure messages. */
export function show(v, depth = 0) {
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`;
  if (typeof v === 'symbol') return v.toString();
  if (v === null || typeof v !== 'object') return String(v);
  if (depth > 2) return Array.isArray(v) ? '[…]' : '{…}';
  if (isBytes(v)) {
    const hex = Array.from(new Uint8Array(v.buffer, v.byteOffset, Math.min(v.byteLength, 32)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    return `${v.constructor.name}(${v.byteLength}) ${hex}${v.byteLength > 32 ? '…' : ''}`;
  }
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'Invalid' : v.toISOString()})`;
  if (Array.isArray(v)) {
    const items = v.slice(0, 10).map((x) => show(x, depth + 1));
    return `[${items.join(', ')}${v.length > 10 ? `, … ${v.length - 10} more` : ''}]`;
  }
  if (v instanceof Map) return `Map(${v.size})`;
  if (v instanceof Set) return `Set(${v.size})`;
  const keys = Object.keys(v);
  const name = v.constructor && v.constructor !== Object ? `${v.constructor.name} ` : '';
  const body = keys.slice(0, 12).map((k) => `${k}: ${show(v[k], depth + 1)}`);
  return `${name}{${body.join(', ')}${keys.length > 12 ? ', …' : ''}}`;
}

/** Structural equality; typed arrays compare by bytes, dates by time, Maps/Sets by content. */
function deepEq(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (isBytes(a) || isBytes(b)) {
    if (!isBytes(a) || !isBytes(b) || a.constructor !== b.constructor || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof ArrayBuffer || b instanceof ArrayBuffer) {
    return a instanceof ArrayBuffer && b instanceof ArrayBuffer && deepEq(new Uint8Array(a), new Uint8Array(b), seen);
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEq(v, b.get(k), seen)) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEq(a[k], b[k], seen)) return false;
  }
  return true;
}

function matches(err, expected) {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String(err && err.message !== undefined ? err.message : err));
  if (typeof expected === 'function') return err instanceof expected;
  throw new AssertionError(`expected must be a class or a RegExp, got ${show(expected)}`);
}

function describeExpected(expected) {
  if (expected instanceof RegExp) return `an error matching ${expected}`;
  if (typeof expected === 'function') return `an instance of ${expected.name}`;
  return 'an error';
}

export const assert = {
  ok(value, msg) {
    if (!value) throw new AssertionError(msg ?? `expected a truthy value, got ${show(value)}`);
  },
  equal(actual, expected, msg) {
    if (!Object.is(actual, expected)) {
      throw new AssertionError(`${msg ? `${msg}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  notEqual(actual, expected, msg) {
    if (Object.is(actual, expected)) throw new AssertionError(`${msg ? `${msg}: ` : ''}expected a value other than ${show(expected)}`);
  },
  deepEqual(actual, expected, msg) {
    if (!deepEq(actual, expected)) {
      throw new AssertionError(`${msg ? `${msg}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  throws(fn, expected, msg) {
    try {
      fn();
    } catch (err) {
      if (!matches(err, expected)) {
        throw new AssertionError(`${msg ? `${msg}: ` : ''}expected ${describeExpected(expected)}, got ${show(err)}`);
      }
      return err;
    }
    throw new AssertionError(`${msg ? `${msg}: ` : ''}expected ${describeExpected(expected)} to be thrown, nothing was`);
  },
  async rejects(promiseOrFn, expected, msg) {
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (err) {
      if (!matches(err, expected)) {
        throw new AssertionError(`${msg ? `${msg}: ` : ''}expected ${describeExpected(expected)}, got ${show(err)}`);
      }
      return err;
    }
    throw new AssertionError(`${msg ? `${msg}: ` : ''}expected a rejection with ${describeExpected(expected)}, it resolved`);
  },
  fail(msg) {
    throw new AssertionError(msg ?? 'failed');
  },
};

/** `N passed, N failed` — the closing line every runner prints (prefixed with its runtime). */
export const summaryLine = ({ passed, failed }) => `${passed} passed, ${failed} failed`;

/**
 * Collects the tests of every scenario module, then runs them one by one.
 * @param {{ lib: object, vectors: object, env: object, print?: (line: string) => void, timeoutMs?: number, filter?: string }} options
 */
export function createHarness({ lib, vectors, env, print = (line) => console.log(line), timeoutMs = 30000, filter }) {
  const tests = [];
  let scope = '';
  const t = {
    test(name, fn) {
      if (typeof name !== 'string' || typeof fn !== 'function') {
        throw new TypeError('t.test(name: string, fn: function)');
      }
      tests.push({ name: scope ? `${scope} › ${name}` : name, fn });
    },
    assert,
    lib,
    vectors,
    env,
  };

  return {
    t,
    /** Registers the tests of one scenario module; a module that fails to register counts as a failed test. */
    async add(file, modOrError) {
      scope = file;
      try {
        if (modOrError instanceof Error) throw modOrError;
        if (typeof modOrError?.default !== 'function') throw new Error('a scenario must `export default function (t) {…}`');
        await modOrError.default(t);
      } catch (err) {
        const error = err;
        tests.push({ name: `${file} › (loading)`, fn: () => { throw error; } });
      } finally {
        scope = '';
      }
    },
    /** Runs every registered test (sequentially, each under a timeout) and prints one line per test. */
    async run() {
      let passed = 0;
      let failed = 0;
      const failures = [];
      const selected = filter ? tests.filter((x) => x.name.includes(filter)) : tests;
      for (const { name, fn } of selected) {
        const started = Date.now();
        let timer;
        try {
          await Promise.race([
            Promise.resolve().then(() => fn()),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
            }),
          ]);
          passed++;
          print(`ok   ${name} (${Date.now() - started} ms)`);
        } catch (err) {
          failed++;
          const message = err instanceof Error ? `${err.name}: ${err.message}` : show(err);
          failures.push({ name, message });
          print(`FAIL ${name} (${Date.now() - started} ms)`);
          print(`     ${message}`);
          const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack.split('\n').slice(1, 6) : [];
          for (const line of stack) print(`     ${line.trim()}`);
        } finally {
          clearTimeout(timer);
        }
      }
      return { passed, failed, failures };
    },
  };
}
