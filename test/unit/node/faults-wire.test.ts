import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serve, type ServedSim } from '../../../src/node/index.js';
import type { DemoSim } from '../../../src/sim/index.js';
import { demoSim, login, rawExchange } from './helpers.js';

let sim: DemoSim;
let server: ServedSim;
let auth: Record<string, string>;

before(async () => {
  sim = demoSim();
  server = await serve(sim);
  auth = await login(server.url, sim);
});
after(() => server.close());

const rawGet = (path: string) =>
  rawExchange(server.url, `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth.authorization}\r\nConnection: close\r\n\r\n`);

test("'status' bursts come over the wire with the error body", async () => {
  sim.faults.inject({ kind: 'status', status: 500, times: 3 });
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${server.url}/items`, { headers: auth });
    assert.equal(res.status, 500);
    assert.equal(((await res.json()) as { code: string }).code, 'InternalError');
  }
  assert.equal((await fetch(`${server.url}/items`, { headers: auth })).status, 200);
});

test("'rate-limit' is a 429 with Retry-After", async () => {
  sim.faults.inject({ kind: 'rate-limit', retryAfter: 7 });
  const res = await fetch(`${server.url}/items`, { headers: auth });
  assert.equal(res.status, 429);
  assert.equal(res.headers.get('retry-after'), '7');
  await res.body?.cancel();
  sim.faults.inject({ kind: 'status', status: 503, retryAfter: 'Wed, 21 Oct 2037 07:28:00 GMT' });
  const unavailable = await fetch(`${server.url}/items`, { headers: auth });
  assert.equal(unavailable.status, 503);
  assert.equal(unavailable.headers.get('retry-after'), 'Wed, 21 Oct 2037 07:28:00 GMT');
  await unavailable.body?.cancel();
});

test("'reset' drops the connection without a response: fetch rejects", async () => {
  sim.faults.inject({ kind: 'reset' });
  await assert.rejects(fetch(`${server.url}/items`, { headers: auth }), TypeError);
  sim.faults.inject({ kind: 'reset' });
  const raw = await rawGet('/items');
  assert.equal(raw.head, '', 'not one byte of response');
  assert.equal((await fetch(`${server.url}/items`, { headers: auth })).status, 200, 'the server lives on');
});

test("'truncate' sends the full Content-Length but only `bytes` of body, then closes", async () => {
  const full = new TextEncoder().encode(await (await fetch(`${server.url}/items`, { headers: auth })).text());
  sim.faults.inject({ kind: 'truncate', bytes: 10 });
  const res = await fetch(`${server.url}/items`, { headers: auth });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-length'), String(full.length));
  await assert.rejects(res.text(), TypeError);

  sim.faults.inject({ kind: 'truncate', bytes: 10 });
  const raw = await rawGet('/items');
  assert.match(raw.head, /^HTTP\/1\.1 200 OK/);
  assert.match(raw.head, new RegExp(`content-length: ${full.length}`, 'i'));
  assert.equal(raw.body.length, 10);
  assert.deepEqual(new Uint8Array(raw.body), full.subarray(0, 10));

  sim.faults.inject({ kind: 'truncate', bytes: 0 });
  const empty = await rawGet('/items');
  assert.match(empty.head, /^HTTP\/1\.1 200 OK/);
  assert.equal(empty.body.length, 0);
});

test("'slow' delays the answer", async () => {
  sim.faults.inject({ kind: 'slow', delayMs: 100 });
  const t0 = performance.now();
  const res = await fetch(`${server.url}/items`, { headers: auth });
  assert.ok(performance.now() - t0 >= 90);
  assert.equal(res.status, 200);
  await res.body?.cancel();
});

test("'slow' + client abort: fetch rejects promptly and the server gives up waiting", async () => {
  sim.faults.inject({ kind: 'slow', delayMs: 30_000 });
  const t0 = performance.now();
  await assert.rejects(fetch(`${server.url}/items`, { headers: auth, signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
  assert.ok(performance.now() - t0 < 1000);
  await new Promise((r) => setTimeout(r, 50));
  const entry = sim.requests.last();
  assert.equal(entry?.fault, 'slow');
  assert.equal(entry?.status, null, 'no response was produced');
  assert.equal((await fetch(`${server.url}/items`, { headers: auth })).status, 200);
});
