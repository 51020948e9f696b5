import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AbortError, ClientError, createClient, cursorPaging, dryRunnable, type LogEvent, Paged, ResponseError, TimeoutError,
} from '../../../src/index.js';
import { json, noSleep, scripted } from './fake-server.js';

const base = 'http://api.test';

test('auth signs every attempt with a fresh context, and can replace the request', async () => {
  const s = scripted(json(503, {}), json(200, { ok: 1 }));
  let t = 1000;
  const c = createClient<any>({
    baseUrl: base, fetch: s.fetch, sleep: noSleep, now: () => (t += 1000),
    auth: (req, ctx) => ({ request: { ...req, url: `${req.url}?sig=${ctx.attempt}-${ctx.now()}` } }),
  });
  await c.GET('/x');
  const sigs = s.seen.map((r) => new URL(r.url).searchParams.get('sig')!.split('-').map(Number));
  assert.deepEqual(sigs.map(([attempt]) => attempt), [1, 2]);
  assert.ok(sigs[1]![1]! > sigs[0]![1]!, 'the second attempt saw a later clock');
});

test('onResponse may log in again once: a 401 after that is an error', async () => {
  let session = 'old';
  const s = scripted((req) => (req.headers.get('cookie') === 'S=new' ? json(200, { me: 1 }) : json(401, {})));
  const auth = {
    sign: (req: { headers: Headers }) => void req.headers.set('cookie', `S=${session}`),
    onResponse: (res: Response) => (res.status === 401 && session === 'old' ? ((session = 'new'), 'retry' as const) : undefined),
  };
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, auth });
  assert.deepEqual(await c.GET('/me'), { me: 1 });
  assert.equal(s.seen.length, 2);
  const s2 = scripted(json(401, {}));
  let logins = 0;
  const c2 = createClient<any>({ baseUrl: base, fetch: s2.fetch, auth: { sign() {}, onResponse: () => (logins++, 'retry') } });
  await assert.rejects(c2.GET('/me'), ClientError);
  assert.equal(logins, 1);
  assert.equal(s2.seen.length, 2);
});

test('logger receives request, response, retry and error events in order; a throwing logger is harmless', async () => {
  const events: LogEvent[] = [];
  const s = scripted(json(503, {}), new TypeError('boom'), json(200, {}));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, sleep: noSleep, logger: { log: (e) => events.push(e) } });
  await c.GET('/x', { opskit: { op: 'getX' } });
  assert.deepEqual(events.map((e) => `${e.type}:${e.attempt}`), ['request:1', 'response:1', 'retry:1', 'request:2', 'error:2', 'retry:2', 'request:3', 'response:3']);
  assert.ok(events.every((e) => e.op === 'getX'));
  const c2 = createClient<any>({ baseUrl: base, fetch: scripted(json(200, { a: 1 })).fetch, logger: () => { throw new Error('logger broke'); } });
  assert.deepEqual(await c2.GET('/x'), { a: 1 });
});

test('no logging by default: a failing, retried call writes nothing to the console', async () => {
  const written: unknown[] = [];
  const methods = ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) console[m] = (...args: unknown[]) => void written.push([m, ...args]);
  try {
    const c = createClient<any>({ baseUrl: base, fetch: scripted(json(503, {}), new TypeError('reset'), json(404, {})).fetch, sleep: noSleep });
    await assert.rejects(c.GET('/x'), ClientError);
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i]!));
  }
  assert.deepEqual(written, []);
});

test('client-level signal and per-call signal both abort', async () => {
  const hang = (req: Request) => new Promise<Response>((_, reject) => req.signal.addEventListener('abort', () => reject(req.signal.reason)));
  const ctrl = new AbortController();
  const c = createClient<any>({ baseUrl: base, fetch: hang, signal: ctrl.signal });
  setTimeout(() => ctrl.abort(), 10);
  const err = await c.GET('/x').catch((e: unknown) => e);
  assert.ok(err instanceof AbortError);
  const c2 = createClient<any>({ baseUrl: base, fetch: hang });
  await assert.rejects(c2.GET('/x', { signal: AbortSignal.abort('stop') }), AbortError);
  const c3 = createClient<any>({ baseUrl: base, fetch: hang, timeout: { attempt: 1000, total: 20 } });
  const t = await c3.GET('/x').catch((e: unknown) => e);
  assert.ok(t instanceof TimeoutError && t.scope === 'total' && t.timeoutMs === 20);
});

test('a 2xx with malformed JSON is a ResponseError naming the operation', async () => {
  const c = createClient<any>({ baseUrl: base, fetch: async () => new Response('not json', { headers: { 'content-type': 'application/json' } }) });
  const err = await c.GET('/x', { opskit: { op: 'getThing' } }).catch((e: unknown) => e);
  assert.ok(err instanceof ResponseError);
  assert.match((err as Error).message, /getThing/);
});

test('operation names come from the spec meta; 204 and empty bodies resolve undefined', async () => {
  const s = scripted(new Response(null, { status: 204 }), new Response('', { status: 200 }));
  const c = createClient<any>({ baseUrl: base, fetch: s.fetch, operations: { 'DELETE /m/{id}': { operationId: 'deleteMachine' } } });
  assert.equal(await c.DELETE('/m/{id}', { params: { path: { id: '1' } } }), undefined);
  assert.equal(await c.GET('/empty'), undefined);
  const err = await createClient<any>({ baseUrl: base, fetch: async () => json(404, { code: 'NotFound', message: 'no such machine' }), operations: { 'GET /m/{id}': { operationId: 'getMachine' } } })
    .GET('/m/{id}', { params: { path: { id: '1' } } }).catch((e: unknown) => e);
  assert.ok(err instanceof ClientError);
  assert.equal(err.message, 'getMachine failed with HTTP 404: NotFound: no such machine');
  assert.equal(err.request.op, 'getMachine');
});

test('dryRunnable facades and Paged resolve with the first request', async () => {
  const s = scripted(json(200, []));
  const client = createClient<any>({ baseUrl: base, fetch: s.fetch, dryRun: true });
  class Facade {
    #c = client;
    async getThing(id: string) {
      const raw = await this.#c.unwrap(this.#c.api.GET('/things/{id}', { params: { path: { id } } }));
      return { mapped: raw };
    }
    async twoSteps() {
      await this.#c.unwrap(this.#c.api.POST('/first', { body: {} }));
      return this.#c.unwrap(this.#c.api.GET('/second', {}));
    }
    list() {
      return new Paged(cursorPaging(async () => ({ items: (await this.#c.unwrap(this.#c.api.GET('/things', {}))) as unknown[] })));
    }
  }
  const f = dryRunnable(new Facade());
  const one = (await f.getThing('t1')) as any;
  assert.equal(one.url, `${base}/things/t1`);
  assert.equal(one.dryRun, true);
  assert.equal(((await f.twoSteps()) as any).url, `${base}/first`);
  assert.equal(((await f.list().all()) as any).url, `${base}/things`);
  assert.equal(s.seen.length, 0);
});
