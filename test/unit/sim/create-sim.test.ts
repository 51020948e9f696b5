import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/errors/index.js';
import { createSim, isSimName, simNames } from '../../../src/sim/index.js';

test('createSim dispatches by name', () => {
  assert.ok(simNames.includes('demo'));
  const sim = createSim('demo', { pageSize: 5 });
  assert.equal(sim.name, 'demo');
  assert.equal(typeof sim.fetch, 'function');
  assert.equal(typeof sim.expireCursors, 'function');
  assert.equal(isSimName('demo'), true);
  assert.equal(isSimName('toString'), false);
});

test('an unknown name is a ConfigError listing the known ones', () => {
  const err = assert.throws(() => createSim('nope' as 'demo'), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match((e as Error).message, /unknown simulator "nope"; known simulators: .*demo/);
    return true;
  });
  assert.equal(err, undefined);
});

test('each sim owns its state', async () => {
  const a = createSim('demo');
  const b = createSim('demo');
  a.state.items.clear();
  assert.equal(a.state.items.size, 0);
  assert.equal(b.state.items.size, 25);
});
