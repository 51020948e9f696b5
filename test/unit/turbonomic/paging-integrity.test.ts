/**
 * Nothing is lost silently (issue 8 §4): a Turbonomic list is `complete` only when what arrived
 * agrees with what the server announced. Each case is first produced by the simulator's paging
 * faults (`sim.state.quirks`, `sim.expireCursors()`, the cursor TTL), then checked on the client.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PaginationError } from '../../../src/core/index.js';
import { VMTNextCursorMissingError, VMTPagerError, type Connection, type Entity, type TurboPaged } from '../../../src/turbonomic/index.js';
import { inProcess, mark, turboSim, wire } from './helpers.js';

/** Iterates `list` page by page; returns the items that arrived and the error that ended it, if any. */
async function drain<T>(list: TurboPaged<T>, onItems?: (n: number) => void): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const page of list.pages()) {
      items.push(...page);
      onItems?.(items.length);
    }
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

async function connected(options: Parameters<typeof turboSim>[0]): Promise<{ sim: ReturnType<typeof turboSim>; conn: Connection }> {
  const sim = turboSim(options);
  return { sim, conn: await inProcess(sim).connect() };
}

test('a server that drops the cursor header mid-list: the 25,500 items arrive, then VMTNextCursorMissingError (not complete)', async () => {
  const { sim, conn } = await connected({ entities: 120_000 });
  // The simulator reproduces the report: pages from record 25,000 on come without x-next-cursor.
  sim.state.quirks = { dropCursor: true, afterRecords: 25_000 };
  const list = conn.getMarketEntities({ limit: 500 });
  const { items, error } = await drain(list);
  assert.equal(items.length, 25_500, 'every item received is handed over before the error');
  assert.ok(error instanceof VMTNextCursorMissingError, String(error));
  assert.equal(error.recordsFetched, 25_500);
  assert.equal(error.recordsTotal, 120_000);
  assert.match(error.message, /Received 25500 of 120000 expected values/);
  assert.equal(list.complete, false);
  assert.equal(list.recordsTotal, 120_000);
  await assert.rejects(conn.getMarketEntities({ limit: 500, fetchAll: true }), VMTNextCursorMissingError);
});

test('no total header and an expired cursor: 25,000 items, then VMTNextCursorMissingError (not complete)', async () => {
  const { sim, conn } = await connected({ entities: 50_000 });
  sim.state.quirks = { omitTotal: true };
  const list = conn.getMarketEntities({ limit: 500 });
  const { items, error } = await drain(list, (n) => n === 25_000 && sim.expireCursors());
  assert.equal(items.length, 25_000);
  assert.ok(error instanceof VMTNextCursorMissingError, String(error));
  assert.equal(error.recordsFetched, 25_000);
  assert.equal(error.recordsTotal, -1);
  assert.match(error.message, /empty page/);
  assert.equal(list.complete, false);
  assert.equal(list.recordsTotal, -1);
});

test('a cursor that expires by TTL, answered with an empty page and no cursor header at all, is not the end of the list', async () => {
  for (const omitTotal of [false, true]) {
    const { sim, conn } = await connected({ entities: 100, cursorTtlMs: 60_000 });
    sim.state.quirks = { omitTotal, expiredWithoutCursor: true };
    const list = conn.getMarketEntities({ limit: 10 });
    const pages = list.pages();
    assert.equal(((await pages.next()).value as Entity[]).length, 10);
    sim.clock.advance(60_000);
    const from = mark(sim);
    await assert.rejects(pages.next(), VMTNextCursorMissingError, `omitTotal: ${omitTotal}`);
    assert.equal(wire(sim, from).length, 1);
    assert.equal(list.complete, false);
  }
});

test('a wrong total: fewer items than announced is VMTNextCursorMissingError; more is VMTPagerError; garbage is VMTPagerError', async () => {
  const { sim, conn } = await connected({ entities: 2_000 });
  sim.state.quirks = { totalHeader: '2500' };
  const short = conn.getMarketEntities({ limit: 500 });
  const a = await drain(short);
  assert.equal(a.items.length, 2_000, 'every page the server had');
  assert.ok(a.error instanceof VMTNextCursorMissingError, String(a.error));
  assert.match(a.error.message, /Received 2000 of 2500 expected values/);
  assert.equal(short.complete, false);

  sim.state.quirks = { totalHeader: '1500' };
  const long = conn.getMarketEntities({ limit: 500 });
  const b = await drain(long);
  assert.ok(b.error instanceof VMTPagerError && b.error instanceof PaginationError, String(b.error));
  assert.match(b.error.message, /more than the 1500 announced/);
  assert.equal(long.complete, false);

  for (const garbage of ['lots', '-5', '1e3', '']) {
    sim.state.quirks = { totalHeader: garbage };
    const err = await conn.getMarketEntities({ limit: 500, fetchAll: true }).catch((e: unknown) => e);
    assert.ok(err instanceof VMTPagerError, `${JSON.stringify(garbage)}: ${String(err)}`);
    assert.match(err.message, /x-total-record-count/);
  }
});

test('a repeated cursor keeps that page\'s new items, then raises VMTPagerError', async () => {
  const { sim, conn } = await connected({ entities: 5_000 });
  sim.state.quirks = { repeatCursor: true };
  const from = mark(sim);
  const list = conn.getMarketEntities({ limit: 500 });
  const { items, error } = await drain(list);
  assert.ok(error instanceof VMTPagerError, String(error));
  assert.equal(wire(sim, from).length, 2, 'page 1 gives cursor A; page 2 (cursor=A) hands back A again: stop there');
  assert.equal(items.length, 1_000, "page 2's items are new: they are kept");
  assert.equal(new Set(items.map((e) => e.uuid)).size, 1_000);
  assert.equal(list.complete, false);
});

test('an empty page answered to a cursor request with records still missing is an error, even with a cursor', async () => {
  const { sim, conn } = await connected({ entities: 1_000 });
  // A cursor that leads to an empty page: expire them all after the first page.
  const list = conn.getMarketEntities({ limit: 100 });
  const { items, error } = await drain(list, () => sim.expireCursors());
  assert.equal(items.length, 100);
  assert.ok(error instanceof VMTNextCursorMissingError, String(error));
  assert.match(error.message, /Received 100 of 1000 expected values/);
});

test('complete is true only when every announced record arrived', async () => {
  const { conn } = await connected({ entities: 1_234 });
  const list = conn.getMarketEntities({ limit: 100 });
  const seen: boolean[] = [];
  for await (const _page of list.pages()) seen.push(list.complete);
  assert.equal(list.complete, true);
  assert.equal(list.recordsFetched, 1_234);
  assert.equal(list.recordsTotal, 1_234);
  assert.deepEqual(seen.slice(0, -1).filter(Boolean), [], 'never complete before the last page');
  assert.equal(seen.at(-1), true);
});
