import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HTTP400Error, HTTP404Error, TurboPaged, type Connection } from '../../../src/turbonomic/index.js';
import { bodies, mark, served, wire, type Served } from './helpers.js';

let s: Served;
let conn: Connection;
before(async () => {
  s = await served({ entities: 2000 });
  conn = await s.connect().connect();
});
after(async () => {
  await s.close();
});

const plans = () => s.sim.state.markets.filter((m) => String(m.displayName).startsWith('Plan: '));

test('getMarkets: every market, or one by uuid', async () => {
  const from = mark(s.sim);
  const all = await conn.getMarkets({ fetchAll: true });
  assert.deepEqual(all.map((m) => m.displayName), ['Market', 'Plan: Add workload', 'Plan: Hardware refresh']);
  const [market] = await conn.getMarkets({ uuid: 'Market' });
  assert.equal(market?.uuid, '777777');
  assert.ok(conn.getMarkets() instanceof TurboPaged);
  assert.deepEqual(wire(s.sim, from), ['GET /api/v3/markets?disable_hateoas=true', 'GET /api/v3/markets/Market?disable_hateoas=true']);
  await assert.rejects(conn.getMarkets({ uuid: 'nope' }), (e: unknown) => e instanceof HTTP404Error && e.vendorCode === 'NOT_FOUND');
});

test('getMarketEntities: the real-time market by default, a plan market by uuid', async () => {
  assert.equal((await conn.getMarketEntities({ limit: 1000, fetchAll: true })).length, 2000);
  const plan = plans()[0]?.uuid as string;
  const from = mark(s.sim);
  assert.equal((await conn.getMarketEntities({ uuid: plan, fetchAll: true })).length, 50);
  assert.deepEqual(wire(s.sim, from), [`GET /api/v3/markets/${plan}/entities?disable_hateoas=true`]);
});

test('getMarketEntitiesStats: GET, or POST with the filter as the body (object or JSON text)', async () => {
  const from = mark(s.sim);
  const first = await conn.getMarketEntitiesStats({ limit: 5 }).first();
  assert.ok(Array.isArray(first?.stats) && first.stats.length === 1);
  const filter = { statistics: [{ name: 'VCPU' }] };
  const posted = await conn.getMarketEntitiesStats({ filter, limit: 3 }).first();
  assert.deepEqual(posted?.stats?.[0]?.statistics.map((x) => x.name), ['VCPU']);
  await conn.getMarketEntitiesStats({ filter: '{"statistics":[{"name":"Mem"}]}', limit: 3 }).first();
  assert.deepEqual(wire(s.sim, from), [
    'GET /api/v3/markets/Market/entities/stats?limit=5&disable_hateoas=true',
    'POST /api/v3/markets/Market/entities/stats?limit=3&disable_hateoas=true',
    'POST /api/v3/markets/Market/entities/stats?limit=3&disable_hateoas=true',
  ]);
  assert.deepEqual(bodies(s.sim, from).slice(1), [JSON.stringify(filter), '{"statistics":[{"name":"Mem"}]}']);
});

test('getMarketState and getMarketStats', async () => {
  assert.equal(await conn.getMarketState(), 'RUNNING');
  const [refresh] = plans().filter((m) => m.displayName === 'Plan: Hardware refresh');
  assert.equal(await conn.getMarketState({ uuid: refresh?.uuid }), 'RUNNING');
  const [snap] = await conn.getMarketStats();
  const numVMs = snap?.statistics.find((x) => x.name === 'numVMs');
  assert.equal(numVMs?.value, s.sim.state.inventory.count('VirtualMachine'));
  const from = mark(s.sim);
  const week = await conn.getMarketStats({ filter: { statistics: [{ name: 'CPU' }], startDate: '-7d' } });
  assert.ok(week.length >= 7);
  assert.deepEqual(wire(s.sim, from), ['POST /api/v3/markets/Market/stats?disable_hateoas=true']);
});

