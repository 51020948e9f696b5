import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, createClient, NetworkError, ServerError, TimeoutError } from '../../../src/index.js';
import { parseRetryAfter, resolveRetry, retryDelay } from '../../../src/core/retry-policy.js';
import { json, noSleep, scripted } from './fake-server.js';

const base = 'http://api.test';

test('retries GET, HEAD, PUT, DELETE, OPTIONS on 408/429/500/502/503/504 and stops at success', async () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS'] as const) {
      const s = scripted(json(status, {}), json(200, { ok: true }));
      const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep });
      const r = await (c as any)[method]('/x');
      assert.deepEqual(r, { ok: true }, `${method} ${status}`);
      assert.equal(s.seen.length, 2);
    }
  }
});

test('does not retry POST or PATCH, or 400/401/404/501', async () => {
  for (const method of ['POST', 'PATCH'] as const) {
    const s = scripted(json(503, {}), json(200, {}));
    const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep });
    await assert.rejects((c as any)[method]('/x', { body: {} }), ServerError);
    assert.equal(s.seen.length, 1);
  }
  for (const status of [400, 401, 404, 501]) {
    const s = scripted(json(status, {}), json(200, {}));
    const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep });
    await assert.rejects(c.GET('/x'));
    assert.equal(s.seen.length, 1, String(status));
  }
});

test('a POST marked idempotent (call option or spec meta) is retried', async () => {
  const s = scripted(json(500, {}), json(200, { a: 1 }));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep, operations: { 'POST /search': { operationId: 'search', idempotent: true } } });
  assert.deepEqual(await c.POST('/search', { body: { q: 1 } }), { a: 1 });
  assert.equal(s.seen.length, 2);
  const s2 = scripted(json(500, {}), json(200, { a: 2 }));
  const c2 = createClient<any>({ baseUrl: base, fetch: s2.fetch, sleep: noSleep });
  assert.deepEqual(await c2.POST('/other', { body: {}, opskit: { idempotent: true } }), { a: 2 });
});

test('replays the exact body on every attempt', async () => {
  const s = scripted(json(503, {}), json(503, {}), json(200, {}));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep });
  await c.PUT('/x', { body: { name: 'ünïcode', n: [1, 2, 3] } });
  assert.equal(s.seen.length, 3);
  assert.ok(s.seen.every((r) => r.body === JSON.stringify({ name: 'ünïcode', n: [1, 2, 3] })));
});

test('gives up after `retries` with the last error', async () => {
  const s = scripted(json(502, { message: 'one' }), json(503, { message: 'two' }), json(504, { message: 'three' }), json(200, {}));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep, retry: { retries: 2 } });
  const err = await c.GET('/x').catch((e: unknown) => e);
  assert.ok(err instanceof ServerError);
  assert.equal(err.status, 504);
  assert.match(err.message, /three/);
  assert.equal(s.seen.length, 3);
});

test('network errors are retried; then NetworkError naming the op', async () => {
  const s = scripted(new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed'));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep });
  const err = await c.GET('/things/{id}', { params: { path: { id: 'a' } } }).catch((e: unknown) => e);
  assert.ok(err instanceof NetworkError);
  assert.match((err as Error).message, /GET \/things\/\{id\}/);
  assert.equal(s.seen.length, 3);
});

test('Retry-After in seconds and as an HTTP date; too long a wait ends retrying', async () => {
  const slept: number[] = [];
  const now = Date.parse('2026-01-01T00:00:00Z');
  const s = scripted(
    json(503, {}, { 'retry-after': '3' }),
    json(429, {}, { 'retry-after': new Date(now + 7000).toUTCString() }),
    json(200, {}),
  );
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, now: () => now, sleep: async (ms) => void slept.push(ms) });
  await c.GET('/x');
  assert.deepEqual(slept, [3000, 7000]);
  const s2 = scripted(json(429, {}, { 'retry-after': '600' }), json(200, {}));
  const c2 = createClient<any>({ baseUrl: base, fetch: s2.fetch, sleep: noSleep, retry: { maxRetryAfter: 60_000 } });
  const err = await c2.GET('/x').catch((e: unknown) => e);
  assert.ok(err instanceof ClientError && err.status === 429 && err.retryAfterMs === 600_000);
  assert.equal(s2.seen.length, 1);
});

