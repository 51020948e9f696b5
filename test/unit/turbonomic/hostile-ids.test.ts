/**
 * Identifiers can never change the target (issue 8 §2), for the ways Turbonomic methods take ids
 * that the spec-driven core test cannot see: ids inside options (`{ uuid }`, `{ market }`), ids
 * with defaults (`null` must not quietly become `Market`), and `request()`, upstream's escape
 * hatch, whose path is a string. A hostile id is a ConfigError before ANY request: not even the
 * bootstrap (probe, login) goes out on a fresh connection.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { Connection } from '../../../src/turbonomic/index.js';
import { inProcess, mark, turboSim, wire } from './helpers.js';

async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  return undefined;
}

const HOSTILE: unknown[] = ['', '.', '..', 'a/../b', '?x', '#x', 'a\\..\\b', 'a\r\nX-Injected: 1', 'a\uD800b', null, {}, ['a'], Number.NaN];

/** Calls that put `id` into a URL other than as a positional path parameter. */
const CALLS: Array<[string, (c: Connection, id: never) => unknown]> = [
  ['delGroup(id)', (c, id) => c.delGroup(id)],
  ['delMarket(id)', (c, id) => c.delMarket(id)],
  ['delScenario(id)', (c, id) => c.delScenario(id)],
  ['updateAction(id, true)', (c, id) => c.updateAction(id, true)],
  ['getGroupMembers(id)', (c, id) => c.getGroupMembers(id)],
  ['getGroupEntities(id, { cache })', (c, id) => c.getGroupEntities(id, { cache: true })],
  ['addStaticGroupMembers(id, …)', (c, id) => c.addStaticGroupMembers(id, ['e-1'])],
  ['getGroupStats(id, { statsFilter })', (c, id) => c.getGroupStats(id, { statsFilter: ['CPU'] })],
  ['getEntities({ uuid })', (c, id) => c.getEntities({ uuid: id })],
  ['getEntities({ market })', (c, id) => c.getEntities({ market: id })],
  ['getEntities({ market, cache })', (c, id) => c.getEntities({ market: id, cache: true })],
  ['getVirtualMachines({ uuid })', (c, id) => c.getVirtualMachines({ uuid: id })],
  ['getGroups({ uuid })', (c, id) => c.getGroups({ uuid: id })],
  ['getMarkets({ uuid })', (c, id) => c.getMarkets({ uuid: id })],
  ['getMarketEntities({ uuid })', (c, id) => c.getMarketEntities({ uuid: id })],
  ['getMarketEntitiesStats({ uuid, filter })', (c, id) => c.getMarketEntitiesStats({ uuid: id, filter: {} })],
  ['getMarketStats({ uuid })', (c, id) => c.getMarketStats({ uuid: id })],
  ['getMarketState({ uuid })', (c, id) => c.getMarketState({ uuid: id })],
  ['getActions({ uuid })', (c, id) => c.getActions({ uuid: id })],
  ['getActions({ market })', (c, id) => c.getActions({ market: id })],
  ['getScenarios({ uuid })', (c, id) => c.getScenarios({ uuid: id })],
  ['getTargets({ uuid })', (c, id) => c.getTargets({ uuid: id })],
  ['getTemplates({ uuid })', (c, id) => c.getTemplates({ uuid: id })],
  ['getUsers({ uuid })', (c, id) => c.getUsers({ uuid: id })],
  ['getTargetForEntity({ uuid })', (c, id) => c.getTargetForEntity({ uuid: id })],
  ['search({ uuid })', (c, id) => c.search({ uuid: id })],
  ['request("markets", { uuid })', (c, id) => c.request('markets', { uuid: id })],
  ['request("groups/" + id)', (c, id) => c.request(`groups/${String(id)}`, { method: 'DELETE' })],
  ['request(id + "/x")', (c, id) => c.request(`${String(id)}/x`, { method: 'DELETE' })],
];

/**
 * Rows that build a path string only apply to string ids (`String({})` is a harmless name); an
 * empty id in front of `/x` leaves `/x`, whose leading slash upstream strips too.
 */
const applies = (label: string, id: unknown): boolean => {
  if (label.includes('" + id')) return typeof id === 'string';
  if (label.startsWith('request(id')) return typeof id === 'string' && id !== '';
  return true;
};

