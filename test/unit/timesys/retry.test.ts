import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServerError, TimeoutError } from '../../../src/core/index.js';
import { Llapi, UPSTREAM_RETRY } from '../../../src/timesys/index.js';
import { manualSim } from './helpers.js';

test('default retries follow the core: idempotent methods only, so a failed POST is not replayed', async () => {
  const sim = manualSim();
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch, retry: { baseDelay: 1 } });
  sim.faults.inject({ kind: 'status', status: 502, times: 1, match: { method: 'POST' } });
  await assert.rejects(llapi.createGroup('g'), (e: unknown) => e instanceof ServerError && e.status === 502);
  assert.equal(sim.requests.size, 1);
  sim.faults.inject({ kind: 'status', status: 502, times: 1 });
  assert.equal((await llapi.getGroups()).length, 1, 'a GET is retried');
});

test("retry: 'upstream' — 5 attempts, 5 s apart, any 5xx, POST included", async () => {
  assert.deepEqual({ ...UPSTREAM_RETRY, statusCodes: undefined }, { retries: 4, fixedDelay: 5000, allMethods: true, statusCodes: undefined, networkErrors: true });
  const sim = manualSim();
  const waits: number[] = [];
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch, retry: 'upstream', sleep: async (ms) => void waits.push(ms) });
  sim.faults.inject({ kind: 'status', status: 507, times: 4, match: { method: 'POST' } });
  assert.equal((await llapi.createGroup('g')).name, 'g');
  assert.deepEqual(waits, [5000, 5000, 5000, 5000]);
  sim.faults.inject({ kind: 'status', status: 500, times: 5 });
  await assert.rejects(llapi.heartbeat(), ServerError);
  assert.equal(waits.length, 8);
  sim.faults.inject({ kind: 'status', status: 404, times: 1 });
  await assert.rejects(llapi.getGroups());
  assert.equal(waits.length, 8, '4xx raise at once');
});

test('every request has a timeout (upstream has none)', async () => {
  const sim = manualSim();
  sim.faults.inject({ kind: 'slow', delayMs: 2000, times: 1 });
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch, timeout: 50, retry: false });
  const err = await llapi.heartbeat().catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError, String(err));
  assert.equal(err.scope, 'attempt');
  sim.faults.clear();
  // Uploads and downloads get the long timeout, and take a per-call one too.
  sim.faults.inject({ kind: 'slow', delayMs: 2000, times: 1 });
  const slow = await llapi.downloadReport('R', 'csv', { timeout: 30 }).catch((e: unknown) => e);
  assert.ok(slow instanceof TimeoutError && slow.timeoutMs === 30);
});
