// Issue 8 §2, the Triton cases by name, end to end against the simulator: `deleteMachineTag(id, '..')`
// deleted the machine, `deleteMachineTag(id, '.')` every tag, `deleteMachine({})` sent
// `DELETE /demo/machines/`, `opskit triton instance get .` exited 0. Each is now a ConfigError (for
// the CLI a usage error: exit 2, one line) and nothing reaches the server; so are the places where the facade
// builds a path itself (pre-signed VNC URLs, role-tag resources, a Machine without an id).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { ConfigError, ResponseError } from '../../../src/core/index.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { DataCenter, Machine } from '../../../src/triton/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { tritonSim } from './helpers.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function setup() {
  const sim = tritonSim();
  const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, now: () => sim.clock.now(), ...sim.credentials });
  const m = await dc.createMachine({ name: 'target', package: 'sample-512M', image: TRITON_SEED.image.base, tags: { role: 'web', env: 'prod' } });
  await m.waitFor('running', { interval: 100, sleep: async (ms) => void sim.clock.advance(ms), now: () => sim.clock.now() });
  return { sim, dc, m };
}

/** Rejects (or throws) a ConfigError naming `op`, and nothing reached the simulator. */
async function refusedBeforeSending(sim: ReturnType<typeof tritonSim>, op: string, call: () => unknown): Promise<void> {
  const before = sim.requests.list().length;
  await assert.rejects(async () => call(), (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${op}:`) && /nothing was (sent|signed)/.test(e.message));
  assert.equal(sim.requests.list().length, before, `${op}: nothing reached the simulator`);
}

test("deleteMachineTag(id, '..') and (id, '.'), deleteMachine({}): ConfigErrors, and the machine and its tags survive", async () => {
  const { sim, dc, m } = await setup();
  await refusedBeforeSending(sim, 'deleteMachineTag', () => dc.deleteMachineTag(m.id, '..'));
  await refusedBeforeSending(sim, 'deleteMachineTag', () => dc.deleteMachineTag(m.id, '.'));
  await refusedBeforeSending(sim, 'deleteMachineTag', () => m.deleteTag('..'));
  await refusedBeforeSending(sim, 'deleteMachine', () => dc.deleteMachine({} as never));
  await refusedBeforeSending(sim, 'deleteMachine', () => dc.deleteMachine('..'));
  await refusedBeforeSending(sim, 'deleteMachine', () => dc.deleteMachine(`${m.id}/../..`));
  sim.clock.advance(10_000);
  assert.equal((await dc.getMachine(m.id)).state, 'running');
  assert.deepEqual(await dc.listMachineTags(m.id), { role: 'web', env: 'prod' });
});

test('pre-signed VNC URLs check the machine id like every other path (a signed URL for another resource is never made)', async () => {
  const { sim, dc, m } = await setup();
  for (const bad of ['..', '.', '', 'a/../b', '?x', '#x', 'a\r\nb']) {
    await refusedBeforeSending(sim, 'connectMachineVNC', () => dc.vncUrl(bad));
  }
  await refusedBeforeSending(sim, 'connectMachineVNC', () => dc.vncUrl({} as never));
  assert.equal(new URL(await dc.vncUrl(m.id)).pathname, `/demo/machines/${m.id}/vnc`);
});

test('a Machine needs a usable id: a caller-built one is a ConfigError, a server reply without one a ResponseError', async () => {
  const { sim, dc } = await setup();
  assert.throws(() => new Machine(dc, {} as never), (e: unknown) => e instanceof ConfigError && /new Machine\(\): the machine's id is missing/.test(e.message));
  assert.throws(() => new Machine(dc, { id: '..' } as never), /new Machine\(\): the machine's id is "\.\."/);
  assert.throws(() => new Machine(dc, null as never), /not an object/);
  // A server (or a proxy in front of it) that answers CreateMachine without an id.
  const idless = new DataCenter({
    url: sim.url, now: () => sim.clock.now(), ...sim.credentials,
    fetch: async (r: Request) => {
      const res = await sim.fetch(r);
      if (r.method !== 'POST' || !new URL(r.url).pathname.endsWith('/machines')) return res;
      const { id: _id, ...rest } = (await res.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(rest), { status: res.status, headers: res.headers });
    },
  });
  await assert.rejects(idless.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base }), (e: unknown) => e instanceof ResponseError && /createMachine/.test(e.message));
});

test('setRoleTags and resizeMachine: malformed resources and packages are ConfigErrors, not URIErrors or empty ids', async () => {
  const { sim, dc, m } = await setup();
  await refusedBeforeSending(sim, 'setRoleTags', () => dc.setRoleTags('machines/%E0%A4%A', ['ops']));
  await refusedBeforeSending(sim, 'setMachineRoleTags', () => dc.setRoleTags('machines/%2e%2e', ['ops']));
  await refusedBeforeSending(sim, 'DataCenter.resizeMachine()', () => dc.resizeMachine(m.id, {}));
});

test('opskit triton instance get . exits non-zero with one clear line, and sends nothing', async () => {
  const sim = tritonSim();
  const served = await serve(sim);
  servers.push(served);
  const f = fakeIo({ env: { TRITON_URL: served.url, SDC_ACCOUNT: 'demo' }, files: { '/keys/id': sim.credentials.key! } });
  for (const id of ['.', '..']) {
    const before = sim.requests.list().length;
    const code = await runCli(['triton', 'instance', 'get', id, '--key-file', '/keys/id'], f.io);
    assert.equal(code, 2, 'a bad identifier is a mistake in the command line');
    assert.equal(sim.requests.list().length, before, 'nothing reached the server');
  }
  const lines = f.stderr().trimEnd().split('\n');
  assert.equal(lines.length, 2, 'one line per failed command');
  for (const line of lines) assert.match(line, /^opskit: not an instance: the name or id is "\.{1,2}", which would change the request's target; nothing was sent$/);
  assert.equal(f.stdout(), '');
});
