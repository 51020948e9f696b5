// Issue 12 (Turbonomic): `await conn.getMarkets()` gave a TurboPaged whose `.length` was undefined,
// where a port from vmt-connect expects a list. Awaiting a list method now yields an array — page 1,
// as vmt-connect returns without `fetch_all`, or every item for the getters upstream forces
// `fetch_all` on — while iterating the same object still pages to the end. Counters use the core
// names with upstream's as aliases.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isDryRunRequest } from '../../../src/index.js';
import {
  Connection,
  HTTP400Error,
  PartialListWarning,
  TurboPaged,
  type Entity,
  type Market,
  type TurboWarning,
} from '../../../src/turbonomic/index.js';
import { mark, served, wire, type Served } from './helpers.js';

const N = 1000;
let s: Served;
let conn: Connection;
const warnings: TurboWarning[] = [];
before(async () => {
  s = await served({ entities: N, pageSize: 100 });
  conn = await s.connect({ onWarning: (w) => void warnings.push(w) }).connect();
});
after(() => s.close());

test('await getMarkets() is an array with a length, as a vmt-connect port expects', async () => {
  const markets: Market[] = await conn.getMarkets();
  assert.ok(Array.isArray(markets));
  assert.ok(markets.length >= 1);
  assert.ok(markets.some((m) => m.displayName === 'Market'));
});

test('await on a paged list resolves with page 1 only (one request), and says so through onWarning', async () => {
  warnings.length = 0;
  const from = mark(s.sim);
  const list = conn.getMarketEntities();
  assert.ok(list instanceof TurboPaged, 'still the lazy list');
  const first = await list;
  assert.equal(first.length, 100, "the server's page");
  assert.equal(wire(s.sim, from).length, 1);
  assert.equal(list.complete, false);
  assert.equal(list.page, 1);
  assert.equal(list.total, N);
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0] instanceof PartialListWarning);
  assert.match(warnings[0]!.message, /page 1 only \(100 of 1000 records\)/);
  // Awaiting again settles the same way without asking the server again, as a promise would.
  assert.equal(await list, first);
  assert.equal(wire(s.sim, from).length, 1);
  // A list that fits one page is whole, and nothing is reported.
  warnings.length = 0;
  const small = await conn.getMarketEntities({ limit: 5000 });
  assert.equal(small.length, N);
  assert.deepEqual(warnings, []);
});

test('fetchAll: true and the typed getters (getVirtualMachines, …) resolve with every item when awaited', async () => {
  const all = await conn.getMarketEntities({ fetchAll: true });
  assert.equal(all.length, N);
  const vms: Entity[] = await conn.getVirtualMachines();
  assert.equal(vms.length, s.sim.state.inventory.count('VirtualMachine'));
  assert.ok(vms.every((e) => e.className === 'VirtualMachine'));
  const hosts = await conn.getPhysicalMachines({ limit: 50 });
  assert.equal(hosts.length, N / 20);
});

test('iterating the same object still pages to the end', async () => {
  const list = conn.getMarketEntities();
  let n = 0;
  for await (const _ of list) n++;
  assert.equal(n, N);
  assert.equal(list.complete, true);
  assert.equal(list.page, 10);
});

test('counters: core names page / fetched / total, upstream names recordsFetched / recordsTotal as aliases', async () => {
  const list = conn.getVirtualMachines({ limit: 250 });
  assert.equal(list.recordsTotal, 0, 'before page 1');
  assert.equal(list.total, undefined);
  for await (const _ of list.pages()) {
    assert.equal(list.recordsFetched, list.fetched);
    assert.equal(list.recordsTotal, list.total);
  }
  assert.equal(list.page, 4);
  assert.equal(list.fetched, N, 'records received, before the local className filter');
  assert.equal(list.total, N);
  assert.equal(list.kept, s.sim.state.inventory.count('VirtualMachine'));
  s.sim.state.quirks = { omitTotal: true };
  try {
    const untotalled = conn.getMarketEntities({ limit: 5000 });
    await untotalled.all();
    assert.equal(untotalled.total, undefined);
    assert.equal(untotalled.recordsTotal, -1, "upstream's -1 when the server sent no total");
  } finally {
    s.sim.state.quirks = {};
  }
});

test('a failing list rejects the await; .catch and .finally work as on a promise', async () => {
  await assert.rejects(async () => await conn.getMarketEntities({ limit: 1_000_000 }), HTTP400Error);
  let finished = false;
  const caught = await conn
    .getMarketEntities({ limit: 1_000_000 })
    .catch((e: unknown) => (e instanceof HTTP400Error ? 'caught' : 'other'));
  assert.equal(caught, 'caught');
  await conn.getMarkets().finally(() => void (finished = true));
  assert.equal(finished, true);
  // The promise machinery unwraps it: a list returned from an async function arrives as the array.
  const viaAsync = await (async () => conn.getMarkets())();
  assert.ok(Array.isArray(viaAsync));
});

test('dry run: an awaited list resolves with its request; the list itself stays iterable', async () => {
  const never = async (): Promise<Response> => {
    throw new Error('a dry run must not send anything');
  };
  const dry = new Connection({ host: 'turbo.example.com', username: 'administrator', password: 'Dry-run-Pa55', dryRun: true, fetch: never });
  const list = dry.getMarkets();
  assert.ok(list instanceof TurboPaged, 'passed through the dry-run wrapper untouched');
  const request = await list;
  assert.ok(isDryRunRequest(request));
  assert.equal((request as unknown as { url: string }).url, 'https://turbo.example.com/api/v3/markets?disable_hateoas=true');
  assert.ok(isDryRunRequest(await dry.getVirtualMachines()));
  assert.ok(isDryRunRequest(await dry.getMarkets({ uuid: 'Market' })));
});
