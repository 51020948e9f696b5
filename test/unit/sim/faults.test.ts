import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFaults } from '../../../src/sim/index.js';

test('faults are consumed oldest first, `times` hits each', () => {
  const faults = createFaults();
  faults.inject({ kind: 'status', status: 502, times: 2 });
  faults.inject({ kind: 'reset' });
  assert.deepEqual(faults.pending.map((f) => [f.kind, f.remaining]), [['status', 2], ['reset', 1]]);
  assert.equal(faults.take('GET', '/a')?.kind, 'status');
  assert.equal(faults.take('GET', '/a')?.kind, 'status');
  assert.equal(faults.take('GET', '/a')?.kind, 'reset');
  assert.equal(faults.take('GET', '/a'), undefined);
  assert.equal(faults.pending.length, 0);
});

test('match narrows by method and path (string is exact, RegExp is tested)', () => {
  const faults = createFaults();
  faults.inject({ kind: 'reset', match: { method: 'post', path: '/items' } });
  faults.inject({ kind: 'slow', match: { path: /^\/items\/\w+$/g } });
  const slow = faults.pending[1]?.spec;
  assert.equal(faults.take('GET', '/items'), undefined);
  assert.equal(faults.take('POST', '/items/1'), slow);
  assert.equal(faults.take('POST', '/items/2'), undefined, 'used up, and the /g RegExp did not carry state');
  assert.equal(faults.pending.length, 1);
  assert.equal(faults.take('POST', '/items')?.kind, 'reset');
});

test('Infinity faults last until cleared', () => {
  const faults = createFaults();
  faults.inject({ kind: 'rate-limit', times: Infinity });
  for (let i = 0; i < 50; i++) assert.equal(faults.take('GET', '/')?.kind, 'rate-limit');
  faults.clear();
  assert.equal(faults.take('GET', '/'), undefined);
});

test('nonsensical specs are rejected', () => {
  const faults = createFaults();
  assert.throws(() => faults.inject({ kind: 'nope' as 'reset' }), RangeError);
  assert.throws(() => faults.inject({ kind: 'reset', times: 0 }), RangeError);
  assert.throws(() => faults.inject({ kind: 'reset', times: 1.5 }), RangeError);
  assert.throws(() => faults.inject({ kind: 'status', status: 200 }), RangeError);
  assert.throws(() => faults.inject({ kind: 'slow', delayMs: -1 }), RangeError);
  assert.throws(() => faults.inject({ kind: 'truncate', bytes: Number.NaN }), RangeError);
  assert.throws(() => faults.inject({ kind: 'rate-limit', retryAfter: -5 }), RangeError);
  assert.equal(faults.pending.length, 0);
});