test('delMarket: system markets are refused without a request; a plan goes with its scenario', async () => {
  const from = mark(s.sim);
  assert.equal(await conn.delMarket('Market'), false);
  assert.equal(await conn.delMarket('777777'), false);
  assert.deepEqual(wire(s.sim, from), []);
  const plan = plans()[0];
  const scenario = (plan?.scenario as { uuid: string }).uuid;
  assert.equal(await conn.delMarket(plan?.uuid as string, { scenario: true }), true);
  assert.deepEqual(wire(s.sim, from), [
    `GET /api/v3/markets/${plan?.uuid}?disable_hateoas=true`,
    `DELETE /api/v3/scenarios/${scenario}?disable_hateoas=true`,
    `DELETE /api/v3/markets/${plan?.uuid}?disable_hateoas=true`,
  ]);
  assert.equal(s.sim.state.scenarios.has(scenario), false);
  await assert.rejects(conn.getMarkets({ uuid: plan?.uuid as string }), HTTP404Error);
});

test('getActions, and updateAction accepting and rejecting (lowercase, empty body)', async () => {
  const actions = await conn.getActions({ fetchAll: true });
  assert.equal(actions.length, s.sim.state.actions.size);
  const [a, b] = actions;
  const [one] = await conn.getActions({ uuid: a?.uuid as string });
  assert.equal(one?.actionState, 'READY');
  const from = mark(s.sim);
  assert.equal(await conn.updateAction(a?.uuid as string, true), true);
  assert.equal(await conn.updateAction(b?.uuid as string, false), true);
  assert.deepEqual(wire(s.sim, from), [`POST /api/v3/actions/${a?.uuid}?accept=true&disable_hateoas=true`, `POST /api/v3/actions/${b?.uuid}?accept=false&disable_hateoas=true`]);
  assert.deepEqual(bodies(s.sim, from), ['', '']);
  assert.equal((await conn.getActions({ uuid: a?.uuid as string }))[0]?.actionState, 'ACCEPTED');
  assert.equal((await conn.getActions({ uuid: b?.uuid as string }))[0]?.actionState, 'REJECTED');
  await assert.rejects(conn.updateAction(a?.uuid as string, true), HTTP400Error);
  const plan = plans()[0];
  if (plan) assert.deepEqual(await conn.getActions({ market: plan.uuid, fetchAll: true }), []);
});

test('getScenarios and delScenario', async () => {
  const all = await conn.getScenarios({ fetchAll: true });
  const draft = all.find((x) => x.displayName === 'Draft');
  assert.ok(draft);
  assert.deepEqual(await conn.getScenarios({ uuid: draft.uuid }), [draft]);
  assert.equal(await conn.delScenario(draft.uuid), true);
  await assert.rejects(conn.getScenarios({ uuid: draft.uuid }), HTTP404Error);
});

test('getUsers and getCurrentUser', async () => {
  const users = await conn.getUsers({ fetchAll: true });
  assert.deepEqual(users.map((u) => u.username), ['administrator', 'observer']);
  assert.deepEqual(await conn.getUsers({ uuid: users[1]?.uuid as string }), [users[1]]);
  const from = mark(s.sim);
  assert.deepEqual(await conn.getCurrentUser(), [users[0]]);
  assert.deepEqual(wire(s.sim, from), ['GET /api/v3/users/me?disable_hateoas=true']);
});

test('request: the generic escape hatch (any method, path, query, dto)', async () => {
  const from = mark(s.sim);
  const targets = await conn.request('targets');
  assert.equal(targets.length, 3);
  const found = await conn.request('/search', { method: 'POST', dto: { className: 'Storage' }, query: { limit: 2 } });
  assert.equal(found.length, 100, 'every page collected');
  const raw = await conn.request('markets', { uuid: 'Market', disableHateoas: false });
  assert.equal((raw[0] as { uuid: string }).uuid, '777777');
  const w = wire(s.sim, from);
  assert.equal(w[0], 'GET /api/v3/targets?disable_hateoas=true');
  assert.equal(w[1], 'POST /api/v3/search?limit=2&disable_hateoas=true');
  assert.equal(w.at(-1), 'GET /api/v3/markets/Market');
});
