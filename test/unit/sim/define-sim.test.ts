import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock, createCollection, createSimApp, defineSim, SimError, type Sim } from '../../../src/sim/index.js';

interface Widget {
  id: string;
  n: number;
}

function widgetSim() {
  return defineSim(
    'widgets',
    (ctx) => {
      const app = createSimApp(ctx.errorBody);
      app.get('/widgets', (c) => c.json({ now: ctx.clock.now(), widgets: ctx.state.widgets.list() }));
      app.get('/teapot', () => {
        throw new SimError(418, 'Teapot', 'short and stout');
      });
      app.get('/crash', () => {
        throw new Error('boom');
      });
      return app;
    },
    {
      state: { widgets: createCollection<Widget>() },
      credentials: { apiKey: 'k' },
      clock: createClock(5),
      requestLogSize: 10,
      errorBody: (status, code, message) => ({ error: { status, code, message } }),
    },
  );
}

test('defineSim wires state, credentials, clock and routes', async () => {
  const sim = widgetSim();
  sim.state.widgets.insert({ n: 1 });
  assert.equal(sim.name, 'widgets');
  assert.equal(sim.url, 'http://widgets.sim.invalid');
  assert.deepEqual(sim.credentials, { apiKey: 'k' });
  const res = await sim.fetch('/widgets');
  assert.deepEqual(await res.json(), { now: 5, widgets: [{ id: '1', n: 1 }] });
  // Absolute URLs, URL objects and Request objects all work, with any host.
  assert.equal((await sim.fetch(new URL('https://elsewhere.example/widgets'))).status, 200);
  assert.equal((await sim.fetch(new Request('http://x/widgets'))).status, 200);
  const unbound = sim.fetch;
  assert.equal((await unbound('/widgets')).status, 200);
  const asSim: Sim = sim;
  assert.equal(asSim.requests.capacity, 10);
});

test('errors use the family error shape: SimError, unknown route, crash, fault', async () => {
  const sim = widgetSim();
  const teapot = await sim.fetch('/teapot');
  assert.equal(teapot.status, 418);
  assert.deepEqual(await teapot.json(), { error: { status: 418, code: 'Teapot', message: 'short and stout' } });
  const missing = await sim.fetch('/missing');
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'NotFound');
  const crash = await sim.fetch('/crash');
  assert.equal(crash.status, 500);
  assert.equal(((await crash.json()) as { error: { code: string } }).error.code, 'InternalError');
  sim.faults.inject({ kind: 'status', status: 504 });
  assert.deepEqual(await (await sim.fetch('/widgets')).json(), {
    error: { status: 504, code: 'GatewayTimeout', message: 'injected fault: 504 GatewayTimeout' },
  });
});

test('handle() describes resets and truncations for transports', async () => {
  const sim = widgetSim();
  sim.faults.inject({ kind: 'reset' });
  assert.deepEqual(await sim.handle(new Request('http://x/widgets')), { type: 'reset' });
  sim.faults.inject({ kind: 'truncate', bytes: 3 });
  const outcome = await sim.handle(new Request('http://x/widgets'));
  assert.equal(outcome.type, 'truncate');
  if (outcome.type === 'truncate') {
    assert.equal(outcome.bytes, 3);
    assert.equal(outcome.status, 200);
    assert.equal(new TextDecoder().decode(outcome.body), JSON.stringify({ now: 5, widgets: [] }));
  }
  const normal = await sim.handle(new Request('http://x/widgets'));
  assert.equal(normal.type, 'response');
});
