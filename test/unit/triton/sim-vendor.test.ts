// Issue 12, "Triton simulator": what Joyent's own clients (node-triton, node-smartdc) rely on and
// the simulator got wrong. Each test pins one behaviour of the real CloudAPI (sdc-cloudapi 9.20:
// lib/audit.js, lib/auth.js, lib/resources.js, lib/migrations.js, lib/datasets.js, lib/docs.js,
// lib/machines.js) and failed before the fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../../src/sim/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { wireKeys } from './fixtures.js';
import { dcFor, rawSigned, tritonSim } from './helpers.js';

const [rsa, ec, ed] = wireKeys() as [ReturnType<typeof wireKeys>[number], ReturnType<typeof wireKeys>[number], ReturnType<typeof wireKeys>[number]];
type Entry = { action: string; success: string; time: string; id?: unknown };

/** A simulator on a manual clock: every job finishes exactly when the test says. */
function manualSim(extra: Parameters<typeof tritonSim>[0] = {}) {
  return tritonSim({ clock: createClock(Date.parse('2025-03-01T12:00:00.250Z')), transitionMs: 1000, asyncMs: 400, keys: [rsa.publicLine], ...extra });
}

async function running(sim: ReturnType<typeof manualSim>) {
  const dc = dcFor(sim, rsa);
  const m = await dc.createMachine({ name: 'web', package: 'sample-512M', image: TRITON_SEED.image.base });
  sim.clock.advance(1000);
  return { dc, m };
}

test('MachineAudit lists only finished jobs, stamped with their finish time, under CloudAPI action names', async () => {
  const sim = manualSim();
  const { dc, m } = await running(sim);
  const audit = async () => (await (await rawSigned(sim, rsa, `/my/machines/${m.id}/audit`)).json()) as Entry[];
  const sent = sim.clock.now();
  await dc.rebootMachine(m.id);
  // The reboot job is under way: nothing new is listed, in particular no `success: "no"` entry.
  assert.deepEqual((await audit()).map((a) => a.action), ['provision']);
  sim.clock.advance(999);
  assert.deepEqual((await audit()).map((a) => a.action), ['provision']);
  sim.clock.advance(1);
  const [reboot] = await audit();
  assert.deepEqual({ ...reboot, caller: undefined }, { action: 'reboot', success: 'yes', time: new Date(sent + 1000).toISOString(), caller: undefined });
  // node-triton compares audit times with the Date of the RebootMachine reply.
  const res = await rawSigned(sim, rsa, `/my/machines/${m.id}?action=reboot`, { method: 'POST' });
  assert.equal(res.headers.get('date'), new Date(sim.clock.now()).toUTCString());

  // Every kind of change, named as lib/audit.js translates VMAPI jobs.
  sim.clock.advance(1000);
  const step = async (f: () => Promise<unknown>) => {
    await f();
    sim.clock.advance(1000);
  };
  await step(() => dc.updateMachineMetadata(m.id, { a: '1' }));
  await step(() => dc.deleteMachineMetadata(m.id, 'a'));
  await step(() => dc.deleteAllMachineMetadata(m.id));
  await step(() => dc.addMachineTags(m.id, { t: '1' }));
  await step(() => dc.replaceMachineTags(m.id, { u: '2' }));
  await step(() => dc.deleteMachineTag(m.id, 'u'));
  await step(() => dc.createMachineSnapshot(m.id, 's1'));
  await step(() => dc.startMachineFromSnapshot(m.id, 's1'));
  await step(() => dc.deleteMachineSnapshot(m.id, 's1'));
  await step(() => dc.renameMachine(m.id, 'web-2'));
  await step(() => dc.resizeMachine(m.id, 'sample-1G'));
  await step(() => dc.enableMachineDeletionProtection(m.id));
  const entries = await audit();
  assert.deepEqual(entries.map((a) => a.action), [
    'enable_deletion_protection', 'resize', 'rename', 'delete_snapshot', 'rollback_snapshot', 'create_snapshot', 'remove_tags', 'replace_tags',
    'set_tags', 'replace_metadata', 'remove_metadata', 'set_metadata', 'reboot', 'reboot', 'provision',
  ]);
  assert.ok(entries.every((a) => a.success === 'yes'));
  const times = entries.map((a) => Date.parse(a.time));
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
  // The changes are visible once their jobs are done.
  const after = (await dc.getMachine(m.id)) as { name: string; package: string; deletion_protection: boolean };
  assert.deepEqual([after.name, after.package, after.deletion_protection], ['web-2', 'sample-1G', true]);
});

