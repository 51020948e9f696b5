/**
 * Replies that are not what the API promises never become data: a body past `maxResponseBytes`
 * (an endless 200 stops at the cap instead of eating memory), and a 2xx whose top-level JSON type
 * differs from the spec's (the generated operation table carries it as `shape`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, ResponseError } from '../../../src/index.js';
import { loopback } from './loopback.js';

test('an endless 200 stops at maxResponseBytes with a ResponseError', async () => {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const server = await loopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length announced
    const pump = () => {
      while (res.writable && sent < 1024 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  });
  try {
    const c = createClient<any>({ baseUrl: server.url, maxResponseBytes: 1024 * 1024, retry: false });
    const before = process.memoryUsage().rss;
    const err = await c.GET('/endless').catch((e: unknown) => e);
    assert.ok(err instanceof ResponseError, String(err));
    assert.match(err.message, /maxResponseBytes \(1048576\)/);
    assert.ok(sent < 64 * 1024 * 1024, `the reader stopped early (server wrote ${sent} bytes)`);
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
  } finally {
    await server.close();
  }
});

test('a Content-Length above the cap fails before reading; a stream is exempt', async () => {
  const server = await loopback((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(2 * 1024 * 1024) });
    res.end(Buffer.alloc(2 * 1024 * 1024));
  });
  try {
    const c = createClient<any>({ baseUrl: server.url, maxResponseBytes: 1024 * 1024, retry: false });
    const err = await c.GET('/big', { parseAs: 'arrayBuffer' }).catch((e: unknown) => e);
    assert.ok(err instanceof ResponseError);
    assert.match(err.message, /2097152 bytes, more than maxResponseBytes/);
    const stream = (await c.GET('/big', { parseAs: 'stream' })) as ReadableStream<Uint8Array>;
    let n = 0;
    for await (const part of stream as unknown as AsyncIterable<Uint8Array>) n += part.byteLength;
    assert.equal(n, 2 * 1024 * 1024);
  } finally {
    await server.close();
  }
});

test('a 2xx whose top-level type differs from the spec is a ResponseError', async () => {
  const replies: Record<string, string> = { '/obj': '42', '/list': '{"items": []}', '/ok': '{"id": "a"}', '/null': 'null', '/anything': '"text"' };
  const server = await loopback((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(replies[req.url ?? '']));
  try {
    const operations = {
      'GET /obj': { operationId: 'getThing', shape: 'object' as const },
      'GET /list': { operationId: 'listThings', shape: 'array' as const },
      'GET /ok': { operationId: 'getOk', shape: 'object' as const },
      'GET /null': { operationId: 'getNull', shape: 'object' as const },
    };
    const c = createClient<any>({ baseUrl: server.url, operations, retry: false });
    const num = await c.GET('/obj').catch((e: unknown) => e);
    assert.ok(num instanceof ResponseError);
    assert.equal(num.message, 'getThing returned an invalid response: HTTP 200 body is a number, but the API promises an object');
    const obj = await c.GET('/list').catch((e: unknown) => e);
    assert.match((obj as Error).message, /listThings .* body is an object, but the API promises an array/);
    assert.ok((await c.GET('/null').catch((e: unknown) => e)) instanceof ResponseError);
    assert.deepEqual(await c.GET('/ok'), { id: 'a' });
    assert.equal(await c.GET('/anything'), 'text', 'operations without a shape are not checked');
    assert.equal(await c.GET('/obj', { parseAs: 'text' }), '42', 'text replies are the caller\'s to read');
  } finally {
    await server.close();
  }
});
