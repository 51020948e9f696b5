import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSim, simNames } from '../../../src/sim/index.js';
import { createTurbonomicSim, type TurbonomicSim } from '../../../src/sim/turbonomic/index.js';
import { turboSim } from './helpers.js';

async function login(sim: TurbonomicSim, base = '/api/v3'): Promise<string> {
  const form = new FormData();
  form.append('username', sim.credentials.username);
  form.append('password', sim.credentials.password);
  const res = await sim.fetch(`${base}/login`, { method: 'POST', body: form });
  assert.equal(res.status, 200);
  const cookie = res.headers.getSetCookie()[0] ?? '';
  assert.match(cookie, /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/);
  return cookie.split(';')[0] as string;
}

test('createSim knows turbonomic; options are validated', () => {
  assert.ok(simNames.includes('turbonomic'));
  const sim = createSim('turbonomic', { entities: 10 });
  assert.equal(sim.state.inventory.size, 10);
  assert.throws(() => createTurbonomicSim({ entities: 10_000_001 }), RangeError);
  assert.throws(() => createTurbonomicSim({ platform: 'cloud' as 'xl' }), RangeError);
});

test('admin/versions needs no session and matches each kind of server', async () => {
  const info = async (options: Parameters<typeof createTurbonomicSim>[0], base = '/api/v3') => {
    const res = await createTurbonomicSim(options).fetch(`${base}/admin/versions`);
    assert.equal(res.status, 200);
    return (await res.json()) as Record<string, unknown>;
  };
  const xl = await info({});
  assert.match(String(xl.versionInfo), /^Turbonomic Operations Manager 8\.3\.1 \(Build "20210903141421000"\) "2021-09-03 14:18:33"\n\naction-orchestrator: 8\.3\.1\n/);
  assert.equal(xl.marketVersion, 2);
  const classic = await info({ platform: 'classic' }, '/vmturbo/rest');
  assert.match(String(classic.versionInfo), /^Turbonomic Operations Manager 6\.4\.10 \(Build 20210903141421000\) 2021/);
  assert.ok(!String(classic.versionInfo).includes('action-orchestrator'));
  assert.equal(classic.version, undefined, 'old Classic sends only versionInfo');
  const cwom = await info({ product: 'cwom' });
  assert.match(String(cwom.versionInfo), /^Cisco Workload Optimization Manager 3\.2\.1 /);
  assert.equal(cwom.version, '8.4.1');
  const snap = await info({ version: '7.22.0', snapshot: true });
  assert.match(String(snap.versionInfo), /Manager 7\.22\.0-SNAPSHOT \(Build/);
  assert.equal(snap.version, '7.22.0-SNAPSHOT');
  assert.equal((await createTurbonomicSim().fetch('/vmturbo/rest/admin/versions')).status, 404, 'XL serves /api/v3 only');
  assert.equal((await createTurbonomicSim({ platform: 'classic' }).fetch('/api/v2/admin/versions')).status, 200);
});

test('login: forms only, right credentials only; every other route needs the session or Basic auth', async () => {
  const sim = turboSim();
  assert.equal((await sim.fetch('/api/v3/markets')).status, 401);
  const json = await sim.fetch('/api/v3/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sim.credentials) });
  assert.equal(json.status, 400);
  const wrong = await sim.fetch('/api/v3/login', { method: 'POST', body: new URLSearchParams({ username: 'administrator', password: 'nope' }) });
  assert.equal(wrong.status, 401);
  assert.deepEqual(await wrong.json(), { type: 'UNAUTHORIZED', message: 'The username or password is invalid' });
  const urlencoded = await sim.fetch('/api/v3/login', { method: 'POST', body: new URLSearchParams({ username: sim.credentials.username, password: sim.credentials.password }) });
  assert.equal(urlencoded.status, 200);
  const cookie = await login(sim);
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { cookie } })).status, 200);
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { cookie: 'JSESSIONID=forged' } })).status, 401);
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { authorization: `Basic ${btoa('administrator:opskit-turbo')}` } })).status, 200);
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { authorization: `Basic ${btoa('administrator:x')}` } })).status, 401);
  sim.clock.advance(30 * 60_000);
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { cookie } })).status, 401, 'idle sessions expire');
  const fresh = await login(sim);
  sim.expireSessions();
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { cookie: fresh } })).status, 401);
});

