import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequestLog } from '../../../src/sim/index.js';
import { demoSim, login } from './helpers.js';

const entry = (path: string) => ({ time: 0, method: 'GET', url: `http://x${path}`, path, headers: {}, body: '', status: 200 });

test('the log is a ring buffer: the newest `capacity` entries survive', () => {
  const log = createRequestLog({ capacity: 3 });
  for (let i = 1; i <= 7; i++) log.record(entry(`/${i}`));
  assert.equal(log.size, 3);
  assert.deepEqual(log.list().map((e) => e.path), ['/5', '/6', '/7']);
  assert.deepEqual(log.list().map((e) => e.seq), [5, 6, 7]);
  assert.equal(log.last()?.path, '/7');
  log.clear();
  assert.equal(log.size, 0);
  assert.equal(log.last(), undefined);
  assert.equal(log.record(entry('/8')).seq, 8, 'sequence keeps counting after clear');
  assert.throws(() => createRequestLog({ capacity: 0 }), RangeError);
  assert.equal(createRequestLog().capacity, 1000);
});

test('a sim logs method, url, headers, body text, time and status', async () => {
  const sim = demoSim({ requestLogSize: 5 });
  const auth = await login(sim);
  await sim.fetch('/echo', { method: 'POST', headers: { ...auth, 'x-test': '1' }, body: 'hello' });
  const e = sim.requests.last();
  assert.ok(e);
  assert.equal(e.method, 'POST');
  assert.equal(e.url, 'http://demo.sim.invalid/echo');
  assert.equal(e.path, '/echo');
  assert.equal(e.headers['x-test'], '1');
  assert.equal(e.body, 'hello');
  assert.equal(e.status, 200);
  assert.equal(e.time, sim.clock.now());
  const login1 = sim.requests.list()[0];
  assert.match(login1?.body ?? '', /"username":"admin"/);
  for (let i = 0; i < 10; i++) await sim.fetch('/items', { headers: auth });
  assert.equal(sim.requests.size, 5);
  assert.equal(sim.requests.capacity, 5);
});
