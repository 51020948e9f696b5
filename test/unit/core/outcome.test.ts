/**
 * A call that fails after its request was sent says so: `outcomeUnknown`, the status when headers
 * arrived, the (scrubbed) cause. A call that never reached a server says the opposite. Real fetch
 * over loopback sockets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { AbortError, createClient, NetworkError, TimeoutError } from '../../../src/index.js';
import { loopback } from './loopback.js';

test('headers received, then the body is cut: NetworkError with outcomeUnknown, the status and a cause', async () => {
  const server = await loopback((_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"id": "machine-1", ');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  try {
    const c = createClient<any>({ baseUrl: server.url, retry: false });
    const err = await c.POST('/machines', { body: { name: 'web' } }).catch((e: unknown) => e);
    assert.ok(err instanceof NetworkError, String(err));
    assert.equal(err.outcomeUnknown, true);
    assert.equal(err.status, 201);
    assert.match(err.message, /the request was sent and HTTP 201 began to arrive; the server may have acted on it/);
    assert.ok(err.cause instanceof Error, 'the runtime error is kept as cause');
    assert.equal(server.arrivals.length, 1, 'a POST is never retried');
  } finally {
    await server.close();
  }
});

test('a timeout after the request was sent is a TimeoutError with outcomeUnknown', async () => {
  const server = await loopback(() => {
    /* never answers */
  });
  try {
    const c = createClient<any>({ baseUrl: server.url, retry: false, timeout: { attempt: 100, total: 1000 } });
    const err = await c.POST('/machines', { body: {} }).catch((e: unknown) => e);
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(err.outcomeUnknown, true);
    assert.match(err.message, /the server may have acted on it/);
  } finally {
    await server.close();
  }
});

test('an abort after sending is an AbortError with outcomeUnknown', async () => {
  const server = await loopback(() => {});
  try {
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const err = await createClient<any>({ baseUrl: server.url, retry: false }).POST('/x', { body: {}, opskit: { signal: ctrl.signal } }).catch((e: unknown) => e);
    assert.ok(err instanceof AbortError, String(err));
    assert.equal(err.outcomeUnknown, true);
  } finally {
    await server.close();
  }
});

test('a refused connection is a NetworkError whose request never left: outcomeUnknown false', async () => {
  // A port that was just free: nothing listens on it.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  const err = await createClient<any>({ baseUrl: `http://127.0.0.1:${port}`, retry: false }).POST('/x', { body: {} }).catch((e: unknown) => e);
  assert.ok(err instanceof NetworkError, String(err));
  assert.equal(err.outcomeUnknown, false);
  assert.doesNotMatch(err.message, /may have acted/);
  assert.equal((err.cause as { code?: string } | undefined)?.code ?? ((err.cause as Error).cause as { code?: string })?.code, 'ECONNREFUSED');
});