test('a hostile id in any method is a ConfigError before anything is sent, even the bootstrap', async () => {
  const sim = turboSim({ entities: 20 });
  const fresh = inProcess(sim);
  let checked = 0;
  for (const [label, call] of CALLS) {
    for (const id of HOSTILE) {
      if (!applies(label, id)) continue;
      const err = await thrown(() => call(fresh, id as never));
      assert.ok(err instanceof ConfigError, `${label} with ${JSON.stringify(id)}: ${String(err)}`);
      assert.match(err.message, /nothing was sent/, `${label}: ${err.message}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} calls`);
  assert.deepEqual(wire(sim), [], 'not one request, not even the probe or the login');

  const conn = await inProcess(sim).connect();
  const from = mark(sim);
  for (const [label, call] of CALLS) {
    for (const id of ['..', '.', '', 'a/../b']) {
      if (!applies(label, id)) continue;
      assert.ok((await thrown(() => call(conn, id as never))) instanceof ConfigError, `${label} (connected) with ${JSON.stringify(id)}`);
    }
  }
  assert.deepEqual(wire(sim, from), []);
  assert.equal(sim.state.groups.size > 0, true);
});

test('delGroup("..") and friends name the operation and the parameter', async () => {
  const sim = turboSim();
  const conn = inProcess(sim);
  const err = await thrown(() => conn.delGroup('..'));
  assert.ok(err instanceof ConfigError);
  assert.match(err.message, /^delGroup: path parameter "uuid" is "\.\."/);
  const raw = await thrown(() => conn.request('groups/../markets', { method: 'DELETE' }));
  assert.ok(raw instanceof ConfigError);
  assert.match(raw.message, /^Connection\.request\(\): path segment 2 is "\.\."/);
  const query = await thrown(() => conn.request('markets?x=1'));
  assert.match(String(query), /query parameters go in `query`/);
  for (const path of ['', '/', 'a//b', 'groups/', null, 42]) {
    assert.ok((await thrown(() => conn.request(path as string))) instanceof ConfigError, JSON.stringify(path));
  }
  assert.deepEqual(wire(sim), []);
});

test('null is not "absent": optional market ids with a default refuse it instead of falling back to Market', async () => {
  const sim = turboSim({ entities: 10 });
  const conn = await inProcess(sim).connect();
  const from = mark(sim);
  for (const call of [() => conn.getMarketEntities({ uuid: null as never }), () => conn.getActions({ market: null as never }), () => conn.getMarketStats({ uuid: null as never })]) {
    assert.ok((await thrown(call)) instanceof ConfigError);
  }
  assert.deepEqual(wire(sim, from), []);
  // Absent still means the real-time market.
  assert.equal((await conn.getMarketEntities({ fetchAll: true })).length, 10);
});

test('request() encodes each segment: percent-encoded dots stay a literal name, never a traversal', async () => {
  const sim = turboSim();
  const conn = await inProcess(sim).connect();
  const from = mark(sim);
  await conn.request('%2e%2e/x').catch(() => undefined);
  await conn.request('markets/Market').catch(() => undefined);
  await conn.request('/markets', { uuid: 'Market' });
  assert.deepEqual(wire(sim, from), [
    'GET /api/v3/%252e%252e/x?disable_hateoas=true',
    'GET /api/v3/markets/Market?disable_hateoas=true',
    'GET /api/v3/markets/Market?disable_hateoas=true',
  ]);
});

test('the base path and the auth string are checked when the connection is built', () => {
  const sim = turboSim();
  for (const baseUrl of ['/api/../x', '/api/./v3', 'api//v3', '/api/v3?x=1', '/api/v3#x', '/api\\v3', '/api/\r\nv3']) {
    assert.throws(() => new Connection({ url: sim.url, fetch: sim.fetch, ...sim.credentials, baseUrl }), ConfigError, JSON.stringify(baseUrl));
  }
  for (const auth of ['YWRtaW46cHc=\r\nX-Injected: 1', 'a b', 'pässwörd']) {
    const err = (() => {
      try {
        new Connection({ url: sim.url, fetch: sim.fetch, auth });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(err instanceof ConfigError, JSON.stringify(auth));
    assert.ok(!err.message.includes(auth), 'the value is never quoted');
  }
  assert.equal(sim.requests.list().length, 0);
  assert.equal(new Connection({ url: sim.url, fetch: sim.fetch, ...sim.credentials, baseUrl: 'api/v3' }).host, new URL(sim.url).host);
});
