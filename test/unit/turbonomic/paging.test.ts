import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PaginationError } from '../../../src/index.js';
import { createTurbonomicSim } from '../../../src/sim/turbonomic/index.js';
import { HTTP503Error, TurboPaged, VMTConnectionError, VMTNextCursorMissingError, VMTPagerError, type Connection } from '../../../src/turbonomic/index.js';
import { bodies, inProcess, mark, served, turboSim, wire, type Served } from './helpers.js';

const N = 20_000;
let s: Served;
let conn: Connection;
before(async () => {
  s = await served({ entities: N, pageSize: 300 });
  conn = await s.connect().connect();
});
after(async () => {
  await s.close();
});

test('20,000 entities over HTTP, 500 per page: every entity once, upstream counters', async () => {
  const from = mark(s.sim);
  const list = conn.getMarketEntities({ limit: 500 });
  assert.ok(list instanceof TurboPaged);
  const seen = new Set<string>();
  let pages = 0;
  for await (const page of list.pages()) {
    pages++;
    assert.equal(list.page, pages);
    assert.equal(list.records, page.length);
    assert.equal(list.recordsTotal, N, 'from page 1');
    assert.equal(list.complete, pages === 40);
    for (const e of page) seen.add(e.uuid);
  }
  assert.equal(seen.size, N);
  assert.equal(list.recordsFetched, N);
  const urls = wire(s.sim, from);
  assert.equal(urls.length, 40);
  assert.equal(urls[0], 'GET /api/v3/markets/Market/entities?limit=500&disable_hateoas=true');
  assert.match(urls[1] ?? '', /^GET \/api\/v3\/markets\/Market\/entities\?limit=500&disable_hateoas=true&cursor=[0-9a-f]{24}$/);
});

test('limit: the per-call value wins over resultsLimit; 0 means the server default', async () => {
  const c = await s.connect({ resultsLimit: 1000 }).connect();
  const from = mark(s.sim);
  await c.getMarketEntities().pages().next();
  await c.getMarketEntities({ limit: 250 }).pages().next();
  await conn.getMarketEntities().pages().next();
  assert.deepEqual(wire(s.sim, from), [
    'GET /api/v3/markets/Market/entities?limit=1000&disable_hateoas=true',
    'GET /api/v3/markets/Market/entities?limit=250&disable_hateoas=true',
    'GET /api/v3/markets/Market/entities?disable_hateoas=true',
  ]);
  const first = conn.getMarketEntities();
  for await (const page of first.pages()) {
    assert.equal(page.length, 300, "the simulator's configured page size");
    break;
  }
});

test('fetchAll collects every page; iterating again starts from page 1', async () => {
  const all = await conn.getVirtualMachines({ limit: 2000, fetchAll: true });
  assert.equal(all.length, s.sim.state.inventory.count('VirtualMachine'));
  assert.ok(all.every((e) => e.className === 'VirtualMachine'), 'className filtered locally');
  const list = conn.getPhysicalMachines({ limit: 5000 });
  const a = await list.all();
  const b = await list.all();
  assert.deepEqual(a, b);
  assert.equal(list.fetched, N, 'raw records, before the local filter (the core name)');
  assert.equal(list.recordsFetched, N, "upstream's name for the same counter");
  assert.equal(list.kept, N / 20, 'items kept by the local filter');
});

test('POST search re-sends its body byte for byte on every page', async () => {
  const from = mark(s.sim);
  const dto = { className: 'VirtualMachine', criteriaList: [{ expType: 'EQ', expVal: 'vm-00.*', caseSensitive: false, filterType: 'vmsByName' }] };
  const hits = await conn.search({ dto, limit: 100, fetchAll: true });
  assert.ok(hits.length > 300);
  const sent = bodies(s.sim, from);
  assert.ok(sent.length > 3);
  assert.ok(sent.every((b) => b === JSON.stringify(dto)));
  assert.ok(wire(s.sim, from).slice(1).every((w) => /^POST \/api\/v3\/search\?limit=100&disable_hateoas=true&cursor=/.test(w)));
});

test('an empty x-next-cursor before the total arrived is VMTNextCursorMissingError', async () => {
  s.sim.state.quirks = { emptyCursor: true };
  try {
    const list = conn.getMarketEntities({ limit: 500 });
    const err = await list.all().catch((e: unknown) => e);
    assert.ok(err instanceof VMTNextCursorMissingError && err instanceof VMTConnectionError);
    assert.equal(err.message, 'Expected a follow-up cursor, none provided. Received 500 of 20000 expected values.');
    // Without a positive total the same empty header simply ends the list.
    s.sim.state.quirks = { emptyCursor: true, omitTotal: true };
    const partial = conn.getMarketEntities({ limit: 500 });
    assert.equal((await partial.all()).length, 500);
    assert.equal(partial.recordsTotal, -1);
    assert.equal(partial.complete, true);
  } finally {
    s.sim.state.quirks = {};
  }
});

