// Issue 12/14: the simulator serves any size up to 10,000,000 entities (it capped at 1,000,000),
// without materialising them: entity #i is computed when a page or a lookup needs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTurbonomicSim, MAX_ENTITIES } from '../../../src/sim/turbonomic/index.js';
import { Connection } from '../../../src/turbonomic/index.js';

test('10,000,000 entities: created at once, in little memory, every one reachable', async () => {
  assert.equal(MAX_ENTITIES, 10_000_000);
  const before = process.memoryUsage().heapUsed;
  const sim = createTurbonomicSim({ entities: 10_000_000, seed: 3, pageSize: 1000 });
  assert.ok(process.memoryUsage().heapUsed - before < 64 * 1024 * 1024, 'nothing is materialised up front');
  const conn = new Connection({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  const list = conn.getMarketEntities();
  const first = await list;
  assert.equal(first.length, 1000);
  assert.equal(list.total, 10_000_000, 'x-total-record-count');
  const last = String(74_000_000_000_000 + 9_999_999);
  const [entity] = await conn.getEntities({ uuid: last });
  assert.equal(entity?.uuid, last);
  assert.equal(entity?.displayName, 'vm-9999999');
  assert.throws(() => createTurbonomicSim({ entities: MAX_ENTITIES + 1 }), /entities must be an integer from 0 to 10000000/);
});
