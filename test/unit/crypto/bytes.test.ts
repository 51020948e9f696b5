import { test } from 'node:test';
import assert from 'node:assert/strict';
import { equalBytes, randomBytes } from '../../../src/crypto/index.js';
import { OpsError } from '../../../src/core/errors/ops-error.js';
import { ConfigError } from '../../../src/core/errors/config-error.js';

test('equalBytes: equal, different content, different lengths, empty', () => {
  assert.equal(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3)), true);
  assert.equal(equalBytes(new Uint8Array(0), new Uint8Array(0)), true);
  assert.equal(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4)), false);
  assert.equal(equalBytes(Uint8Array.of(0, 2, 3), Uint8Array.of(1, 2, 3)), false);
  assert.equal(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3)), false);
  for (let i = 0; i < 32; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const a = new Uint8Array(32).fill(7);
      const b = a.slice();
      b[i]! ^= 1 << bit;
      assert.equal(equalBytes(a, b), false);
    }
  }
});

test('randomBytes: lengths, chunking past 65,536 bytes, and plausibly random output', () => {
  assert.equal(randomBytes(0).length, 0);
  assert.equal(randomBytes(16).length, 16);
  const big = randomBytes(200_000);
  assert.equal(big.length, 200_000);
  // Every chunk was filled: no 1 KiB window past the first chunk is all zero.
  for (let i = 0; i < big.length; i += 1024) assert.ok(big.subarray(i, i + 1024).some((b) => b !== 0), `window ${i}`);
  const counts = new Array<number>(256).fill(0);
  for (const b of big) counts[b]!++;
  assert.ok(Math.min(...counts) > 500 && Math.max(...counts) < 1100, 'byte values roughly uniform');
  assert.notDeepEqual(randomBytes(32), randomBytes(32));
});

test('randomBytes: invalid lengths throw a ConfigError naming the argument, never a RangeError', () => {
  for (const n of [-1, 1.5, Number.NaN, Infinity, 2 ** 31, '8' as unknown as number]) {
    assert.throws(() => randomBytes(n), (e: unknown) => e instanceof ConfigError && /^randomBytes: length must be an integer from 0 to 2147483647, got /.test(e.message), String(n));
  }
});

test('randomBytes: a runtime without crypto.getRandomValues gets a clear OpsError', () => {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
  try {
    assert.throws(() => randomBytes(8), (e: unknown) => e instanceof OpsError && e.code === 'NO_RANDOM' && /getRandomValues/.test(e.message));
  } finally {
    Object.defineProperty(globalThis, 'crypto', descriptor);
  }
});
