import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoSim, login } from './helpers.js';

test("'status' answers with the status and the sim's error body, skipping the route", async () => {
  const sim = demoSim();
  const auth = await login(sim);
  sim.faults.inject({ kind: 'status', status: 502, times: 2 });
  for (let i = 0; i < 2; i++) {
    const res = await sim.fetch('/items', { headers: auth });
    assert.equal(res.status, 502);
    assert.deepEqual(await res.json(), { code: 'BadGateway', message: 'injected fault: 502 BadGateway' });
  }
  assert.equal((await sim.fetch('/items', { headers: auth })).status, 200);
  assert.deepEqual(sim.requests.list().slice(-3).map((e) => [e.status, e.fault]), [[502, 'status'], [502, 'status'], [200, undefined]]);
});

test("'status' defaults to 503, takes Retry-After and a custom body; faults apply before auth", async () => {
  const sim = demoSim();
  sim.faults.inject({ kind: 'status', retryAfter: 2 });
  const res = await sim.fetch('/items');
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '2');
  sim.faults.inject({ kind: 'status', status: 500, body: 'plain' });
  assert.equal(await (await sim.fetch('/items')).text(), 'plain');
});

test("'rate-limit' answers 429 with Retry-After in seconds or as a date", async () => {
  const sim = demoSim();
  const auth = await login(sim);
  sim.faults.inject({ kind: 'rate-limit' });
  const a = await sim.fetch('/items', { headers: auth });
  assert.equal(a.status, 429);
  assert.equal(a.headers.get('retry-after'), '1');
  assert.equal(((await a.json()) as { code: string }).code, 'TooManyRequests');
  const date = new Date(Date.UTC(2030, 0, 1)).toUTCString();
  sim.faults.inject({ kind: 'rate-limit', retryAfter: date });
  assert.equal((await sim.fetch('/items', { headers: auth })).headers.get('retry-after'), date);
  sim.faults.inject({ kind: 'rate-limit', retryAfter: 0 });
  assert.equal((await sim.fetch('/items', { headers: auth })).headers.get('retry-after'), '0');
});

test("'reset' makes fetch reject with TypeError, like a network failure", async () => {
  const sim = demoSim();
  const auth = await login(sim);
  sim.faults.inject({ kind: 'reset', match: { method: 'GET', path: '/items' } });
  assert.equal((await sim.fetch('/items/item-001', { headers: auth })).status, 200, 'not matched');
  await assert.rejects(sim.fetch('/items', { headers: auth }), TypeError);
  assert.equal(sim.requests.last()?.status, null);
  assert.equal(sim.requests.last()?.fault, 'reset');
  assert.equal((await sim.fetch('/items', { headers: auth })).status, 200);
});

test("'truncate' delivers `bytes` of the body, then reading rejects with TypeError", async () => {
  const sim = demoSim();
  const auth = await login(sim);
  const full = await (await sim.fetch('/items', { headers: auth })).text();
  sim.faults.inject({ kind: 'truncate', bytes: 7 });
  const res = await sim.fetch('/items', { headers: auth });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-length'), String(new TextEncoder().encode(full).length));
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert.equal(new TextDecoder().decode(first.value), full.slice(0, 7));
  await assert.rejects(reader.read(), TypeError);

  sim.faults.inject({ kind: 'truncate' });
  await assert.rejects((await sim.fetch('/items', { headers: auth })).text(), TypeError, 'bytes defaults to 0');
  sim.faults.inject({ kind: 'truncate', bytes: 1e9 });
  assert.equal(await (await sim.fetch('/items', { headers: auth })).text(), full, 'a cut past the end is harmless');
});

test("'slow' delays in real time, then answers normally", async () => {
  const sim = demoSim();
  const auth = await login(sim);
  sim.faults.inject({ kind: 'slow', delayMs: 80 });
  const t0 = performance.now();
  const res = await sim.fetch('/items', { headers: auth });
  assert.ok(performance.now() - t0 >= 70);
  assert.equal(res.status, 200);
});

test("'slow' + abort rejects with the signal's reason, promptly", async () => {
  const sim = demoSim();
  const auth = await login(sim);
  sim.faults.inject({ kind: 'slow', delayMs: 10_000 });
  const controller = new AbortController();
  const reason = new Error('caller gave up');
  setTimeout(() => controller.abort(reason), 30);
  const t0 = performance.now();
  await assert.rejects(sim.fetch('/items', { headers: auth, signal: controller.signal }), (e) => e === reason);
  assert.ok(performance.now() - t0 < 1000);

  sim.faults.inject({ kind: 'slow', delayMs: 10_000 });
  await assert.rejects(sim.fetch('/items', { headers: auth, signal: AbortSignal.timeout(20) }), { name: 'TimeoutError' });
  await assert.rejects(sim.fetch('/items', { headers: auth, signal: AbortSignal.abort() }), { name: 'AbortError' }, 'already aborted');
});
