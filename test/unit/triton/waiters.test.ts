// Issue 12, "Triton waiters": a waiter for every asynchronous change (audit-based where nothing
// visible changes, protocols §6.9), each taking { interval, timeout, signal, onProgress }, and every
// poll carrying the wait's signal and remaining time so an in-flight poll ends with the wait.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbortError, ConfigError, TimeoutError } from '../../../src/core/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { DataCenter, TritonJobError } from '../../../src/triton/index.js';
import { wireKeys } from './fixtures.js';
import { clockSleep, dcFor, tritonSim } from './helpers.js';

const [rsa] = wireKeys() as [ReturnType<typeof wireKeys>[number]];

async function setup(timing: { transitionMs?: number; asyncMs?: number } = {}) {
  const sim = tritonSim({ keys: [rsa.publicLine], transitionMs: 1000, asyncMs: 500, ...timing });
  const dc = dcFor(sim, rsa);
  const m = await dc.createMachine({ name: 'w', package: 'sample-512M', image: TRITON_SEED.image.base });
  const wait = { interval: 100, sleep: clockSleep(sim), now: () => sim.clock.now() };
  await m.waitFor('running', wait);
  return { sim, dc, m, wait };
}

test('waitForReboot finds the reboot job in MachineAudit (the state never leaves running), reporting each poll', async () => {
  const { sim, dc, m, wait } = await setup();
  await m.reboot();
  const polls: { attempt: number; done: boolean }[] = [];
  const entry = await m.waitForReboot({ ...wait, onProgress: (p) => polls.push({ attempt: p.attempt, done: p.done }) });
  assert.equal(entry.action, 'reboot');
  assert.equal(entry.success, 'yes');
  assert.ok(Date.parse(entry.time) >= dc.changes.get(m.id)! + 1000 - 1000, 'finished after the reboot was sent');
  assert.ok(polls.length >= 2 && polls.slice(0, -1).every((p) => !p.done), `polled until the job was done (${polls.length} polls)`);
  assert.deepEqual(polls.at(-1), { attempt: polls.length, done: true });
  assert.equal((await dc.getMachine(m.id)).state, 'running');
  // A second reboot needs a new job: the first one's entry does not count.
  sim.clock.advance(1000);
  await dc.rebootMachine(m.id);
  const second = await dc.waitForReboot(m.id, wait);
  assert.notEqual(second.time, entry.time);
});

test('a job that failed throws TritonJobError; an audit wait with nothing sent and no `since` is a ConfigError', async () => {
  const { sim, dc, m, wait } = await setup();
  await dc.rebootMachine(m.id);
  const job = sim.state.machines.get(m.id)!.jobs.at(-1)!;
  job.success = 'no';
  await assert.rejects(m.waitForReboot(wait), (e: unknown) => e instanceof TritonJobError && e.action === 'reboot' && e.id === m.id && /reboot of .* failed/.test(e.message));
  const fresh = dcFor(sim, rsa);
  await assert.rejects(fresh.waitForReboot(m.id, wait), (e: unknown) => e instanceof ConfigError && /pass since/.test(e.message));
  assert.equal((await fresh.waitForMachineAudit(m.id, 'provision', { ...wait, since: 0 })).action, 'provision');
});

test('rename, resize, metadata and tags waiters wait for the change to be visible', async () => {
  const { dc, m, wait } = await setup();
  await m.rename('renamed');
  assert.equal((await dc.getMachine(m.id)).name, 'w', 'not yet');
  assert.equal((await m.waitForRename('renamed', wait)).name, 'renamed');
  assert.equal(m.name, 'renamed', 'the Machine follows');
  await m.resize('sample-4G');
  assert.equal((await m.waitForResize(TRITON_SEED.package.large, wait)).memory, 4096);
  await m.updateMetadata({ a: '1', b: '2' });
  assert.deepEqual(await m.waitForMetadata({ a: '1', b: '2' }, wait), { a: '1', b: '2' });
  await dc.deleteMachineMetadata(m.id, 'a');
  assert.deepEqual(await dc.waitForMetadata(m.id, { a: null, b: '2' }, wait), { b: '2' });
  assert.equal((await m.waitForAudit('remove_metadata', wait)).action, 'remove_metadata');
  await m.addTags({ role: 'web', n: 3 });
  assert.deepEqual(await m.waitForTags({ role: 'web', n: 3 }, wait), { role: 'web', n: 3 });
  await m.deleteAllTags();
  assert.deepEqual(await dc.waitForTags(m.id, (tags) => Object.keys(tags).length === 0, wait), {});
  await assert.rejects(dc.waitForMetadata(m.id, 'x' as never, wait), ConfigError);
});

