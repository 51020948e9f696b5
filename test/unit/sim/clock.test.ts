import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../../src/sim/index.js';

test('manual clock stands still and moves only when told', () => {
  const clock = createClock(1000);
  assert.equal(clock.mode, 'manual');
  assert.equal(clock.now(), 1000);
  assert.equal(clock.advance(500), 1500);
  assert.equal(clock.now(), 1500);
  clock.set(10);
  assert.equal(clock.now(), 10);
});

test('advance refuses to go backwards or by NaN', () => {
  const clock = createClock(0);
  assert.throws(() => clock.advance(-1), RangeError);
  assert.throws(() => clock.advance(Number.NaN), RangeError);
  assert.throws(() => createClock(Number.POSITIVE_INFINITY), RangeError);
});

test('real clock follows Date.now and can be shifted', () => {
  for (const clock of [createClock(), createClock('real')]) {
    assert.equal(clock.mode, 'real');
    assert.ok(Math.abs(clock.now() - Date.now()) < 50);
    clock.advance(60_000);
    assert.ok(Math.abs(clock.now() - (Date.now() + 60_000)) < 50);
    clock.set(5_000);
    assert.ok(Math.abs(clock.now() - 5_000) < 50);
  }
});
