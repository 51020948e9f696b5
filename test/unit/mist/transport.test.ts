// Every call has the core's timeouts, signal and retries (C14 waited forever and retried nothing);
// the simulator's faults (5xx, 429, resets, slow, truncated) arrive over real HTTP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbortError, NetworkError, TimeoutError } from '../../../src/core/index.js';
import { MistClient, MistServiceUnavailableError } from '../../../src/mist/index.js';
import { clockSleep, loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

const fast = { baseDelay: 1, maxDelay: 5 };

test('a slow server meets the per-attempt and total timeouts: TimeoutError naming the operation', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = new MistClient({ mistUri: server.url, email: sim.credentials.email, apiToken: sim.issueToken(), timeout: { attempt: 80, total: 250 }, retry: fast });
  sim.faults.inject({ kind: 'slow', delayMs: 2000, times: 10, match: { method: 'GET', path: '/backends' } });
  const err = await client.backends().catch((e: unknown) => e);
  assert.ok(err instanceof TimeoutError, String(err));
  assert.match(err.message, /MistClient\.updateBackends/);
  sim.faults.clear();
});

test("the client's signal aborts a call in flight: AbortError", async () => {
  const sim = mistSim();
  const server = await served(sim);
  const ctrl = new AbortController();
  const client = await loggedIn(sim, server.url, { signal: ctrl.signal });
  sim.faults.inject({ kind: 'slow', delayMs: 2000, match: { path: '/providers' } });
  const pending = client.supportedProviders();
  setTimeout(() => ctrl.abort(), 30);
  await assert.rejects(pending, AbortError);
  sim.faults.clear();
});

test('idempotent calls ride out 503 bursts, 429 with Retry-After, resets and truncated bodies', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url, { retry: { ...fast, retries: 3 } });
  await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  sim.faults.inject({ kind: 'status', status: 503, times: 2, match: { method: 'GET', path: '/backends' } });
  assert.equal((await client.updateBackends()).size, 1);
  sim.faults.inject({ kind: 'rate-limit', retryAfter: 0, match: { path: '/keys' } });
  sim.faults.inject({ kind: 'reset', match: { path: '/keys' } });
  sim.faults.inject({ kind: 'truncate', bytes: 1, match: { path: '/keys' } });
  assert.equal((await client.updateKeys()).size, 0);
  assert.equal(sim.requests.list().filter((r) => r.path === '/keys').length, 4);
});

test('a machine action (a POST) is not retried: the 503 comes back, in the server\'s text style', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url, { retry: fast, now: () => sim.clock.now() });
  await client.addKey('k', RSA_PEM);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  const m = await backend.createMachine('m', 'k', 'ami-7c807d14', '0', 't1.micro');
  sim.faults.inject({ kind: 'status', status: 503, match: { method: 'POST', path: `/backends/${backend.id}/machines/${m.id}` } });
  const before = sim.requests.size;
  const err = await m.reboot().catch((e: unknown) => e);
  assert.ok(err instanceof MistServiceUnavailableError);
  assert.equal(err.title, 'Service unavailable');
  assert.match(err.detail ?? '', /injected fault/);
  assert.equal(sim.requests.size - before, 1);
  // A reset on a POST is a NetworkError, not a silent second machine.
  sim.faults.inject({ kind: 'reset', match: { method: 'POST', path: `/backends/${backend.id}/machines` } });
  await assert.rejects(backend.createMachine('again', 'k', 'ami-7c807d14', '0', 't1.micro'), NetworkError);
});

test('the waiter: progress on every poll, TimeoutError with the last value, AbortError, transient 5xx ridden out', async () => {
  const sim = mistSim({ transitionMs: 10_000 });
  const server = await served(sim);
  const client = await loggedIn(sim, server.url, { retry: false, now: () => sim.clock.now() });
  await client.addKey('k', RSA_PEM);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  const m = await backend.createMachine('m', 'k', 'ami-7c807d14', '0', 't1.micro');
  const sleep = clockSleep(sim);
  let now = 0;
  const states: string[] = [];
  sim.faults.inject({ kind: 'status', status: 502, match: { method: 'GET', path: `/backends/${backend.id}/machines` } });
  await m.waitForState('running', { interval: 2500, sleep: async (ms) => ((now += ms), sleep(ms)), now: () => now, onProgress: (p) => states.push(p.error ? 'error' : p.value.state) });
  assert.deepEqual(states, ['error', 'pending', 'pending', 'pending', 'running']);
  await m.stop();
  const timeout = await m.waitForState('stopped', { interval: 100, timeout: 300, sleep: async (ms) => void (now += ms), now: () => now }).catch((e: unknown) => e);
  assert.ok(timeout instanceof TimeoutError);
  assert.equal((timeout.lastValue as { state: string }).state, 'pending');
  assert.match(timeout.message, new RegExp(`machine ${m.id} to be stopped`));
  const ctrl = new AbortController();
  const waiting = m.waitForState('stopped', { interval: 50, signal: ctrl.signal });
  setTimeout(() => ctrl.abort(), 20);
  await assert.rejects(waiting, AbortError);
  const silent = await m.waitForState(['stopped', 'terminated'], { interval: 100, timeout: 150, silent: true, sleep: async (ms) => void (now += ms), now: () => now });
  assert.equal(silent.state, 'pending');
});

test('a machine that disappears from the list counts as terminated (providers other than EC2 drop them)', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url, { now: () => sim.clock.now() });
  await client.addKey('k', RSA_PEM);
  const backend = await client.addBackend('do', 'digitalocean', '', 'token');
  const m = await backend.createMachine('m', 'k', 'ubuntu-14-04-x64', 'nyc3', '512mb');
  await m.waitForState('running', { interval: 500, sleep: clockSleep(sim) });
  await m.destroy();
  await m.waitForState('terminated', { interval: 500, sleep: clockSleep(sim) });
  assert.equal(m.state, 'terminated');
  assert.equal((await backend.machines()).has(m.id), false);
  // A predicate works too.
  const other = await backend.createMachine('n', 'k', 'ubuntu-14-04-x64', 'nyc3', '512mb');
  await other.waitForState((info) => info.public_ips?.length === 1 && info.state === 'running', { interval: 500, sleep: clockSleep(sim) });
});
