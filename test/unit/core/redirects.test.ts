/**
 * The pipeline follows redirects itself (never fetch): same-origin hops are followed and signed
 * again for their own URL; a hop to another origin is refused with a RedirectError before any
 * credential travels, unless the client opts in, and then the hop carries no credential at all.
 * Real fetch, real sockets: two loopback ports are two origins.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, createClient, RedirectError, type PreparedRequest } from '../../../src/index.js';
import { loopback } from './loopback.js';

const SIGNING_KEY = 'hmac-key-for-redirect-tests';

/** Signs the URL path like an HMAC scheme would: a signature for one path is useless on another. */
const auth = {
  sign(req: PreparedRequest) {
    const path = new URL(req.url).pathname;
    req.headers.set('x-auth-signature', `sig(${path})`);
    req.headers.set('authorization', `Bearer token-${SIGNING_KEY}`);
  },
  secrets: () => [SIGNING_KEY],
};

test('a same-origin redirect is followed and every hop is signed for its own path', async () => {
  const server = await loopback((req, res) => {
    if (req.url === '/old') {
      res.writeHead(307, { location: '/new' }).end();
    } else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ at: req.url }));
  });
  try {
    const c = createClient<any>({ baseUrl: server.url, auth });
    assert.deepEqual(await c.POST('/old', { body: { a: 1 } }), { at: '/new' });
    assert.deepEqual(server.arrivals.map((a) => [a.method, a.url, a.headers['x-auth-signature'], a.body]), [
      ['POST', '/old', 'sig(/old)', '{"a":1}'],
      ['POST', '/new', 'sig(/new)', '{"a":1}'],
    ]);
  } finally {
    await server.close();
  }
});

test('303 (and 302 after a POST) become a bodiless GET', async () => {
  const server = await loopback((req, res) => {
    if (req.url === '/create') res.writeHead(303, { location: '/result' }).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  try {
    const c = createClient<any>({ baseUrl: server.url, auth });
    await c.POST('/create', { body: { a: 1 } });
    const second = server.arrivals[1]!;
    assert.equal(second.method, 'GET');
    assert.equal(second.body, '');
    assert.equal(second.headers['content-type'], undefined);
  } finally {
    await server.close();
  }
});

test('a cross-origin redirect is refused before any credential reaches the other origin', async () => {
  const other = await loopback((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"stolen":true}'));
  const api = await loopback((_req, res) => res.writeHead(307, { location: `${other.url}/collect` }).end());
  try {
    const c = createClient<any>({ baseUrl: api.url, auth });
    const err = await c.GET('/things').catch((e: unknown) => e);
    assert.ok(err instanceof RedirectError, String(err));
    assert.equal(err.status, 307);
    assert.equal(err.location, `${other.url}/collect`);
    assert.match(err.message, /another origin/);
    assert.equal(other.arrivals.length, 0, 'the other origin must receive nothing');
    assert.ok(!JSON.stringify(err).includes(SIGNING_KEY) && !err.stack?.includes(SIGNING_KEY));
  } finally {
    await api.close();
    await other.close();
  }
});

test('with crossOrigin: true the hop is followed unsigned and without secret headers', async () => {
  const other = await loopback((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  const api = await loopback((_req, res) => res.writeHead(308, { location: `${other.url}/mirror` }).end());
  try {
    const c = createClient<any>({ baseUrl: api.url, auth, redirects: { crossOrigin: true }, headers: { 'x-api-key': 'static-key-123', 'x-trace': 't1' } });
    assert.deepEqual(await c.GET('/things'), { ok: true });
    const hop = other.arrivals[0]!;
    assert.equal(hop.headers.authorization, undefined);
    assert.equal(hop.headers['x-auth-signature'], undefined);
    assert.equal(hop.headers['x-api-key'], undefined);
    assert.equal(hop.headers['x-trace'], 't1', 'harmless headers still travel');
  } finally {
    await api.close();
    await other.close();
  }
});

test('redirect loops stop at the hop limit; redirects: false hands the 3xx to the caller', async () => {
  const server = await loopback((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
  try {
    const err = await createClient<any>({ baseUrl: server.url, redirects: { max: 3 } }).GET('/a').catch((e: unknown) => e);
    assert.ok(err instanceof RedirectError);
    assert.match(err.message, /more than 3 redirects/);
    assert.equal(server.arrivals.length, 4);
    const manual = await createClient<any>({ baseUrl: server.url, redirects: false }).GET('/a').catch((e: unknown) => e);
    assert.equal((manual as RedirectError).status, 302);
  } finally {
    await server.close();
  }
});

test('a base URL with user:password@ is refused at construction, without the password', () => {
  const err = (() => {
    try {
      createClient<any>({ baseUrl: 'http://admin:hunter2-pass@api.example.com' });
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof ConfigError);
  assert.ok(!String(err.message).includes('hunter2-pass'));
});
