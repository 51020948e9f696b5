/**
 * Unknown option names are errors (issue 8 §5): every constructor and every method options
 * object of the Turbonomic family refuses a name it does not know with a ConfigError naming it
 * and the name meant (vmt-connect's snake_case keyword → opskit's camelCase option), before
 * anything is sent. And `sim.credentials` spreads straight into `new Connection`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { createSim } from '../../../src/sim/index.js';
import { Connection, enumerateStats, Session, Version, VersionSpec, VMTConnection, VMTVersion, type TurboPaged } from '../../../src/turbonomic/index.js';
import { inProcess, mark, turboSim, wire } from './helpers.js';

/** Runs `call` (sync throw or rejection) and returns what it threw. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  return undefined;
}

function assertUnknown(err: unknown, where: string, key: string, hint: string | undefined): void {
  assert.ok(err instanceof ConfigError, `${where} { ${key} }: ${String(err)}`);
  assert.ok(err.message.startsWith(`${where}: unknown option ${JSON.stringify(key)}`), err.message);
  if (hint !== undefined) assert.ok(err.message.endsWith(`did you mean ${JSON.stringify(hint)}?`), err.message);
}

type Call = [where: string, key: string, hint: string, call: (c: Connection, o: never) => unknown];

// One row per method: an upstream keyword (snake_case) or a near miss, and the option it means.
const METHODS: Call[] = [
  // groups, clusters, search
  ['getGroups', 'fetch_all', 'fetchAll', (c, o) => c.getGroups(o)],
  ['getClusters', 'fetch_all', 'fetchAll', (c, o) => c.getClusters(o)],
  ['getEntityCluster', 'disable_hateoas', 'disableHateoas', (c, o) => c.getEntityCluster('e-1', o)],
  ['getGroupActions', 'fetch_all', 'fetchAll', (c, o) => c.getGroupActions('g-1', o)],
  ['getGroupByName', 'disable_hateoas', 'disableHateoas', (c, o) => c.getGroupByName('g', o)],
  ['getGroupEntities', 'fetch_all', 'fetchAll', (c, o) => c.getGroupEntities('g-1', o)],
  ['getGroupMembers', 'fetch_all', 'fetchAll', (c, o) => c.getGroupMembers('g-1', o)],
  ['getGroupStats', 'stats_filter', 'statsFilter', (c, o) => c.getGroupStats('g-1', o)],
  ['getGroupStats', 'start_date', 'startDate', (c, o) => c.getGroupStats('g-1', o)],
  ['addGroup', 'disable_hateoas', 'disableHateoas', (c, o) => c.addGroup({ displayName: 'x', groupType: 'VirtualMachine' }, o)],
  ['addStaticGroup', 'disable_hateoas', 'disableHateoas', (c, o) => c.addStaticGroup('x', 'VirtualMachine', [], o)],
  ['addStaticGroupMembers', 'Validate', 'validate', (c, o) => c.addStaticGroupMembers('g-1', ['e-1'], o)],
  ['updateStaticGroupMembers', 'disable_hateoas', 'disableHateoas', (c, o) => c.updateStaticGroupMembers('g-1', [], o)],
  ['delGroup', 'disable_hateoas', 'disableHateoas', (c, o) => c.delGroup('g-1', o)],
  ['search', 'entity_types', 'entityTypes', (c, o) => c.search(o)],
  ['search', 'query_type', 'queryType', (c, o) => c.search(o)],
  ['searchByName', 'case_sensitive', 'caseSensitive', (c, o) => c.searchByName('vm', o)],
  ['searchByName', 'from_cache', 'fromCache', (c, o) => c.searchByName('vm', o)],
  ['getSearchCriteria', 'disable_hateoas', 'disableHateoas', (c, o) => c.getSearchCriteria(o)],
  // entities, stats, supply chains, targets, templates
  ['getEntities', 'fetch_all', 'fetchAll', (c, o) => c.getEntities(o)],
  ['getVirtualMachines', 'fetch_all', 'fetchAll', (c, o) => c.getVirtualMachines(o)],
  ['getPhysicalMachines', 'fetch_all', 'fetchAll', (c, o) => c.getPhysicalMachines(o)],
  ['getDatacenters', 'fetch_all', 'fetchAll', (c, o) => c.getDatacenters(o)],
  ['getDatastores', 'fetch_all', 'fetchAll', (c, o) => c.getDatastores(o)],
  ['getEntityActions', 'fetch_all', 'fetchAll', (c, o) => c.getEntityActions('e-1', o)],
  ['getEntityGroups', 'fetch_all', 'fetchAll', (c, o) => c.getEntityGroups('e-1', o)],
  ['getEntityStats', 'start_date', 'startDate', (c, o) => c.getEntityStats('e-1', o)],
  ['getEntityStats', 'related_type', 'relatedType', (c, o) => c.getEntityStats('e-1', o)],
  ['getEntityByRemoteid', 'target_name', 'targetName', (c, o) => c.getEntityByRemoteid('r-1', o)],
  ['getSupplychains', 'entity_states', 'states', (c, o) => c.getSupplychains('e-1', o)],
  ['getSupplychains', 'detail_type', 'detail', (c, o) => c.getSupplychains('e-1', o)],
  ['getTargets', 'fetch_all', 'fetchAll', (c, o) => c.getTargets(o)],
  ['getTargetActions', 'fetch_all', 'fetchAll', (c, o) => c.getTargetActions('t-1', o)],
  ['getTargetForEntity', 'disable_hateoas', 'disableHateoas', (c, o) => c.getTargetForEntity({ uuid: 'e-1', ...(o as object) })],
  ['getTemplates', 'fetch_all', 'fetchAll', (c, o) => c.getTemplates(o)],
  ['getTemplateByName', 'disable_hateoas', 'disableHateoas', (c, o) => c.getTemplateByName('t', o)],
  ['addTemplate', 'disable_hateoas', 'disableHateoas', (c, o) => c.addTemplate({ displayName: 't' } as never, o)],
  // markets, actions, scenarios, users
  ['getMarkets', 'fetch_all', 'fetchAll', (c, o) => c.getMarkets(o)],
  ['getMarketEntities', 'fetch_all', 'fetchAll', (c, o) => c.getMarketEntities(o)],
  ['getMarketEntitiesStats', 'fetch_all', 'fetchAll', (c, o) => c.getMarketEntitiesStats(o)],
  ['getMarketState', 'disable_hateoas', 'disableHateoas', (c, o) => c.getMarketState(o)],
  ['getMarketStats', 'disable_hateoas', 'disableHateoas', (c, o) => c.getMarketStats(o)],
  ['delMarket', 'disable_hateoas', 'disableHateoas', (c, o) => c.delMarket('m-1', o)],
  ['getActions', 'fetch_all', 'fetchAll', (c, o) => c.getActions(o)],
  ['updateAction', 'disable_hateoas', 'disableHateoas', (c, o) => c.updateAction('a-1', true, o)],
  ['getScenarios', 'fetch_all', 'fetchAll', (c, o) => c.getScenarios(o)],
  ['delScenario', 'disable_hateoas', 'disableHateoas', (c, o) => c.delScenario('s-1', o)],
  ['getUsers', 'fetch_all', 'fetchAll', (c, o) => c.getUsers(o)],
  ['getCurrentUser', 'disable_hateoas', 'disableHateoas', (c, o) => c.getCurrentUser(o)],
  // the escape hatch
  ['request', 'fetch_all', 'fetchAll', (c, o) => c.request('markets', o)],
  ['request', 'disable_hateoas', 'disableHateoas', (c, o) => c.request('markets', o)],
];

test('getMarketEntities({ fetch_all: true }) is a ConfigError naming fetchAll, not one silent lazy page', async () => {
  const sim = turboSim({ entities: 50 });
  const conn = inProcess(sim);
  const err = await thrown(() => conn.getMarketEntities({ fetch_all: true } as never));
  assertUnknown(err, 'Connection.getMarketEntities()', 'fetch_all', 'fetchAll');
  assert.equal(sim.requests.list().length, 0, 'nothing was sent, not even the bootstrap');
});

test('every method refuses an unknown option name, before anything is sent (fresh and connected)', async () => {
  const sim = turboSim({ entities: 50 });
  const fresh = inProcess(sim);
  for (const [name, key, hint, call] of METHODS) {
    assertUnknown(await thrown(() => call(fresh, { [key]: true } as never)), `Connection.${name}()`, key, hint);
  }
  assert.equal(sim.requests.list().length, 0, 'a fresh connection did not even bootstrap');

  const conn = await inProcess(sim).connect();
  const from = mark(sim);
  for (const [name, key, hint, call] of METHODS) {
    assertUnknown(await thrown(() => call(conn, { [key]: true } as never)), `Connection.${name}()`, key, hint);
  }
  assert.deepEqual(wire(sim, from), []);
  // The right names still work.
  assert.equal((await conn.getMarketEntities({ fetchAll: true })).length, 50);
  assert.equal((await conn.getSupplychains('Market', { states: 'ACTIVE', detail: 'entity' })).length, 1);
});

test('new Connection / Session / VMTConnection refuse vmt-connect keyword names with the camelCase name', async () => {
  const sim = turboSim();
  const base = { url: sim.url, fetch: sim.fetch, ...sim.credentials };
  for (const Ctor of [Connection, Session, VMTConnection]) {
    for (const [key, hint] of [['base_url', 'baseUrl'], ['req_versions', 'reqVersions'], ['disable_hateoas', 'disableHateoas'], ['results_limit', 'resultsLimit'], ['dry_run', 'dryRun']] as const) {
      assertUnknown(await thrown(() => new Ctor({ ...base, [key]: 1 } as never)), 'new Connection()', key, hint);
    }
  }
  // Options upstream has and opskit leaves to the runtime are refused too, never silently dropped.
  for (const key of ['verify', 'cert', 'proxies', 'use_session']) {
    assertUnknown(await thrown(() => new Connection({ ...base, [key]: true } as never)), 'new Connection()', key, undefined);
  }
  assert.equal(sim.requests.list().length, 0);
  assert.throws(() => new Connection({ ...base, host: 'h' }), /give url, or host \(and ssl\), not both/);
  assert.throws(() => new Connection({ username: 'u', password: 'p' }), /needs a host .* or a url/);
  for (const url of ['ftp://h', 'https://u:secret-pw@h', 'https://h/api/v3', 'https://h/?x=1', 'not a url', 42]) {
    const err = await thrown(() => new Connection({ ...sim.credentials, url: url as string }));
    assert.ok(err instanceof ConfigError, String(url));
    assert.ok(!err.message.includes('secret-pw'));
  }
  const hostErr = await thrown(() => new Connection({ ...sim.credentials, host: 'admin:secret-pw@turbo' }));
  assert.ok(hostErr instanceof ConfigError && !hostErr.message.includes('secret-pw'), String(hostErr));
});

test('VersionSpec, VMTVersion, VersionSpec.check and enumerateStats refuse unknown option names', async () => {
  assertUnknown(await thrown(() => new VersionSpec(['7.21+'], { cmp_base: false } as never)), 'new VersionSpec()', 'cmp_base', 'cmpBase');
  assertUnknown(await thrown(() => new VMTVersion(['7.21+'], { require: true } as never)), 'new VMTVersion()', 'require', 'required');
  const v = new Version({ versionInfo: 'Turbonomic Operations Manager 8.3.1 (Build "1") "x"\n\naction-orchestrator: 8.3.1\n', version: '8.3.1' });
  assertUnknown(await thrown(() => new VersionSpec(['7.21+']).check(v, { on_warning: () => {} } as never)), 'VersionSpec.check()', 'on_warning', 'onWarning');
  assertUnknown(await thrown(() => enumerateStats([], { stats: () => true } as never)), 'enumerateStats()', 'stats', 'stat');
  assert.equal(new VMTVersion(['7.21+']).required, false, 'VMTVersion stays optional by default');
  assert.equal(new VMTVersion(['7.21+'], { required: true }).required, true);
});

test("sim.credentials has exactly Connection's option names: the spread works as written", async () => {
  const sim = createSim('turbonomic', { entities: 20 });
  assert.deepEqual(Object.keys(sim.credentials).sort(), ['password', 'username']);
  const conn = new Connection({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  await conn.connect();
  assert.equal(conn.protocol, 'http');
  assert.equal(conn.host, new URL(sim.url).host);
  assert.equal((await conn.getMarketEntities({ fetchAll: true })).length, 20);
  // The same spread with host and ssl, the other constructor shape.
  const other = await new Connection({ ...sim.credentials, host: new URL(sim.url).host, ssl: false, fetch: sim.fetch }).connect();
  assert.equal(other.marketId, conn.marketId);
});

test('null options mean no options, never a raw TypeError', async () => {
  const sim = turboSim({ entities: 5 });
  const conn = await inProcess(sim).connect();
  assert.equal((await (conn.getMarketEntities(null as never) as unknown as TurboPaged<unknown>).all()).length, 5);
  assert.equal((await (conn.request('markets/Market', null as never) as unknown as Promise<unknown[]>)).length, 1);
  assert.equal((await conn.getMarketStats(null as never)).length > 0, true);
  assert.equal(new VMTVersion(['7.21+'], null as never).required, false);
  assert.equal(new VersionSpec(['7.21+'], null as never).required, true);
  assert.deepEqual([...enumerateStats([], null as never)], []);
  for (const bad of ['fetchAll', ['x'], 42]) {
    assert.ok((await thrown(() => conn.getMarketEntities(bad as never))) instanceof ConfigError, JSON.stringify(bad));
  }
});
