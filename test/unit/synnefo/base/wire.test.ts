// The base client over real HTTP against a bare node:http server that records what arrives and
// answers what each test says: the version rule, Python 2 path quoting, kamaki query staging,
// bodies, per-call success codes, 304, Location, retries, timeouts, dry runs, and the token
// never showing in errors, logs or dry runs.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { inspect } from 'node:util';
import { ConfigError, HttpError, ResponseError, TimeoutError, type LogEvent } from '../../../../src/core/index.js';
import {
  Client, ClientError, ItemNotFound, NotModified, ServiceUnavailable, type SynnefoClientOptions,
} from '../../../../src/synnefo/index.js';

const TOKEN = 'sEcReT-t0ken-abcdefghij';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (seen: Seen, res: ServerResponse) => void | Promise<void>;

const servers: { close(): void }[] = [];
after(() => {
  for (const s of servers) s.close();
});

async function startServer(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      void handler(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push({
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
};

/** A tiny service client, as the compute/network/image/volume/Pithos clients are built. */
class ThingClient extends Client {
  static override readonly serviceType: string = 'compute';
  static override readonly DEFAULT_API_VERSION: string | undefined = '2.0';
  constructor(options: SynnefoClientOptions) {
    super(options, {
      operations: {
        'GET /things': { operationId: 'listThings', idempotent: true },
        'GET /things/{id}': { operationId: 'getThing', idempotent: true },
        'POST /things': { operationId: 'createThing', idempotent: false },
        'PUT /things/{id}': { operationId: 'putThing', idempotent: true },
        'GET /named/{name}': { operationId: 'getNamed', idempotent: true, pathStyles: { name: 'text' } },
        'GET /objects/{path}': { operationId: 'getObject', idempotent: true, pathStyles: { path: 'segments' } },
      },
    });
  }

  async getThing(id: string) {
    return (await this.get('/things/{id}', { params: { path: { id } } })).data;
  }
}

test('endpoint and version rule: /v2.0 appended, requests go under it with X-Auth-Token', async () => {
  const { url, seen } = await startServer((_s, res) => json(res, 200, { ok: true }));
  const c = new ThingClient({ url: `${url}/cyclades/compute/`, token: TOKEN, retry: false });
  assert.equal(c.endpointUrl, `${url}/cyclades/compute/v2.0`);
  assert.equal(c.apiVersion, '2.0');
  assert.equal(c.serviceType, 'compute');
  assert.deepEqual(await c.getThing('7'), { ok: true });
  assert.equal(seen[0]?.url, '/cyclades/compute/v2.0/things/7');
  assert.equal(seen[0]?.headers['x-auth-token'], TOKEN);
  const v1 = new ThingClient({ url: `${url}/x/v1`, token: TOKEN });
  assert.equal(v1.endpointUrl, `${url}/x/v1`);
  assert.equal(v1.apiVersion, '1');
});

test('paths are quoted once with Python 2 rules; text params escape "/", segments keep it', async () => {
  const { url, seen } = await startServer((_s, res) => json(res, 200, {}));
  const c = new ThingClient({ url, token: TOKEN });
  await c.get('/things/{id}', { params: { path: { id: "a~b!c*d'e(f)g h" } } });
  await c.get('/named/{name}', { params: { path: { name: 'my key/α?#' } } });
  await c.get('/objects/{path}', { params: { path: { path: 'dir/sub dir/ü.txt' } } });
  assert.deepEqual(seen.map((s) => s.url), [
    '/v2.0/things/a%7Eb%21c%2Ad%27e%28f%29g%20h',
    '/v2.0/named/my%20key%2F%CE%B1%3F%23',
    '/v2.0/objects/dir/sub%20dir/%C3%BC.txt',
  ]);
  // Hostile identifiers never reach the wire.
  await assert.rejects(c.get('/things/{id}', { params: { path: { id: '..' } } }), ConfigError);
  await assert.rejects(c.get('/things/{id}', { params: { path: { id: 'a/b' } } }), ConfigError);
  await assert.rejects(c.get('/objects/{path}', { params: { path: { path: 'a/../b' } } }), ConfigError);
  assert.equal(seen.length, 3);
});

test('query staging: bare keys, Python booleans, quoted once; JSON and form bodies with their Content-Type', async () => {
  const { url, seen } = await startServer((_s, res) => json(res, 201, { made: 1 }));
  const c = new ThingClient({ url, token: TOKEN });
  await c.post('/things', { query: { update: '', 'changes-since': '2024-01-01T00:00:00+00:00', public: true, name: 'α' }, body: { thing: { name: 'n' } }, success: 201 });
  assert.equal(seen[0]?.url, '/v2.0/things?update&changes-since=2024-01-01T00%3A00%3A00%2B00%3A00&public=True&name=%CE%B1');
  assert.equal(seen[0]?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(seen[0]?.body ?? ''), { thing: { name: 'n' } });
  await c.post('/things', { body: { feedback_msg: 'hi there*', feedback_data: 'x' }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, success: 201 });
  assert.equal(seen[1]?.body, 'feedback_msg=hi+there%2A&feedback_data=x');
  await c.post('/things', { body: new Uint8Array([1, 2, 255]), headers: { 'content-type': 'application/octet-stream' }, success: 201 });
  assert.deepEqual([...Buffer.from(seen[2]?.body ?? '', 'latin1')].length, 3);
  await c.post('/things', { body: 'raw text', headers: { 'content-type': 'text/plain' }, success: 201 });
  assert.equal(seen[3]?.body, 'raw text');
});

test('per-call success codes: another status throws a ClientError subclass, a 2xx included', async () => {
  const replies: [number, unknown][] = [
    [202, { accepted: true }],
    [404, { itemNotFound: { code: 404, message: 'Thing 7 not found', details: 'none here' } }],
    [200, { ok: 1 }],
  ];
  const { url } = await startServer((_s, res) => {
    const [status, body] = replies.shift() ?? [500, {}];
    json(res, status, body);
  });
  const c = new ThingClient({ url, token: TOKEN });
  const a = await c.post('/things', { body: {}, success: 201 }).catch((e: unknown) => e);
  assert.ok(a instanceof ClientError, String(a));
  assert.equal(a.status, 202);
  assert.equal(a.httpStatus, 202);
  assert.match(a.message, /^createThing: Accepted/);
  const b = await c.getThing('7').catch((e: unknown) => e);
  assert.ok(b instanceof ItemNotFound && b instanceof HttpError);
  assert.equal(b.message, 'getThing: Not Found itemNotFound (Thing 7 not found)');
  assert.equal(b.status, 404);
  assert.deepEqual(b.details, ['none here']);
  assert.equal(b.fault, 'itemNotFound');
  assert.equal(b.faultMessage, 'Thing 7 not found');
  assert.equal(b.vendorCode, 'itemNotFound');
  const ok = await c.get('/things', { success: [200, 203] });
  assert.equal(ok.status, 200);
});

test('changes-since: an accepted 304 is "not modified", an unexpected one a NotModified error', async () => {
  const { url, seen } = await startServer((s, res) => {
    if (s.url.includes('changes-since')) {
      res.writeHead(304);
      res.end();
    } else json(res, 200, { things: [] });
  });
  const c = new ThingClient({ url, token: TOKEN });
  const r = await c.get('/things', { query: { 'changes-since': '2024-01-01T00:00:00+00:00' }, success: [200, 304] });
  assert.equal(r.notModified, true);
  assert.equal(r.status, 304);
  assert.equal(r.data, undefined);
  await assert.rejects(c.get('/things', { query: { 'changes-since': 'x' } }), NotModified);
  const fresh = await c.get('/things', { success: [200, 304] });
  assert.equal(fresh.notModified, false);
  assert.deepEqual(fresh.data, { things: [] });
  assert.equal(seen.length, 3);
});

test('response headers (Location) are reachable; bad JSON in a 2xx is a ResponseError naming the call', async () => {
  const { url } = await startServer((s, res) => {
    if (s.method === 'POST') json(res, 202, { server: { id: 1 } }, { location: 'http://example/servers/1' });
    else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{not json');
    }
  });
  const c = new ThingClient({ url, token: TOKEN });
  const r = await c.post('/things', { body: {}, success: 202 });
  assert.equal(r.headers.get('location'), 'http://example/servers/1');
  assert.deepEqual(r.data, { server: { id: 1 } });
  const e = await c.getThing('1').catch((x: unknown) => x);
  assert.ok(e instanceof ResponseError);
  assert.match(e.message, /getThing/);
});

test('retries only idempotent calls; 503 becomes ServiceUnavailable after the retries', async () => {
  const { url, seen } = await startServer((_s, res) => json(res, 503, { serviceUnavailable: { code: 503, message: 'no backend', details: '' } }));
  const c = new ThingClient({ url, token: TOKEN, retry: { retries: 2, baseDelay: 1 } });
  await assert.rejects(c.getThing('1'), ServiceUnavailable);
  assert.equal(seen.length, 3);
  await assert.rejects(c.post('/things', { body: {}, success: 201 }), ServiceUnavailable);
  assert.equal(seen.length, 4);
});

test('timeouts everywhere (kamaki has none): a stalled server is a TimeoutError', async () => {
  const { url } = await startServer(() => {
    /* never answers */
  });
  const c = new ThingClient({ url, token: TOKEN, timeout: { attempt: 100, total: 300 }, retry: false });
  const e = await c.getThing('1').catch((x: unknown) => x);
  assert.ok(e instanceof TimeoutError, String(e));
  assert.ok(!String((e as Error).message).includes(TOKEN));
});

test('the token never appears in errors, logs, dry runs, JSON or inspect output', async () => {
  const { url } = await startServer((s, res) =>
    // A server that echoes the token back in its fault message, as a buggy proxy might.
    json(res, 401, { unauthorized: { code: 401, message: `bad token ${String(s.headers['x-auth-token'])}`, details: String(s.headers['x-auth-token']) } }),
  );
  const events: LogEvent[] = [];
  const c = new ThingClient({ url: `${url}/${TOKEN}`, token: TOKEN, logger: (e) => events.push(e), retry: false });
  const e = await c.getThing(TOKEN).catch((x: unknown) => x);
  assert.ok(e instanceof ClientError);
  const everything = JSON.stringify({ message: e.message, details: e.details, body: e.body, request: e.request, events, json: c, inspect: inspect(c), stack: e.stack });
  assert.ok(!everything.includes(TOKEN), everything);
  assert.ok(events.length > 0);
  const dry = new ThingClient({ url, token: TOKEN, dryRun: true });
  const req = (await dry.getThing('1')) as unknown as { dryRun: boolean; headers: Record<string, string>; url: string };
  assert.equal(req.dryRun, true);
  assert.equal(req.url, `${url}/v2.0/things/1`);
  assert.equal(req.headers['x-auth-token'], '[REDACTED]');
  const revealed = (await new ThingClient({ url, token: TOKEN, dryRun: true, reveal: true }).getThing('1')) as unknown as { headers: Record<string, string> };
  assert.equal(revealed.headers['x-auth-token'], TOKEN);
});

test('constructor checks: unknown options with hints, bad tokens never echoed, token switch', async () => {
  assert.throws(() => new ThingClient({ url: 'http://h', endpoint_url: 'x' } as never), /unknown option "endpoint_url"; did you mean "url"\?/);
  assert.throws(() => new ThingClient({ url: '' }), /no endpoint URL/);
  assert.throws(() => new ThingClient({ url: 'http://h', token: `${TOKEN}\nX-Injected: 1` }), (err: Error) => err instanceof ConfigError && !err.message.includes(TOKEN));
  assert.throws(() => new ThingClient({ url: 'http://h', token: 42 as never }), /token must be a string/);
  const { url, seen } = await startServer((_s, res) => json(res, 200, {}));
  const c = new ThingClient({ url, token: TOKEN });
  c.token = 'another-token-123';
  await c.getThing('1');
  assert.equal(seen[0]?.headers['x-auth-token'], 'another-token-123');
  c.token = undefined;
  await c.getThing('2');
  assert.equal(seen[1]?.headers['x-auth-token'], undefined);
  assert.equal(c.sharedOptions.fetch, undefined);
});