test('a pending change is not visible and not audited until its job is done (rename, snapshot delete)', async () => {
  const sim = manualSim();
  const { dc, m } = await running(sim);
  await dc.renameMachine(m.id, 'renamed');
  assert.equal((await dc.getMachine(m.id)).name, 'web');
  sim.clock.advance(400);
  assert.equal((await dc.getMachine(m.id)).name, 'renamed');
  await dc.createMachineSnapshot(m.id, 'snap');
  sim.clock.advance(1000);
  await dc.deleteMachineSnapshot(m.id, 'snap');
  assert.equal((await dc.getMachineSnapshot(m.id, 'snap')).state, 'deleted');
  assert.ok(!(await dc.machineAudit(m.id)).some((a) => a.action === 'delete_snapshot'));
  sim.clock.advance(400);
  assert.equal((await rawSigned(sim, rsa, `/my/machines/${m.id}/snapshots/snap`)).status, 404);
  assert.equal((await dc.machineAudit(m.id))[0]!.action, 'delete_snapshot');
});

test('RBAC: role tags come back in the role-tag header; a sub-user needs an active role tagged on the resource', async () => {
  const sim = manualSim({ keys: undefined, accounts: [{ login: 'demo', keys: [rsa.publicLine], users: [{ login: 'alice', keys: [ed.publicLine] }] }] });
  const owner = dcFor(sim, rsa);
  const alice = `/demo/users/alice/keys/${ed.md5}`;
  await owner.createPolicy({ name: 'read', rules: ['CAN listmachines AND getmachine'] });
  await owner.createRole({ name: 'readers', policies: ['read'], members: [{ type: 'subuser', login: 'alice', default: true }] as never });
  await owner.createRole({ name: 'ops', policies: ['read'], members: [{ type: 'subuser', login: 'alice', default: false }] as never });
  // A role that allows the action is not enough: the resource must carry it.
  assert.equal((await rawSigned(sim, ed, '/demo/machines', { keyId: alice })).status, 403);
  await owner.setRoleTags('machines', ['readers']);
  const list = await rawSigned(sim, ed, '/demo/machines', { keyId: alice });
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('role-tag'), 'readers');
  // A machine keeps its own tags: GetMachine needs the machine tagged.
  const m = await owner.createMachine({ name: 'db', package: 'sample-512M', image: TRITON_SEED.image.base });
  assert.equal((await rawSigned(sim, ed, `/demo/machines/${m.id}`, { keyId: alice })).status, 403);
  await owner.setRoleTags(`machines/${m.id}`, ['readers', 'ops']);
  const got = await rawSigned(sim, rsa, `/my/machines/${m.id}`);
  assert.equal(got.headers.get('role-tag'), 'readers,ops');
  assert.equal((await rawSigned(sim, ed, `/demo/machines/${m.id}`, { keyId: alice })).status, 200);
  // A non-default role counts only when named with as-role; a role the user is not in is refused.
  await owner.setRoleTags('machines', ['ops']);
  assert.equal((await rawSigned(sim, ed, '/demo/machines', { keyId: alice })).status, 403);
  assert.equal((await rawSigned(sim, ed, '/demo/machines?as-role=ops', { keyId: alice })).status, 200);
  await owner.createRole({ name: 'admins', policies: ['read'], members: [] });
  assert.equal((await rawSigned(sim, ed, '/demo/machines?as-role=admins', { keyId: alice })).status, 403);
  // The account itself is never held to roles.
  assert.equal((await rawSigned(sim, rsa, '/my/keys')).status, 200);
});

