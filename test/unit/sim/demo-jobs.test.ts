import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DemoJob } from '../../../src/sim/index.js';
import { demoSim, login } from './helpers.js';

test('jobs move queued → running → done on the injected clock', async () => {
  const sim = demoSim({ jobDelayMs: 1000 });
  const auth = await login(sim);
  const created = await sim.fetch('/jobs', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'recount' }) });
  assert.equal(created.status, 202);
  const job = (await created.json()) as DemoJob;
  assert.deepEqual(job, { id: 'job-001', name: 'recount', state: 'queued', progress: 0, createdAt: '2024-01-01T00:00:00.000Z' });
  assert.equal(created.headers.get('location'), '/jobs/job-001');

  const poll = async () => (await (await sim.fetch('/jobs/job-001', { headers: auth })).json()) as DemoJob;
  const timeline: [number, string, number][] = [];
  for (const step of [0, 999, 1, 250, 500, 249, 1, 10_000]) {
    sim.clock.advance(step);
    const j = await poll();
    timeline.push([sim.clock.now() - Date.UTC(2024, 0, 1), j.state, j.progress]);
  }
  assert.deepEqual(timeline, [
    [0, 'queued', 0],
    [999, 'queued', 0],
    [1000, 'running', 0],
    [1250, 'running', 25],
    [1750, 'running', 75],
    [1999, 'running', 99],
    [2000, 'done', 100],
    [12000, 'done', 100],
  ]);
});

test('a job POST without a body works; a zero delay is done on first poll', async () => {
  const sim = demoSim({ jobDelayMs: 0 });
  const auth = await login(sim);
  const created = (await (await sim.fetch('/jobs', { method: 'POST', headers: auth })).json()) as DemoJob;
  assert.equal(created.state, 'queued');
  assert.equal(created.name, 'job');
  const polled = (await (await sim.fetch(`/jobs/${created.id}`, { headers: auth })).json()) as DemoJob;
  assert.equal(polled.state, 'done');
});

test('unknown jobs are 404; bad job bodies 400', async () => {
  const sim = demoSim();
  const auth = await login(sim);
  const missing = await sim.fetch('/jobs/job-404', { headers: auth });
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { code: string }).code, 'NotFound');
  assert.equal((await sim.fetch('/jobs', { method: 'POST', headers: auth, body: '{"name":5}' })).status, 400);
  assert.equal((await sim.fetch('/jobs', { method: 'POST', headers: auth, body: 'nope' })).status, 400);
  assert.throws(() => demoSim({ jobDelayMs: -1 }), RangeError);
  assert.throws(() => demoSim({ pageSize: 0 }), RangeError);
});