test('snapshot, image, volume and disk waiters: created and deleted, and a timeout names what was awaited', async () => {
  const { sim, dc, m, wait } = await setup();
  const snap = await m.createSnapshot('s1');
  assert.equal((await snap.waitFor('created', wait)).state, 'created');
  await snap.delete();
  assert.equal(await m.waitForSnapshot('s1', 'deleted', wait), undefined);
  await m.stop();
  await m.waitFor('stopped', wait);
  const img = await dc.createImageFromMachine({ machine: m.id, name: 'img', version: '1' });
  assert.equal((await dc.waitForImage(img.id, 'active', wait))!.state, 'active');
  const vol = await dc.createVolume({ name: 'v1' } as never);
  assert.equal((await dc.waitForVolume(vol.id, 'ready', wait))!.state, 'ready');
  await dc.deleteVolume(vol.id);
  assert.equal(await dc.waitForVolume(vol.id, 'deleted', wait), undefined);
  const vm = await dc.createMachine({ name: 'vm', package: TRITON_SEED.package.flexible, image: TRITON_SEED.image.bhyve });
  await vm.waitFor('running', wait);
  await vm.stop();
  await vm.waitFor('stopped', wait);
  const disk = await vm.createDisk(512);
  assert.equal((await vm.waitForDisk(disk.id, { size: 512 }, wait))!.state, 'stopped');
  await vm.resizeDisk(disk.id, 1024);
  assert.equal((await dc.waitForDisk(vm.id, disk.id, { size: 1024 }, wait))!.size, 1024);
  await vm.deleteDisk(disk.id);
  assert.equal(await vm.waitForDisk(disk.id, 'deleted', wait), undefined);
  // A wait that runs out throws TimeoutError naming the wait, with the last value seen.
  await assert.rejects(m.waitForRename('never', { ...wait, timeout: 1000 }), (e: unknown) => e instanceof TimeoutError && /machine .* to be named never/.test(e.message));
  sim.clock.advance(0);
});

test('each poll gets the wait signal: a poll in flight is aborted when the wait times out or is aborted', async () => {
  const { sim, m } = await setup({ transitionMs: 50, asyncMs: 20 });
  const signals: AbortSignal[] = [];
  const dc = new DataCenter({
    url: sim.url,
    account: 'demo',
    key: rsa.formats.openssh!,
    now: () => sim.clock.now(),
    fetch: (req: Request) => {
      signals.push(req.signal);
      return sim.fetch(req);
    },
  });
  const machine = await dc.machine(m.id);
  // Every GetMachine is slow (real time): the wait's 300 ms deadline falls inside the first poll.
  sim.faults.inject({ kind: 'slow', delayMs: 5000, times: Infinity, match: { path: new RegExp(`/machines/${m.id}$`) } });
  const started = Date.now();
  await assert.rejects(machine.waitFor('stopped', { timeout: 300, interval: 50 }), TimeoutError);
  assert.ok(Date.now() - started < 2000, 'the wait ended at its deadline');
  assert.equal(signals.at(-1)!.aborted, true, 'the poll in flight was cancelled');
  // The same for a DataCenter waiter, ended by the caller's signal.
  const ctrl = new AbortController();
  setTimeout(() => ctrl.abort(), 200);
  await assert.rejects(dc.waitForRename(m.id, 'never', { signal: ctrl.signal, interval: 50 }), AbortError);
  assert.equal(signals.at(-1)!.aborted, true);
  sim.faults.clear();
});

test('waitForMachineState: a machine that is gone (410) counts as deleted', async () => {
  const { dc, m, wait } = await setup();
  await dc.deleteMachine(m.id);
  const data = await dc.waitForMachineState(m.id, 'deleted', wait);
  assert.equal(data.state, 'deleted');
  assert.equal(data.id, m.id);
  assert.equal((await dc.waitForMachineState(m.id, 'deleted', wait)).state, 'deleted', 'again, on a deleted machine');
});
