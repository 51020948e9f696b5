/**
 * The typed client is opskit's own runtime with openapi-fetch's contract: URL, query and body
 * serialisation as openapi-fetch does them (its own serialisers are the reference here),
 * `{ data, error, response }` results, middleware; per-operation metadata passed with a call;
 * the platform fetch called with a URL and init; reply bodies read once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createQuerySerializer, defaultBodySerializer } from 'openapi-fetch';
import { createClient, ResponseError } from '../../../src/index.js';
import { getItem } from '../../../src/demo/generated/demo.meta.js';
import { json, noSleep, scripted } from './fake-server.js';
import { loopback } from './loopback.js';

const base = 'http://api.test';

test('query strings match openapi-fetch for every style it serialises', async () => {
  const query = { a: 'x y', list: ['1', '2/3'], obj: { k: 'v w', n: 2 }, skip: undefined, none: null, empty: [] as string[], amp: 'a&b' };
  const styles = [
    undefined,
    { array: { style: 'form', explode: false } },
    { array: { style: 'spaceDelimited', explode: false } },
    { array: { style: 'pipeDelimited', explode: false } },
    { object: { style: 'form', explode: false } },
    { object: { style: 'form', explode: true } },
    { allowReserved: true },
  ] as const;
  for (const style of styles) {
    const s = scripted(json(200, {}));
    const c = createClient<any>({ baseUrl: `${base}/`, fetch: s.fetch, ...(style ? { querySerializer: style as never } : {}) });
    await c.GET('/q', { params: { query } });
    const expected = createQuerySerializer(style as never)(query);
    // Compared as a Request sees it (it percent-encodes what allowReserved leaves raw, such as spaces).
    assert.equal(s.seen[0]!.url, new Request(`${base}/q?${expected}`).url, JSON.stringify(style));
  }
});

test('a call may bring its own query, path and body serialisers; headers merge as openapi-fetch merges them', async () => {
  const s = scripted(json(200, {}));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, headers: { 'x-base': 'b', 'x-gone': 'g' } });
  await c.POST('/items/{id}', {
    params: { path: { id: 'a b' }, query: { z: '1' }, header: { 'x-param': 'p' } },
    headers: { 'x-gone': null, 'x-many': ['1', '2'] },
    querySerializer: () => '?raw=yes',
    pathSerializer: (url: string, p: Record<string, unknown>) => url.replace('{id}', `ID-${String(p.id)}`),
    body: { name: 'n' },
    bodySerializer: (b: unknown) => `custom:${JSON.stringify(b)}`,
  });
  const [seen] = s.seen;
  assert.equal(seen!.url, `${base}/items/ID-a%20b?raw=yes`);
  assert.equal(seen!.body, 'custom:{"name":"n"}');
  assert.equal(seen!.headers['content-type'], 'application/json');
  assert.equal(seen!.headers['x-base'], 'b');
  assert.equal(seen!.headers['x-param'], 'p');
  assert.equal(seen!.headers['x-many'], '1, 2');
  assert.equal(seen!.headers['x-gone'], undefined);
});

test('bodies: JSON by default, form-encoded when the type says so, FormData with its boundary, a content type the caller removed stays removed', async () => {
  const s = scripted(json(200, {}));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch });
  await c.POST('/json', { body: { a: 1 } });
  await c.POST('/form', { body: { a: '1 2' }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const fd = new FormData();
  fd.set('f', 'v');
  await c.POST('/multipart', { body: fd });
  await c.POST('/bare', { body: 'text', bodySerializer: (b: string) => b, headers: { 'content-type': null } });
  assert.equal(s.seen[0]!.body, defaultBodySerializer({ a: 1 } as never));
  assert.equal(s.seen[1]!.body, 'a=1+2');
  assert.match(s.seen[2]!.headers['content-type']!, /^multipart\/form-data; boundary=/);
  assert.match(s.seen[2]!.body, /name="f"\r\n\r\nv\r\n/);
  assert.equal(s.seen[3]!.headers['content-type'], 'text/plain;charset=UTF-8', 'a string body gets the type a Request gives it');
});

test('results: data by parseAs, error bodies as JSON or text, nothing for 204 and HEAD', async () => {
  const s = scripted((req) => {
    const path = new URL(req.url).pathname;
    if (path === '/empty') return new Response(null, { status: 204 });
    if (path === '/text-error') return new Response('no such thing', { status: 404 });
    if (path === '/json-error') return json(409, { code: 'Conflict' });
    return json(200, { id: 'a' });
  });
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, retry: false });
  const text = await c.api.GET('/x', { parseAs: 'text' });
  assert.equal(text.data, '{"id":"a"}');
  const bytes = await c.api.GET('/x', { parseAs: 'arrayBuffer' });
  assert.ok(bytes.data instanceof ArrayBuffer);
  assert.equal(new TextDecoder().decode(bytes.data), '{"id":"a"}');
  const blob = await c.api.GET('/x', { parseAs: 'blob' });
  assert.equal(await (blob.data as Blob).text(), '{"id":"a"}');
  assert.deepEqual((await c.api.GET('/x', {})).data, { id: 'a' });
  const empty = await c.api.GET('/empty', {});
  assert.ok('data' in empty && empty.data === undefined && empty.response.status === 204);
  assert.equal((await c.api.GET('/text-error', {})).error, 'no such thing');
  assert.deepEqual((await c.api.GET('/json-error', {})).error, { code: 'Conflict' });
  assert.equal((await c.api.HEAD('/x', {})).data, undefined);
});

test("a call's own operation meta names it, checks its reply shape and marks it idempotent, without a table", async () => {
  const s = scripted(json(200, ['not', 'an', 'object']));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch });
  const err = await c.GET('/items/{id}', { params: { path: { id: 'a' } }, opskit: { meta: getItem } }).catch((e: unknown) => e);
  assert.ok(err instanceof ResponseError);
  assert.match(err.message, /^getItem /);
  assert.match(err.message, /promises an object/);
  const retried = scripted(json(503, {}), json(200, {}));
  const c2 = createClient<any>({ baseUrl: base, fetch: retried.fetch, sleep: noSleep });
  await c2.POST('/jobs', { body: {}, opskit: { meta: { operationId: 'safePost', idempotent: true } } });
  assert.equal(retried.seen.length, 2, 'a POST its meta marks idempotent is retried');
});

test('middleware gets real Requests: onRequest may replace the request, onResponse the response, onError may recover', async () => {
  const s = scripted((req) => json(200, { header: req.headers.get('x-mw') }));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch });
  const order: string[] = [];
  c.api.use({
    onRequest({ request }) {
      order.push(`req:${request instanceof Request}`);
      const next = new Request(request);
      next.headers.set('x-mw', 'yes');
      return next;
    },
    async onResponse({ response }) {
      order.push(`res:${(await response.clone().json()).header}`);
      return undefined;
    },
  });
  assert.deepEqual(await c.GET('/m'), { header: 'yes' });
  assert.deepEqual(order, ['req:true', 'res:yes']);

  const failing = createClient<any>({ baseUrl: base, fetch: () => Promise.reject(new TypeError('down')), retry: false });
  failing.api.use({ onError: () => json(200, { recovered: true }) });
  assert.deepEqual(await failing.GET('/m'), { recovered: true });
});

test('the platform fetch is called with a URL and init, not a Request it would copy', async () => {
  const calls: unknown[][] = [];
  const real = globalThis.fetch;
  globalThis.fetch = ((...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve(json(200, { ok: true }));
  }) as typeof fetch;
  try {
    const c = createClient<any>({ baseUrl: base });
    assert.deepEqual(await c.GET('/p', { params: { query: { a: '1' } } }), { ok: true });
  } finally {
    globalThis.fetch = real;
  }
  assert.equal(calls.length, 1);
  assert.equal(calls[0]![0], `${base}/p?a=1`);
  const init = calls[0]![1] as RequestInit;
  assert.equal(init.redirect, 'manual');
  assert.ok(init.signal instanceof AbortSignal, 'the default timeouts give the call a signal');
});

test('a body longer than its Content-Length says (a decoded gzip reply) is read whole; arrayBuffer hands over the read buffer', async () => {
  const { gzipSync } = await import('node:zlib');
  const payload = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ i, text: 'x'.repeat(20) })) });
  const zipped = gzipSync(payload);
  const server = await loopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(zipped.length) });
    res.end(zipped);
  });
  try {
    const c = createClient<any>({ baseUrl: server.url });
    assert.equal(JSON.stringify(await c.GET('/z')), payload);
    const buffer = (await c.api.GET('/z', { parseAs: 'arrayBuffer' })).data as ArrayBuffer;
    assert.equal(buffer.byteLength, payload.length, 'exactly the body: no spare capacity, no copy of a larger buffer');
  } finally {
    await server.close();
  }
});