test('browser mode: a same-origin page needs no Cookie header (off where Set-Cookie is visible)', async () => {
  const node = turboSim();
  await login(node);
  assert.equal((await node.fetch('/api/v3/markets')).status, 401, 'Node sees Set-Cookie, so no emulation');
  const browser = turboSim({ browserCookies: true });
  await login(browser);
  assert.equal((await browser.fetch('/api/v3/markets')).status, 200);
  browser.expireSessions();
  assert.equal((await browser.fetch('/api/v3/markets')).status, 401);
});

test('paging: limit checked, totals on every page, opaque cursors, unknown cursors answer an empty cursor', async () => {
  const sim = turboSim({ entities: 25, pageSize: 10 });
  const cookie = await login(sim);
  const get = (q: string) => sim.fetch(`/api/v3/markets/Market/entities${q}`, { headers: { cookie } });
  for (const bad of ['0', '10001', 'x', '-1']) assert.equal((await get(`?limit=${bad}`)).status, 400, bad);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: Response = await get(cursor ? `?cursor=${cursor}` : '');
    assert.equal(res.headers.get('x-total-record-count'), '25');
    seen.push(...((await res.json()) as { uuid: string }[]).map((e) => e.uuid));
    cursor = res.headers.get('x-next-cursor');
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.equal(new Set(seen).size, 25);
  const lost = await get('?cursor=forged');
  assert.equal(lost.status, 200);
  assert.equal(lost.headers.get('x-next-cursor'), '');
  assert.deepEqual(await lost.json(), []);
});

test('the inventory is a pure function of the seed; ids encode the index', () => {
  const a = createTurbonomicSim({ entities: 1_000_000, seed: 5 }).state.inventory;
  const b = createTurbonomicSim({ entities: 1_000_000, seed: 5 }).state.inventory;
  assert.deepEqual(a.entity(123_456), b.entity(123_456));
  assert.equal(a.entity(123_456).uuid, '74000000123456');
  const classic = createTurbonomicSim({ platform: 'classic', entities: 1000, seed: 5 }).state.inventory;
  const other = createTurbonomicSim({ platform: 'classic', entities: 1000, seed: 6 }).state.inventory;
  assert.notEqual(classic.uuidOf(42), other.uuidOf(42));
  assert.equal(classic.indexOf(classic.uuidOf(42)), 42);
  assert.equal(classic.indexOf(other.uuidOf(42)), -1, 'a uuid from another inventory is unknown');
  assert.deepEqual([0, 1, 2, 15, 19, 39].map((i) => a.classOf(i)), ['PhysicalMachine', 'Storage', 'VirtualMachine', 'Application', 'DataCenter', 'VirtualMachine']);
  assert.deepEqual(a.entity(5).providers, [a.ref(0), a.ref(1)]);
  assert.equal((a.entity(0).consumers as unknown[]).length, 13, 'block 0 has a DataCenter in slot 19');
  assert.equal((a.entity(20).consumers as unknown[]).length, 14);
});

test('faults: a 502 and a 503 with Retry-After in the Turbonomic error shape', async () => {
  const sim = turboSim();
  const cookie = await login(sim);
  sim.faults.inject({ kind: 'status', status: 503, retryAfter: 60 });
  const res = await sim.fetch('/api/v3/markets', { headers: { cookie } });
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '60');
  assert.deepEqual(await res.json(), { type: 'ServiceUnavailable', message: 'injected fault: 503 ServiceUnavailable' });
  sim.faults.inject({ kind: 'status', status: 502 });
  assert.equal((await sim.fetch('/api/v3/markets', { headers: { cookie } })).status, 502);
  const missing = await sim.fetch('/api/v3/entities/1', { headers: { cookie } });
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), { type: 'NOT_FOUND', message: 'Entity not found: 1' });
});