test('a missing x-next-cursor before the total arrived is VMTNextCursorMissingError (upstream ends quietly)', async () => {
  s.sim.state.quirks = { dropCursor: true };
  try {
    const list = conn.getMarketEntities({ limit: 500 });
    const err = await list.all().catch((e: unknown) => e);
    assert.ok(err instanceof VMTNextCursorMissingError, String(err));
    assert.equal(err.message, 'Expected a follow-up cursor, none provided. Received 500 of 20000 expected values.');
    assert.equal(list.recordsTotal, N);
    assert.equal(list.complete, false);
    // Without a total nothing can tell a dropped cursor from the end of the list.
    s.sim.state.quirks = { dropCursor: true, omitTotal: true };
    const unknown = conn.getMarketEntities({ limit: 500 });
    assert.equal((await unknown.all()).length, 500);
    assert.equal(unknown.complete, true);
  } finally {
    s.sim.state.quirks = {};
  }
});

test('an expired cursor mid-list is VMTNextCursorMissingError (explicitly, or by TTL)', async () => {
  const list = conn.getMarketEntities({ limit: 1000 });
  let n = 0;
  const err = await (async () => {
    for await (const _ of list) if (++n === 1000) s.sim.expireCursors();
  })().catch((e: unknown) => e);
  assert.ok(err instanceof VMTNextCursorMissingError);
  assert.equal(err.recordsFetched, 1000);

  const sim = turboSim({ entities: 100, cursorTtlMs: 60_000 });
  const c = await inProcess(sim).connect();
  const pages = c.getMarketEntities({ limit: 10 }).pages();
  await pages.next();
  sim.clock.advance(60_000);
  await assert.rejects(pages.next(), VMTNextCursorMissingError);
});

test('a server repeating its cursor ends with VMTPagerError, never a loop', async () => {
  s.sim.state.quirks = { repeatCursor: true };
  try {
    const from = mark(s.sim);
    const err = await conn.getMarketEntities({ limit: 500 }).all().catch((e: unknown) => e);
    assert.ok(err instanceof VMTPagerError && err instanceof PaginationError, String(err));
    assert.equal(wire(s.sim, from).length, 2, 'page 1 gives cursor A; page 2 (cursor=A) hands back A again: stop');
  } finally {
    s.sim.state.quirks = {};
  }
});

test('an error in the middle of paging is thrown from that page', async () => {
  const list = conn.getMarketEntities({ limit: 5000 }).pages();
  await list.next();
  s.sim.faults.inject({ kind: 'status', status: 503, retryAfter: 30, match: { path: '/api/v3/markets/Market/entities' } });
  const err = await list.next().catch((e: unknown) => e);
  assert.ok(err instanceof HTTP503Error);
  assert.equal(err.retryAfter, '30');
});

test('an object body is one record (request with pager: true)', async () => {
  const list = conn.request('markets/Market', { pager: true });
  const items = await list.all();
  assert.equal(items.length, 1);
  assert.equal(list.records, 1);
  assert.equal(list.recordsTotal, -1);
  assert.deepEqual(await conn.request('/markets', { uuid: 'Market' }), items);
});

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

test('memory stays flat while iterating (only the current page is held)', async () => {
  const gc = gcFunction();
  const sim = createTurbonomicSim({ entities: N, seed: 3 });
  const c = await inProcess(sim).connect();
  const heap: number[] = [];
  let n = 0;
  for await (const _ of c.getMarketEntities({ limit: 500 })) {
    if (++n % 5000 === 0) {
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  assert.equal(n, N);
  const growth = (heap.at(-1) as number) - (heap[0] as number);
  assert.ok(growth < 4 * 1024 * 1024, `heap grew ${(growth / 1048576).toFixed(1)} MiB between 5,000 and 20,000 entities`);
});

test('a page is not held by the list while the next one is fetched', async () => {
  const gc = gcFunction();
  const pages: WeakRef<object>[] = [];
  const seen: string[] = [];
  let n = 0;
  const list = new TurboPaged<object>(async () => {
    gc();
    await new Promise((r) => setImmediate(r));
    gc();
    seen.push(pages.map((r) => (r.deref() ? 'L' : '.')).join(''));
    const body = Array.from({ length: 100 }, (_, i) => ({ uuid: `${n}-${i}` }));
    pages.push(new WeakRef(body));
    n++;
    return { body, headers: new Headers(n < 4 ? { 'x-next-cursor': `c${n}`, 'x-total-record-count': '400' } : { 'x-total-record-count': '400' }) };
  });
  // Page by page, with a consumer that keeps nothing.
  const it = list.pages();
  const step = async () => (await it.next()).done;
  while (!(await step()));
  assert.deepEqual(seen, ['', '.', '..', '...']);
  assert.equal(list.complete, true);
  // Item by item.
  pages.length = 0;
  seen.length = 0;
  n = 0;
  let count = 0;
  for await (const _ of list) count++;
  assert.equal(count, 400);
  assert.deepEqual(seen, ['', '.', '..', '...']);
});

test('a million-entity simulator is lazy: no per-entity memory', () => {
  const gc = gcFunction();
  gc();
  const before = process.memoryUsage().heapUsed;
  const sim = createTurbonomicSim({ entities: 1_000_000 });
  gc();
  const growth = process.memoryUsage().heapUsed - before;
  assert.ok(growth < 8 * 1024 * 1024, `a 1M simulator costs ${(growth / 1048576).toFixed(1)} MiB`);
  assert.equal(sim.state.inventory.entity(999_999).uuid, '74000000999999');
  assert.equal(sim.state.inventory.indexOf('74000000999999'), 999_999);
});
