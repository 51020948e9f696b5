// The waiters every Synnefo service builds on (kamaki's wait_*_while / wait_*_until): they throw
// TimeoutError when time runs out (kamaki returns the last object silently; `silent: true` does).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbortError, ConfigError, TimeoutError } from '../../../../src/core/index.js';
import { waitForItem, waitUntilStatus, waitWhileStatus } from '../../../../src/synnefo/index.js';

/** A fake clock: sleeping moves it, so the waits take no real time. */
function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

test('waitWhileStatus resolves with the first object in another state; waitCb and onProgress see every poll', async () => {
  const states = ['BUILD', 'BUILD', 'ACTIVE'];
  const seen: string[] = [];
  const progress: number[] = [];
  const t = fakeTime();
  const r = await waitWhileStatus(async () => ({ status: states.shift() ?? 'ACTIVE' }), 'BUILD', { ...t, waitCb: (v) => seen.push(v.status), onProgress: (p) => progress.push(p.attempt) }, 'server 1');
  assert.equal(r.status, 'ACTIVE');
  assert.deepEqual(seen, ['BUILD', 'BUILD', 'ACTIVE']);
  assert.deepEqual(progress, [1, 2, 3]);
});

test('waitUntilStatus throws TimeoutError with the last object; silent returns it; kamaki delay/maxWait in seconds', async () => {
  let polls = 0;
  const poll = async () => {
    polls++;
    return { status: 'BUILD' };
  };
  const err = await waitUntilStatus(poll, 'ACTIVE', { ...fakeTime(), delay: 1, maxWait: 5 }, 'server 2').catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError, String(err));
  assert.match(err.message, /server 2 to reach status ACTIVE/);
  assert.deepEqual(err.lastValue, { status: 'BUILD' });
  // Polls at 0, 1, … 5 s: the last one may still see the target state (kamaki stops after max_wait // delay = 5).
  assert.equal(polls, 6);
  const last = await waitUntilStatus(poll, 'ACTIVE', { ...fakeTime(), interval: 1000, timeout: 3000, silent: true });
  assert.deepEqual(last, { status: 'BUILD' });
});

test('waiters ride out transient failures, stop on others, honour abort and reject bad numbers', async () => {
  const answers: unknown[] = [new (class extends Error {})(), { status: 'ACTIVE' }];
  // A plain Error is not transient: the wait ends with it.
  await assert.rejects(waitForItem(async () => {
    const a = answers.shift();
    if (a instanceof Error) throw a;
    return a;
  }, () => true, fakeTime()));
  const ctrl = new AbortController();
  ctrl.abort();
  await assert.rejects(waitWhileStatus(async () => ({ status: 'BUILD' }), 'BUILD', { signal: ctrl.signal }), AbortError);
  await assert.rejects(waitWhileStatus(async () => ({ status: 'BUILD' }), 'BUILD', { delay: -1 }), ConfigError);
});
