import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  counterIds,
  createClock,
  createCollection,
  createCursorTable,
  createRandom,
  randomIds,
} from '../../../src/sim/index.js';

test('seeded random sources repeat; unseeded ones do not', () => {
  assert.deepEqual(createRandom(7).bytes(32), createRandom(7).bytes(32));
  assert.notDeepEqual(createRandom(7).bytes(32), createRandom(8).bytes(32));
  assert.notDeepEqual(createRandom().bytes(32), createRandom().bytes(32));
  const r = createRandom(1);
  assert.match(r.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(r.hex(5), /^[0-9a-f]{10}$/);
  for (let i = 0; i < 100; i++) assert.ok(r.int(3) < 3);
  assert.throws(() => r.int(0), RangeError);
  assert.equal(createRandom().bytes(70_000).length, 70_000);
});

test('id generators', () => {
  const next = counterIds('vm-', { pad: 3 });
  assert.deepEqual([next(), next()], ['vm-001', 'vm-002']);
  const ids = randomIds(createRandom(3), { prefix: 'k', hexBytes: 4 });
  assert.match(ids(), /^k[0-9a-f]{8}$/);
  assert.equal(randomIds(createRandom(3))(), randomIds(createRandom(3))());
});

test('collections keep insertion order and generate ids', () => {
  const c = createCollection<{ id: string; n: number }>({ ids: counterIds('x') });
  const a = c.insert({ n: 1 });
  c.insert({ id: 'x2', n: 2 }); // the counter skips ids already taken
  const b = c.insert({ n: 3 });
  assert.equal(a.id, 'x1');
  assert.equal(b.id, 'x3');
  assert.deepEqual(c.list().map((r) => r.n), [1, 2, 3]);
  assert.throws(() => c.insert({ id: 'x1', n: 9 }), /duplicate/);
  assert.deepEqual(c.update('x1', { n: 10 }), { id: 'x1', n: 10 });
  assert.equal(c.update('nope', { n: 1 }), undefined);
  assert.deepEqual(c.list().map((r) => r.id), ['x1', 'x2', 'x3']);
  assert.equal(c.remove('x2'), true);
  assert.equal(c.remove('x2'), false);
  assert.equal(c.size, 2);
  assert.equal(c.find((r) => r.n === 3)?.id, 'x3');
  assert.deepEqual(c.filter((r) => r.n > 5).map((r) => r.id), ['x1']);
  assert.deepEqual([...c].length, 2);
  c.put({ id: 'z', n: 0 });
  assert.equal(c.get('z')?.n, 0);
  c.clear();
  assert.equal(c.size, 0);
});

test('cursor tables issue opaque cursors that expire on the sim clock', () => {
  const clock = createClock(0);
  const cursors = createCursorTable<number>({ clock, random: createRandom(1), ttlMs: 1000, max: 2 });
  const c1 = cursors.issue(10);
  assert.equal(typeof c1, 'string');
  assert.equal(cursors.resolve(c1), 10);
  assert.equal(cursors.resolve('forged'), undefined);
  clock.advance(1000);
  assert.equal(cursors.resolve(c1), undefined, 'expired');
  const a = cursors.issue(1);
  const b = cursors.issue(2);
  const c = cursors.issue(3);
  assert.equal(cursors.size, 2, 'bounded');
  assert.equal(cursors.resolve(a), undefined, 'oldest evicted');
  assert.equal(cursors.resolve(b), 2);
  cursors.expireAll();
  assert.equal(cursors.resolve(c), undefined);
});
