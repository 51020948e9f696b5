import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AbortError, TimeoutError, waitFor } from '../../../src/index.js';

function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

test('polls at the interval until done, reporting progress', async () => {
  const clock = fakeTime();
  const states = ['provisioning', 'provisioning', 'running'];
  const progress: Array<[number, number, string]> = [];
  const v = await waitFor(async (n) => states[n - 1]!, (s) => s === 'running', { ...clock, interval: 500, onProgress: (p) => progress.push([p.attempt, p.elapsedMs, p.value]) });
  assert.equal(v, 'running');
  assert.deepEqual(progress, [[1, 0, 'provisioning'], [2, 500, 'provisioning'], [3, 1000, 'running']]);
});

test('throws TimeoutError with the last value, or returns it when silent', async () => {
  const err = await waitFor(async () => 'stopped', () => false, { ...fakeTime(), interval: 1000, timeout: 3500, what: 'machine m1 to be running' }).catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError);
  assert.equal(err.scope, 'wait');
  assert.equal(err.lastValue, 'stopped');
  assert.match(err.message, /machine m1 to be running/);
  assert.equal(await waitFor(async () => 'stopped', () => false, { ...fakeTime(), interval: 1000, timeout: 3500, silent: true }), 'stopped');
});

test('an abort stops the wait with AbortError', async () => {
  const ctrl = new AbortController();
  setTimeout(() => ctrl.abort(), 20);
  await assert.rejects(waitFor(async () => 0, () => false, { interval: 5, timeout: 10_000, signal: ctrl.signal }), AbortError);
  await assert.rejects(waitFor(async () => 0, () => false, { signal: AbortSignal.abort() }), AbortError);
});