test('backoff is exponential with full jitter, capped', () => {
  const p = resolveRetry({ baseDelay: 100, maxDelay: 1000, random: () => 0.999999 });
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => retryDelay(p, n, undefined)), [99, 199, 399, 799, 999, 999]);
  const zero = resolveRetry({ random: () => 0 });
  assert.equal(retryDelay(zero, 3, undefined), 0);
  assert.equal(retryDelay(resolveRetry({ fixedDelay: 5000 }), 4, undefined), 5000);
  const real = resolveRetry({ baseDelay: 100 });
  for (let i = 0; i < 200; i++) {
    const d = retryDelay(real, 2, undefined)!;
    assert.ok(d >= 0 && d < 200);
  }
});

test('parseRetryAfter', () => {
  assert.equal(parseRetryAfter('0', 0), 0);
  assert.equal(parseRetryAfter('1.5', 0), 1500);
  assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
  assert.equal(parseRetryAfter('garbage', 0), undefined);
  assert.equal(parseRetryAfter(null, 0), undefined);
});

test('retry: false and retries: 0 send once', async () => {
  for (const retry of [false as const, { retries: 0 }]) {
    const s = scripted(json(503, {}), json(200, {}));
    await assert.rejects(createClient<any>({ baseUrl: base, fetch: s.fetch, retry, sleep: noSleep }).GET('/x'), ServerError);
    assert.equal(s.seen.length, 1);
  }
});

test('allMethods opts POST into retries (upstream-style policy)', async () => {
  const s = scripted(new TypeError('reset'), json(500, {}), json(201, { id: 1 }));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep, retry: { allMethods: true, retries: 5, fixedDelay: 5000 } });
  assert.deepEqual(await c.POST('/x', { body: { a: 1 } }), { id: 1 });
  assert.equal(s.seen.length, 3);
});

test('the attempt timeout covers a slow body, and an attempt timeout is retried', async () => {
  let calls = 0;
  const slowBody = () =>
    new Response(
      new ReadableStream({
        start(ctrl) {
          ctrl.enqueue(new TextEncoder().encode('{"a":'));
          // never closes: the body stalls
        },
      }),
      { headers: { 'content-type': 'application/json' } },
    );
  const fetch = async (req: Request) => {
    calls++;
    if (calls === 1) {
      const r = slowBody();
      req.signal.addEventListener('abort', () => r.body?.cancel().catch(() => {}));
      return r;
    }
    return json(200, { a: 1 });
  };
  const c = createClient<any>({ baseUrl: base, fetch, sleep: noSleep, timeout: { attempt: 50 } });
  assert.deepEqual(await c.GET('/x'), { a: 1 });
  assert.equal(calls, 2);
  const c2 = createClient<any>({ baseUrl: base, fetch: async () => slowBody(), retry: false, timeout: 30 });
  const err = await c2.GET('/x').catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError && err.scope === 'attempt');
});

test('a Retry-After longer than the remaining total budget fails at once with the server\'s answer', async () => {
  const s = scripted(json(503, { message: 'busy' }, { 'retry-after': '30' }), json(200, {}));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, timeout: { attempt: 1000, total: 2000 } });
  const started = Date.now();
  const err = await c.GET('/x').catch((e: unknown) => e);
  assert.ok(err instanceof ServerError, String(err));
  assert.equal(err.status, 503);
  assert.equal(err.retryAfterMs, 30_000);
  assert.ok(Date.now() - started < 500, `failed after ${Date.now() - started} ms, not at once`);
  assert.equal(s.seen.length, 1);
});
