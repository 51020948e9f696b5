import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpError, NetworkError, type LogEvent } from '../../../src/index.js';
import {
  Connection, HTTP400Error, HTTP401Error, HTTPError, HTTPWarning, Session, TurboWarning, VersionSpec, VMTConnection, VMTConnectionError, VMTUnknownVersion, VMTVersionError,
} from '../../../src/turbonomic/index.js';
import { createTurbonomicSim } from '../../../src/sim/turbonomic/index.js';
import { inProcess, mark, served, turboSim, wire, type Served } from './helpers.js';

let xl: Served;
before(async () => {
  xl = await served({ entities: 500 });
});
after(async () => {
  await xl.close();
});

test('XL bootstrap over HTTP: probe, multipart login, markets, in upstream order', async () => {
  const from = mark(xl.sim);
  const warnings: TurboWarning[] = [];
  const conn = await xl.connect({ onWarning: (w) => warnings.push(w) }).connect();
  assert.deepEqual(wire(xl.sim, from), [
    'GET /api/v3/admin/versions',
    'POST /api/v3/login',
    'GET /api/v3/markets?disable_hateoas=true',
    'GET /api/v3/markets/Market?disable_hateoas=true',
  ]);
  const [probe, login, markets] = xl.sim.requests.list().filter((r) => r.seq > from);
  assert.equal(probe?.headers.cookie, undefined, 'the probe is unauthenticated');
  assert.match(login?.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
  assert.match(login?.body ?? '', /Content-Disposition: form-data; name="username"\r\n\r\nadministrator\r\n/);
  assert.match(login?.body ?? '', /Content-Disposition: form-data; name="password"\r\n\r\nopskit-turbo\r\n/);
  assert.doesNotMatch(login?.body ?? '', /filename=|Content-Type: text/i, 'no filename, no per-part content type');
  assert.match(markets?.headers.cookie ?? '', /^JSESSIONID=[0-9A-F]{32}$/, 'opskit keeps the session cookie itself');
  assert.equal(conn.basePath, '/api/v3/');
  assert.equal(conn.baseUrl, `http://${xl.host}/api/v3`);
  assert.equal(conn.version?.version, '8.3.1');
  assert.equal(conn.isXl(), true);
  assert.equal(conn.marketId, '777777');
  assert.deepEqual(conn.systemMarkets, ['777777']);
  assert.deepEqual(warnings.map((w) => [w.constructor, w.message]), [[HTTPWarning, 'You should be using HTTPS']]);
});

test('Classic: /api/v3/ answers 404, the probe moves on to /vmturbo/rest/', async () => {
  const classic = await served({ platform: 'classic', entities: 100 });
  try {
    const conn = await classic.connect().connect();
    assert.deepEqual(wire(classic.sim).slice(0, 3), ['GET /api/v3/admin/versions', 'GET /vmturbo/rest/admin/versions', 'POST /vmturbo/rest/login']);
    assert.equal(conn.basePath, '/vmturbo/rest/');
    assert.equal(conn.isXl(), false);
    assert.equal(conn.version?.version, '6.4.10');
    assert.equal(conn.systemMarkets.length, 2, 'Market and Market_Default');
  } finally {
    await classic.close();
  }
});

test('baseUrl skips the probe; the version is read after login, with the session', async () => {
  const classic = await served({ platform: 'classic', entities: 10 });
  try {
    const conn = await classic.connect({ baseUrl: '/api/v2' }).connect();
    assert.deepEqual(wire(classic.sim).slice(0, 2), ['POST /api/v2/login', 'GET /api/v2/admin/versions']);
    assert.match(classic.sim.requests.list()[1]?.headers.cookie ?? '', /JSESSIONID=/);
    assert.equal(conn.basePath, '/api/v2/', 'the missing trailing slash is added');
  } finally {
    await classic.close();
  }
});

test('no base path answers: VMTUnknownVersion after both probes', async () => {
  const sim = turboSim();
  sim.faults.inject({ kind: 'status', status: 404, times: 2, match: { path: /admin\/versions$/ } });
  await assert.rejects(inProcess(sim).connect(), (e: unknown) => e instanceof VMTUnknownVersion && e.message === 'Unable to determine base path');
});

test('missing credentials: VMTConnectionError before any traffic', () => {
  assert.throws(() => new Connection({ host: 'h', username: 'u' }), { name: 'VMTConnectionError', message: 'Missing credentials' });
  assert.throws(() => new Connection({ host: 'h' }), VMTConnectionError);
});

test('a wrong password is HTTP401Error, and the password is in no message', async () => {
  const err = await xl.connect({ password: 'Sup3r-secret-pw' }).connect().catch((e: unknown) => e);
  assert.ok(err instanceof HTTP401Error && err instanceof HTTP400Error && err instanceof HTTPError);
  assert.equal(err.status, 401);
  assert.equal(err.vendorCode, 'UNAUTHORIZED');
  assert.doesNotMatch(`${err.message} ${JSON.stringify(err.request)} ${JSON.stringify(err.body)}`, /Sup3r-secret-pw/);
});

test('version gate: defaults raise below 7.21 on XL and 6.1 on Classic; reqVersions replaces them', async () => {
  const old = turboSim({ version: '7.20.1' });
  await assert.rejects(inProcess(old).connect(), { name: 'VMTVersionError', message: 'Required version not met' });
  const oldClassic = turboSim({ platform: 'classic', version: '6.0.5' });
  await assert.rejects(inProcess(oldClassic).connect(), VMTVersionError);
  await inProcess(turboSim({ platform: 'classic', version: '6.1.0' })).connect();
  await inProcess(old, { reqVersions: ['7.0+'] }).connect();
  await assert.rejects(inProcess(turboSim(), { reqVersions: ['9.0+'] }).connect(), VMTVersionError);
  // exclude makes check() return false, which never blocks a connection.
  await inProcess(turboSim(), { reqVersions: new VersionSpec(['8.0+'], { exclude: ['8.3.1'] }) }).connect();
});

test('snapshot builds raise unless the spec allows them (with a warning)', async () => {
  const snap = turboSim({ version: '7.22.0', snapshot: true });
  await assert.rejects(inProcess(snap).connect(), { message: 'Snapshot build detected.' });
  const warnings: TurboWarning[] = [];
  const conn = await inProcess(snap, { reqVersions: new VersionSpec(['7.21+'], { snapshot: true }), onWarning: (w) => warnings.push(w) }).connect();
  assert.equal(conn.version?.snapshot, true);
  assert.ok(warnings.some((w) => w.name === 'VMTVersionWarning'));
});

test('CWOM on XL and on Classic', async () => {
  const cw = await inProcess(createTurbonomicSim({ product: 'cwom' })).connect();
  assert.equal(cw.version?.product, 'Cisco');
  assert.equal(cw.version?.baseVersion, '8.4.1');
  assert.equal(cw.isXl(), true);
  const cc = await inProcess(createTurbonomicSim({ product: 'cwom', platform: 'classic' })).connect();
  assert.equal(cc.version?.baseVersion, '6.4.9');
  assert.equal(cc.isXl(), false);
});

test('a lost session (401 after login) logs in again once and the call succeeds', async () => {
  const conn = await xl.connect().connect();
  const from = mark(xl.sim);
  xl.sim.expireSessions();
  const users = await conn.getUsers({ fetchAll: true });
  assert.equal(users.length, 2);
  assert.deepEqual(wire(xl.sim, from), ['GET /api/v3/users?disable_hateoas=true', 'POST /api/v3/login', 'GET /api/v3/users?disable_hateoas=true']);
  // Sessions expiring on the simulator clock behave the same.
  xl.sim.clock.advance(31 * 60_000);
  assert.equal((await conn.getCurrentUser())[0]?.username, 'administrator');
});

test('a re-login that fails surfaces the 401 instead of looping', async () => {
  const sim = turboSim();
  const conn = await inProcess(sim).connect();
  sim.expireSessions();
  sim.credentials.password = 'changed-on-the-server';
  const from = mark(sim);
  await assert.rejects(conn.getCurrentUser(), HTTP401Error);
  assert.deepEqual(wire(sim, from), ['GET /api/v3/users/me?disable_hateoas=true', 'POST /api/v3/login']);
});

test('login that fails without an HTTP answer falls back to HTTP Basic auth on every call', async () => {
  const sim = turboSim();
  // One attempt plus upstream's three connection retries.
  sim.faults.inject({ kind: 'reset', times: 4, match: { path: '/api/v3/login' } });
  const conn = await inProcess(sim, { sleep: async () => {} }).connect();
  assert.equal(conn.usesBasicAuth, true);
  const markets = sim.requests.list().find((r) => r.path === '/api/v3/markets');
  assert.equal(markets?.headers.authorization, `Basic ${btoa('administrator:opskit-turbo')}`);
  assert.equal(markets?.headers.cookie, undefined);
  assert.equal((await conn.getCurrentUser())[0]?.username, 'administrator');
});

test('an auth string that is not base64 of user:pass skips login and goes Basic', async () => {
  const sim = turboSim();
  const conn = new Connection({ host: 'sim', ssl: false, fetch: sim.fetch, auth: btoa('no-colon-here') });
  await assert.rejects(conn.connect(), HTTP401Error);
  assert.equal(wire(sim).filter((w) => w.includes('login')).length, 0);
  assert.equal(conn.usesBasicAuth, true);
});

test('login over http redirected (301) to https switches protocols and logs in again', async () => {
  const sim = turboSim({ requireHttps: true });
  const warnings: TurboWarning[] = [];
  const conn = await inProcess(sim, { onWarning: (w) => warnings.push(w) }).connect();
  assert.equal(conn.protocol, 'https');
  const logins = sim.requests.list().filter((r) => r.path.endsWith('/login'));
  assert.deepEqual(logins.map((r) => `${new URL(r.url).protocol} ${r.status}`), ['http: 301', 'https: 200']);
  assert.ok(sim.requests.list().at(-1)?.url.startsWith('https://'));
  assert.deepEqual(warnings.map((w) => w.name), ['HTTPWarning', 'HTTPWarning']);
});

test('over real HTTP the login redirect is not followed by fetch', async () => {
  const s = await served({ requireHttps: true, entities: 10 });
  try {
    // https://127.0.0.1:port is a plain HTTP server: the switched login fails and upstream's Basic fallback follows.
    await s.connect({ retry: false }).connect().catch(() => undefined);
    const logins = s.sim.requests.list().filter((r) => r.path.endsWith('/login'));
    assert.deepEqual(logins.map((r) => `${r.method} ${r.status}`), ['POST 301']);
  } finally {
    await s.close();
  }
});

test('hosts: IPv6 gets brackets, ports stay, junk is refused', () => {
  const opts = { username: 'u', password: 'p' };
  assert.equal(new Connection({ host: '::1', ...opts }).host, '[::1]');
  assert.equal(new Connection({ host: '[::1]:8443', ...opts }).host, '[::1]:8443');
  assert.equal(new Connection({ host: '10.0.0.1:8443', ...opts }).host, '10.0.0.1:8443');
  assert.throws(() => new Connection({ host: 'http://x/y', ...opts }), { name: 'ConfigError' });
});

test('Session and VMTConnection are Connection', () => {
  assert.equal(Session, Connection);
  assert.equal(VMTConnection, Connection);
});

test('connection failures are VMTConnectionError with the NetworkError as cause', async () => {
  const s = await served({ entities: 10 });
  const conn = await s.connect({ retry: false }).connect();
  await s.close();
  const err = await conn.getMarkets({ fetchAll: true }).catch((e: unknown) => e);
  assert.ok(err instanceof VMTConnectionError, String(err));
  assert.ok(err.cause instanceof NetworkError);
  assert.equal(err.code, 'NETWORK');
});

test('logs and errors never show the password, the auth string or the session cookie', async () => {
  const events: LogEvent[] = [];
  const conn = await xl.connect({ logger: (e) => events.push(e) }).connect();
  await conn.getMarkets({ uuid: 'nope' }).catch((e: unknown) => events.push({ error: String((e as HttpError).message) } as unknown as LogEvent));
  const text = JSON.stringify(events);
  const session = /JSESSIONID=([0-9A-F]+)/.exec(xl.sim.requests.last()?.headers.cookie ?? '')?.[1] ?? 'none';
  for (const secret of ['opskit-turbo', btoa('administrator:opskit-turbo'), session]) assert.ok(!text.includes(secret), `leaked ${secret}`);
  assert.ok(text.includes('[REDACTED]'));
});
