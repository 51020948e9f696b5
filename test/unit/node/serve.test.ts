import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';
import { serve } from '../../../src/node/index.js';
import { createSimApp, defineSim } from '../../../src/sim/index.js';
import { demoSim, login } from './helpers.js';

test('serves a simulator on a random port; fetch talks to it', async (t) => {
  const sim = demoSim();
  const server = await serve(sim, { port: 0 });
  t.after(() => server.close());
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(server.port > 0);
  assert.equal(server.host, '127.0.0.1');
  const auth = await login(server.url, sim);
  const res = await fetch(`${server.url}/items?limit=2`, { headers: auth });
  assert.equal(res.status, 200);
  assert.equal(res.statusText, 'OK');
  assert.equal(res.headers.get('x-total-count'), '25');
  assert.equal(((await res.json()) as unknown[]).length, 2);
  const unauth = await fetch(`${server.url}/items`);
  assert.equal(unauth.status, 401);
  assert.equal(unauth.statusText, 'Unauthorized');
  assert.equal(sim.requests.last()?.url, `${server.url}/items`, 'the sim sees the real URL');
});

test('request bodies stream in, including large and streamed uploads', async (t) => {
  const sim = demoSim();
  const server = await serve(sim);
  t.after(() => server.close());
  const auth = await login(server.url, sim);
  const big = 'x'.repeat(1 << 20);
  const res = await fetch(`${server.url}/echo`, { method: 'POST', headers: auth, body: big });
  assert.equal(((await res.json()) as { body: string }).body.length, big.length);

  const enc = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode('part1,'));
      c.enqueue(enc.encode('part2'));
      c.close();
    },
  });
  const streamed = await fetch(`${server.url}/echo`, { method: 'PUT', headers: auth, body: stream, duplex: 'half' } as RequestInit);
  const echo = (await streamed.json()) as { method: string; body: string; headers: Record<string, string> };
  assert.equal(echo.method, 'PUT');
  assert.equal(echo.body, 'part1,part2');
  assert.equal(echo.headers['transfer-encoding'], undefined, 'hop-by-hop headers are not passed on');
});

test('response bodies stream out; repeated Set-Cookie stays separate; HEAD has no body', async (t) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const sim = defineSim('stream', () => {
    const app = createSimApp();
    app.get('/stream', () => {
      const enc = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async start(c) {
          c.enqueue(enc.encode('first;'));
          await gate;
          c.enqueue(enc.encode('second'));
          c.close();
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/plain' } });
    });
    app.get('/cookies', () => {
      const headers = new Headers();
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response('ok', { headers });
    });
    return app;
  });
  const server = await serve(sim);
  t.after(() => server.close());

  const res = await fetch(`${server.url}/stream`);
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert.equal(new TextDecoder().decode(first.value), 'first;', 'first chunk arrives before the body is complete');
  release();
  let rest = '';
  for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
  assert.equal(rest, 'second');

  const cookies = await fetch(`${server.url}/cookies`);
  assert.deepEqual(cookies.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/']);

  const head = await fetch(`${server.url}/cookies`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('close() ends keep-alive connections promptly and frees the port', async () => {
  const sim = demoSim();
  const server = await serve(sim);
  // Keep a connection open and idle through node:http's keep-alive agent.
  await new Promise<void>((resolve, reject) => {
    const req = httpRequest(`${server.url}/items`, { headers: { connection: 'keep-alive' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
  await fetch(`${server.url}/items`).then((r) => r.text());
  const t0 = performance.now();
  await server.close();
  assert.ok(performance.now() - t0 < 500, `close took ${performance.now() - t0} ms`);
  await server.close(); // idempotent
  await assert.rejects(fetch(`${server.url}/items`), TypeError);
});

test('close() also cuts in-flight requests (a slow fault does not hold it up)', async () => {
  const sim = demoSim();
  const server = await serve(sim);
  sim.faults.inject({ kind: 'slow', delayMs: 30_000 });
  const pending = fetch(`${server.url}/items`).then(
    () => 'answered',
    () => 'failed',
  );
  await new Promise((r) => setTimeout(r, 50));
  const t0 = performance.now();
  await server.close();
  assert.ok(performance.now() - t0 < 500);
  assert.equal(await pending, 'failed');
});

test('a port already in use is an error; bad ports are rejected', async (t) => {
  const sim = demoSim();
  const a = await serve(sim);
  t.after(() => a.close());
  await assert.rejects(serve(sim, { port: a.port }), { code: 'EADDRINUSE' });
  await assert.rejects(serve(sim, { port: 70000 }), RangeError);
});
