import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DemoItem } from '../../../src/sim/index.js';
import { demoSim, login } from './helpers.js';

test('25 items are seeded deterministically', async () => {
  const a = demoSim();
  const b = demoSim();
  assert.equal(a.state.items.size, 25);
  assert.deepEqual(a.state.items.list(), b.state.items.list());
  assert.deepEqual(a.state.items.get('item-001'), {
    id: 'item-001',
    name: 'red bolt',
    quantity: 0,
    tags: ['hardware'],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  });
});

test('cursor paging walks every item once, with headers', async () => {
  const sim = demoSim({ pageSize: 10 });
  const auth = await login(sim);
  const seen: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: Response = await sim.fetch(`/items${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: auth });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-total-count'), '25');
    seen.push(...((await res.json()) as DemoItem[]).map((i) => i.id));
    cursor = res.headers.get('x-next-cursor');
    if (cursor) cursors.push(cursor);
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.equal(seen.length, 25);
  assert.equal(new Set(seen).size, 25);
  assert.equal(new Set(cursors).size, 2, 'every page has its own cursor');
  assert.ok(cursors.every((c) => !/^\d+$/.test(c)), 'cursors are opaque, not offsets');
});

test('limit is honoured and validated', async () => {
  const sim = demoSim();
  const auth = await login(sim);
  const res = await sim.fetch('/items?limit=25', { headers: auth });
  assert.equal(((await res.json()) as unknown[]).length, 25);
  assert.equal(res.headers.get('x-next-cursor'), null, 'no cursor on the last page');
  for (const bad of ['0', '101', 'abc', '-1', '2.5']) {
    const r = await sim.fetch(`/items?limit=${bad}`, { headers: auth });
    assert.equal(r.status, 400, bad);
    assert.equal(((await r.json()) as { code: string }).code, 'InvalidParameter');
  }
});

test('unknown and expired cursors are 400 InvalidCursor', async () => {
  const sim = demoSim({ cursorTtlMs: 60_000 });
  const auth = await login(sim);
  const bad = await sim.fetch('/items?cursor=forged', { headers: auth });
  assert.equal(bad.status, 400);
  assert.deepEqual(await bad.json(), { code: 'InvalidCursor', message: 'cursor is unknown or expired' });

  const first = await sim.fetch('/items', { headers: auth });
  const cursor = first.headers.get('x-next-cursor') ?? '';
  assert.equal((await sim.fetch(`/items?cursor=${cursor}`, { headers: auth })).status, 200);
  sim.clock.advance(60_000);
  assert.equal((await sim.fetch(`/items?cursor=${cursor}`, { headers: auth })).status, 400, 'expired on the sim clock');

  const again = (await sim.fetch('/items', { headers: auth })).headers.get('x-next-cursor') ?? '';
  sim.expireCursors();
  assert.equal((await sim.fetch(`/items?cursor=${again}`, { headers: auth })).status, 400, 'expireCursors()');
});

test('repeatCursor mode hands back the same cursor forever', async () => {
  const sim = demoSim({ repeatCursor: true, pageSize: 5 });
  const auth = await login(sim);
  const first = await sim.fetch('/items', { headers: auth });
  const cursor = first.headers.get('x-next-cursor');
  assert.ok(cursor);
  for (let i = 0; i < 20; i++) {
    const res = await sim.fetch(`/items?cursor=${cursor}`, { headers: auth });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-next-cursor'), cursor);
  }
});

test('create, read, update, delete', async () => {
  const sim = demoSim();
  const auth = { ...(await login(sim)), 'content-type': 'application/json' };
  sim.clock.advance(1000);
  const created = await sim.fetch('/items', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'hinge', quantity: 3 }) });
  assert.equal(created.status, 201);
  const item = (await created.json()) as DemoItem;
  assert.deepEqual(item, {
    id: 'item-026',
    name: 'hinge',
    quantity: 3,
    tags: [],
    createdAt: '2024-01-01T00:00:01.000Z',
    updatedAt: '2024-01-01T00:00:01.000Z',
  });
  assert.equal(created.headers.get('location'), '/items/item-026');
  assert.deepEqual(await (await sim.fetch('/items/item-026', { headers: auth })).json(), item);

  sim.clock.advance(1000);
  const updated = await sim.fetch('/items/item-026', { method: 'PUT', headers: auth, body: JSON.stringify({ name: 'hinge', quantity: 9, tags: ['x'] }) });
  assert.equal(updated.status, 200);
  assert.deepEqual(await updated.json(), { ...item, quantity: 9, tags: ['x'], updatedAt: '2024-01-01T00:00:02.000Z' });

  const deleted = await sim.fetch('/items/item-026', { method: 'DELETE', headers: auth });
  assert.equal(deleted.status, 204);
  assert.equal(await deleted.text(), '');
  assert.equal(sim.state.items.size, 25);
});

test('missing items are 404 NotFound on GET, PUT and DELETE', async () => {
  const sim = demoSim();
  const auth = await login(sim);
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const res = await sim.fetch('/items/item-999', { method, headers: auth, ...(method === 'PUT' && { body: '{"name":"x"}' }) });
    assert.equal(res.status, 404, method);
    assert.deepEqual(await res.json(), { code: 'NotFound', message: 'item "item-999" not found' });
  }
});

test('invalid item bodies are 400 ValidationError', async () => {
  const sim = demoSim();
  const auth = await login(sim);
  for (const body of ['[]', '{}', '{"name":""}', '{"name":"a","quantity":-1}', '{"name":"a","quantity":1.5}', '{"name":"a","tags":[1]}']) {
    const res = await sim.fetch('/items', { method: 'POST', headers: auth, body });
    assert.equal(res.status, 400, body);
    assert.equal(((await res.json()) as { code: string }).code, 'ValidationError', body);
  }
  assert.equal(sim.state.items.size, 25);
});
