import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDryRunRequest, type DryRunRequest } from '../../../src/index.js';
import { Connection } from '../../../src/turbonomic/index.js';

const never = async (): Promise<Response> => {
  throw new Error('a dry run must not send anything');
};
const dry = (extra: Record<string, unknown> = {}) =>
  new Connection({ host: 'turbo.example.com', username: 'administrator', password: 'Dry-run-Pa55', dryRun: true, fetch: never, ...extra });
const asReq = (v: unknown) => {
  assert.ok(isDryRunRequest(v), 'resolves with the request');
  return v as DryRunRequest;
};

test('dry run: every method resolves with its first request; nothing is sent, no bootstrap', async () => {
  const conn = dry();
  const markets = asReq(await conn.getMarkets({ uuid: 'Market' }));
  assert.equal(markets.method, 'GET');
  assert.equal(markets.url, 'https://turbo.example.com/api/v3/markets/Market?disable_hateoas=true');
  assert.equal(markets.op, 'getMarket');
  assert.equal(asReq(await conn.getVirtualMachines({ fetchAll: true })).url, 'https://turbo.example.com/api/v3/markets/Market/entities?disable_hateoas=true');
  assert.equal(asReq(await conn.getVirtualMachines().all()).op, 'getMarketEntities');
  assert.equal(asReq(await conn.searchByName('web-01')).body, '{"className":"Application","criteriaList":[{"expType":"EQ","expVal":"web-01","caseSensitive":false,"filterType":"appsByName"}]}');
  assert.equal(asReq(await conn.delMarket('plan-1')).method, 'DELETE');
  const withBase = dry({ baseUrl: '/vmturbo/rest' });
  assert.equal(asReq(await withBase.getTargets({ fetchAll: true })).url, 'https://turbo.example.com/vmturbo/rest/targets?disable_hateoas=true');
});

test('dry run reproduces the observed requests of protocols §7–8', async () => {
  const conn = dry();
  const stats = asReq(await conn.getEntityStats(['1', '2'], { startDate: 1, endDate: 2, stats: ['CPU', 'Mem'], relatedType: 'VirtualMachine', fetchAll: true }));
  assert.equal(stats.url, 'https://turbo.example.com/api/v3/stats?disable_hateoas=true');
  assert.deepEqual(JSON.parse(stats.body as string), { scopes: ['1', '2'], period: { startDate: 1, endDate: 2, statistics: [{ name: 'CPU' }, { name: 'Mem' }] }, relatedType: 'VirtualMachine' });
  assert.equal(stats.headers['content-type'], 'application/json');
  const search = asReq(await conn.search({ q: 'foo', types: ['VirtualMachine', 'PhysicalMachine'], regex: true, queryType: 'EXACT', fetchAll: true }));
  assert.equal(search.url, 'https://turbo.example.com/api/v3/search?q=foo&types=VirtualMachine,PhysicalMachine&regex=true&query_type=EXACT&disable_hateoas=true');
  const chain = asReq(await conn.getSupplychains(['1', '2'], { types: 'VirtualMachine', states: 'ACTIVE', detail: 'entity', environment: 'CLOUD', aspects: 'a', health: true }));
  assert.equal(chain.url, 'https://turbo.example.com/api/v3/supplychains?uuids=1,2&types=VirtualMachine&entity_states=ACTIVE&detail_type=entity&environment_type=CLOUD&aspect_names=a&health=true&disable_hateoas=true');
  const action = asReq(await conn.updateAction('42', true));
  assert.equal(action.url, 'https://turbo.example.com/api/v3/actions/42?accept=true&disable_hateoas=true');
  assert.equal(action.body, undefined);
  const paged = asReq(await conn.getMarketEntities({ limit: 2, fetchAll: true }));
  assert.equal(paged.url, 'https://turbo.example.com/api/v3/markets/Market/entities?limit=2&disable_hateoas=true');
  const group = asReq(await conn.addStaticGroup('g', 'VirtualMachine', ['1']));
  assert.equal(group.body, '{"displayName":"g","isStatic":true,"groupType":"VirtualMachine","memberUuidList":["1"]}');
  const hateoas = asReq(await dry({ disableHateoas: false }).getUsers({ fetchAll: true }));
  assert.equal(hateoas.url, 'https://turbo.example.com/api/v3/users');
});

test('dry run output holds no password and no auth string', async () => {
  const conn = dry();
  const outputs = [await conn.getCurrentUser(), await conn.request('markets', { method: 'POST', dto: { password: 'Dry-run-Pa55' } })];
  const text = JSON.stringify(outputs);
  assert.ok(!text.includes('Dry-run-Pa55'));
  assert.ok(!text.includes(btoa('administrator:Dry-run-Pa55')));
});
