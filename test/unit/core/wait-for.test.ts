import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AbortError, ClientError, ConfigError, NetworkError, ServerError, TimeoutError, waitFor } from '../../../src/index.js';

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

test('the timeout holds while a poll is in flight, and the poll gets the wait\'s signal', async () => {
  let pollSignal: AbortSignal | undefined;
  const started = Date.now();
  const err = await waitFor(
    (_n, ctx) => {
      pollSignal = ctx.signal;
      return new Promise<string>((resolve) => setTimeout(() => resolve('late'), 8000).unref());
    },
    () => false,
    { interval: 100, timeout: 300 },
  ).catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError, String(err));
  const took = Date.now() - started;
  assert.ok(took < 1500, `took ${took} ms`);
  assert.equal(pollSignal?.aborted, true, 'the in-flight poll was told to stop');
});

test('an abort while a poll is in flight ends the wait at once', async () => {
  const ctrl = new AbortController();
  setTimeout(() => ctrl.abort(), 100);
  const started = Date.now();
  const err = await waitFor(() => new Promise<number>(() => {}), () => false, { interval: 10, timeout: 10_000, signal: ctrl.signal }).catch((e: unknown) => e);
  assert.ok(err instanceof AbortError, String(err));
  assert.ok(Date.now() - started < 1000);
});

test('interval and timeout must be positive numbers', async () => {
  for (const bad of [{ interval: Number.NaN }, { interval: 0 }, { interval: -5 }, { timeout: Number.NaN }, { timeout: 0 }, { timeout: -1 }, { interval: Infinity }]) {
    await assert.rejects(waitFor(async () => 1, () => true, bad), ConfigError, JSON.stringify(bad));
  }
  assert.equal(await waitFor(async () => 1, () => true, { timeout: Infinity }), 1);
});

test('transient failures are ridden out within the wait; others end it', async () => {
  const clock = fakeTime();
  const req = { op: 'getMachine', method: 'GET', url: 'http://x', headers: {} };
  const replies: Array<() => Promise<string>> = [
    async () => 'provisioning',
    async () => { throw new ServerError({ status: 503, request: req }); },
    async () => { throw new ClientError({ status: 429, request: req }); },
    async () => { throw new NetworkError('getMachine', 'socket hang up'); },
    async () => 'running',
  ];
  const seen: Array<string> = [];
  const v = await waitFor((n) => replies[n - 1]!(), (s) => s === 'running', {
    ...clock, interval: 1000, timeout: 300_000, onProgress: (p) => seen.push(p.error ? `error:${p.error.name}` : p.value),
  });
  assert.equal(v, 'running');
  assert.deepEqual(seen, ['provisioning', 'error:ServerError', 'error:ClientError', 'error:NetworkError', 'running']);
  const notFound = new ClientError({ status: 404, request: req });
  await assert.rejects(waitFor(async () => { throw notFound; }, () => true, fakeTime()), (e) => e === notFound);
  const expired = await waitFor(async () => { throw new ServerError({ status: 500, request: req }); }, () => true, { ...fakeTime(), interval: 1000, timeout: 2500 }).catch((e: unknown) => e);
  assert.ok(expired instanceof TimeoutError);
  assert.ok(expired.cause instanceof ServerError, 'the last transient failure is the cause');
});