test('volumes: CreateMachine with volumes fills refs; deleting or renaming a mounted volume is 409 VolumeInUse', async () => {
  const sim = manualSim();
  const dc = dcFor(sim, rsa);
  const vol = await dc.createVolume({ name: 'data', type: 'tritonnfs' } as never);
  sim.clock.advance(1000);
  const m = await dc.createMachine({ name: 'nfs', package: 'sample-512M', image: TRITON_SEED.image.base, volumes: [{ name: 'data', type: 'tritonnfs', mode: 'rw', mountpoint: '/data' }] as never });
  assert.deepEqual((await dc.getVolume(vol.id)).refs, [m.id]);
  for (const res of [
    await rawSigned(sim, rsa, `/my/volumes/${vol.id}`, { method: 'DELETE' }),
    await rawSigned(sim, rsa, `/my/volumes/${vol.id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"other"}' }),
  ]) {
    assert.equal(res.status, 409);
    const err = (await res.json()) as { code: string; message: string };
    assert.equal(err.code, 'VolumeInUse');
    assert.match(err.message, new RegExp(m.id));
  }
  const bad = await rawSigned(sim, rsa, '/my/machines', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ package: 'sample-512M', image: TRITON_SEED.image.base, volumes: [{ name: 'data', mountpoint: 'relative' }] }) });
  assert.equal(((await bad.json()) as { code: string }).code, 'InvalidArgument');
  // Once the machine is destroyed the volume is free.
  sim.clock.advance(1000);
  await dc.deleteMachine(m.id);
  sim.clock.advance(1000);
  assert.deepEqual((await dc.getVolume(vol.id)).refs, []);
  await dc.deleteVolume(vol.id);
  assert.equal((await dc.getVolume(vol.id)).state, 'deleting');
  sim.clock.advance(1000);
  const gone = await rawSigned(sim, rsa, `/my/volumes/${vol.id}`);
  assert.equal(((await gone.json()) as { code: string }).code, 'VolumeNotFound');
});

test('migrations: progress_history entries carry started_timestamp and duration_ms; a watch does not replay history', async () => {
  const sim = manualSim();
  const { dc, m } = await running(sim);
  const begun = await dc.migrate(m.id, 'begin');
  assert.equal(begun.state, 'running');
  sim.clock.advance(1000);
  const mig = await dc.getMigration(m.id);
  assert.equal(mig.state, 'paused');
  const [first] = mig.progress_history!;
  assert.equal(first!.phase, 'begin');
  assert.equal(first!.duration_ms, 1000);
  assert.equal(Date.parse(String(first!.finished_timestamp)) - Date.parse(String(first!.started_timestamp)), 1000);
  await dc.migrate(m.id, 'sync');
  sim.clock.advance(300);
  // Watching mid-step: the step under way, not the finished begin phase.
  const events = await dc.watchMigration(m.id);
  assert.ok(events.length >= 1);
  assert.ok(events.every((e) => e.phase === 'sync'), JSON.stringify(events));
  assert.equal(events[0]!.state, 'running');
  sim.clock.advance(700);
  const done = await dc.watchMigration(m.id);
  assert.deepEqual(done.map((e) => e.type), ['end'], 'nothing left to replay once the step is over');
  assert.equal((await dc.getMigration(m.id)).progress_history!.length, 2);
  assert.equal((await dc.listMigrations())[0]!.progress_history!.length, 2);
});

test('ListMachines: any truthy tombstone lists destroyed machines (lib/machines.js tests !req.params.tombstone)', async () => {
  const sim = manualSim();
  const { dc, m } = await running(sim);
  await dc.deleteMachine(m.id);
  sim.clock.advance(1000);
  for (const value of ['1', '30', 'true']) {
    const res = await rawSigned(sim, rsa, `/my/machines?tombstone=${value}`);
    assert.equal(res.status, 200, value);
    assert.equal(((await res.json()) as unknown[]).length, 1, value);
  }
  assert.equal(((await (await rawSigned(sim, rsa, '/my/machines')).json()) as unknown[]).length, 0);
});

test('images: raw IMGAPI types for ~8/~9, smartmachine/virtualmachine below 8 (the type filter translated too)', async () => {
  const sim = manualSim();
  const typesOf = async (range: string, query = '') =>
    ((await (await rawSigned(sim, rsa, `/my/images${query}`, { headers: { 'accept-version': range } })).json()) as { name: string; type: string }[]).map((i) => `${i.name}:${i.type}`);
  assert.deepEqual(await typesOf('~9||~8'), ['base-64-lts:zone-dataset', 'ubuntu-22.04:lx-dataset', 'ubuntu-certified-22.04:zvol']);
  assert.deepEqual(await typesOf('~7.2'), ['base-64-lts:smartmachine', 'ubuntu-22.04:smartmachine', 'ubuntu-certified-22.04:virtualmachine']);
  assert.deepEqual(await typesOf('~7.2', '?type=virtualmachine'), ['ubuntu-certified-22.04:virtualmachine']);
  assert.equal((await rawSigned(sim, rsa, '/my/images?type=bogus', { headers: { 'accept-version': '~7.2' } })).status, 409);
  const one = (await (await rawSigned(sim, rsa, `/my/images/${TRITON_SEED.image.bhyve}`, { headers: { 'accept-version': '~7' } })).json()) as { type: string };
  assert.equal(one.type, 'virtualmachine');
});

test('GET / redirects to the documentation without authentication (lib/docs.js)', async () => {
  const sim = manualSim();
  const root = await sim.fetch('/', { redirect: 'manual' });
  assert.equal(root.status, 302);
  assert.equal(root.headers.get('location'), 'http://apidocs.joyent.com/cloudapi/');
  assert.equal((await sim.fetch('/docs', { redirect: 'manual' })).status, 302);
});

test('/my/datasets answers 405: the route is gone, only the SetRoleTags PUT matches the path', async () => {
  const sim = manualSim();
  const datasets = await rawSigned(sim, rsa, '/my/datasets');
  assert.equal(datasets.status, 405);
  assert.equal(datasets.headers.get('allow'), 'PUT');
  assert.equal(((await datasets.json()) as { code: string }).code, 'MethodNotAllowed');
});

test('ListMachines type=bogus is 409 InvalidArgument', async () => {
  const sim = manualSim();
  const bogus = await rawSigned(sim, rsa, '/my/machines?type=bogus');
  assert.equal(bogus.status, 409);
  assert.deepEqual(await bogus.json(), { code: 'InvalidArgument', message: 'bogus is not a valid type' });
  assert.equal((await rawSigned(sim, rsa, '/my/machines?type=virtualmachine')).status, 200);
});

test('a fabric network created without a gateway has none', async () => {
  const sim = manualSim();
  const dc = dcFor(sim, rsa);
  const net = await dc.createFabricNetwork(2, { name: 'isolated', subnet: '10.9.0.0/24', provision_start_ip: '10.9.0.5', provision_end_ip: '10.9.0.250' });
  assert.equal(net.gateway, undefined);
  assert.equal('gateway' in (await dc.getFabricNetwork(2, net.id)), false);
  const routed = await dc.createFabricNetwork(2, { name: 'routed', subnet: '10.10.0.0/24', provision_start_ip: '10.10.0.5', provision_end_ip: '10.10.0.250', gateway: '10.10.0.1' });
  assert.equal(routed.gateway, '10.10.0.1');
});

test('a duplicate key is refused with a message naming what collides (fingerprint or name)', async () => {
  const sim = manualSim({ keys: [rsa.publicLine, ec.publicLine] });
  const post = (body: unknown) => rawSigned(sim, rsa, '/my/keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const dupKey = await post({ name: 'again', key: ec.publicLine });
  assert.equal(dupKey.status, 409);
  assert.match(((await dupKey.json()) as { message: string }).message, new RegExp(`^key ${ec.md5} already exists \\(named "ecdsa-p256"\\)$`));
  const dupName = await post({ name: 'ecdsa-p256', key: ed.publicLine });
  assert.equal(dupName.status, 409);
  assert.match(((await dupName.json()) as { message: string }).message, /^a key named "ecdsa-p256" already exists \(fingerprint [0-9a-f:]{47}\)$/);
});
