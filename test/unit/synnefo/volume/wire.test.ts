// Every BlockStorageClient and CycladesBlockStorageClient method over real HTTP against the served
// Synnefo simulator: lower-case volume statuses, upper-case snapshot statuses, quota charged and released.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ConfigError, TimeoutError } from '../../../../src/core/index.js';
import { BadRequest, BlockStorageClient, CycladesBlockStorageClient, NotModified, OverLimit } from '../../../../src/synnefo/index.js';
import { cycladesWorld, fast, methodNames, recording, type World } from '../compute/world.js';

const worlds: World[] = [];
after(async () => {
  for (const w of worlds) await w.close();
});

const GiB = 2 ** 30;

test('volume: every BlockStorageClient / CycladesBlockStorageClient method against the simulator', async () => {
  // 60 GB of disk: a 20 GB server root volume, a 10 GB volume, and a 40 GB one that does not fit.
  const world = await cycladesWorld({ quotas: { 'cyclades.disk': 60 * GiB } });
  worlds.push(world);
  const seen = new Set<string>();
  const v = recording(world.volumes, seen);
  const wait = fast(world);
  const diskUsage = async () => {
    const q = await world.astakos.getQuotas();
    return Object.values(q)[0]!['cyclades.disk']!.usage;
  };

  const types = await v.listVolumeTypes();
  const detachable = types.find((t) => t['SNF:detachable'])!;
  assert.equal((await v.getVolumeTypeDetails(detachable.id)).name, detachable.name);

  // OpenStack create without a display name: Cyclades refuses it
  await assert.rejects(BlockStorageClient.prototype.createVolume.call(v, 1, { volumeType: detachable.id }), BadRequest);
  await assert.rejects(v.createVolume(0, 'zero', { volumeType: detachable.id }), ConfigError);
  await assert.rejects(v.createVolume(1, 'no type'), BadRequest, 'without a server a volume type is needed');

  const created = await v.createVolume(10, 'data', { volumeType: detachable.id, metadata: { purpose: 'db' } });
  assert.deepEqual(Object.keys(created).sort(), ['display_name', 'id', 'links'], 'the create reply is not detailed');
  assert.equal((await v.getVolumeDetails(created.id)).status, 'creating');
  assert.equal(await diskUsage(), 10 * GiB, 'charged at once');
  await assert.rejects(v.waitVolumeUntil(created.id, 'available', { ...wait, timeout: 200 }), TimeoutError);
  assert.equal((await v.waitVolume(created.id, wait)).status, 'available');
  assert.equal((await v.waitVolumeWhile(created.id, 'creating', wait)).status, 'available');
  assert.deepEqual(await v.getVolumeStatus(created.id), ['available', null]);
  const id = created.id;

  const before = new Date(world.clock.now());
  world.clock.advance(1000);
  await assert.rejects(v.listVolumes(true, { changesSince: new Date(world.clock.now()) }), NotModified);
  assert.equal((await v.updateVolume(id, { displayName: 'data-1', displayDescription: 'pg', deleteOnTermination: false })).display_name, 'data-1');
  assert.equal((await v.updateVolume(id)).display_name, 'data-1', 'nothing to change: a read');
  assert.deepEqual(((await v.listVolumes(true, { changesSince: before })) as { id: string }[]).map((x) => x.id), [id]);
  assert.equal((await v.listVolumes()).length, 1);

  // a server, its root volume, attach
  const [image] = await world.compute.listImages();
  const server = await world.compute.createServer('vm', 1, image!.id, { networks: [] });
  await world.compute.waitServerUntil(server.id, 'ACTIVE', wait);
  assert.equal(await diskUsage(), 30 * GiB);
  await assert.rejects(v.createVolume(40, 'too big', { volumeType: detachable.id }), OverLimit);
  assert.equal(await diskUsage(), 30 * GiB, 'a refused create leaves the quota as it was');
  await world.compute.attachVolume(server.id, id);
  assert.equal((await v.getVolumeDetails(id)).status, 'attaching');
  const inUse = await v.waitVolumeUntil(id, 'in_use', wait);
  assert.deepEqual(inUse.attachments?.map((a) => a.server_id), [String(server.id)]);

  // snapshots: upper-case statuses; force at the top level
  const snap = await v.createSnapshot(id, { displayName: 'before upgrade' });
  assert.equal(snap.status, 'CREATING');
  const plain = await BlockStorageClient.prototype.createSnapshot.call(v, id, { force: true });
  assert.equal(plain.display_name, `Snapshot of volume '${id}'`);
  world.clock.advance(2000);
  assert.equal((await v.getSnapshotDetails(snap.id)).status, 'AVAILABLE');
  assert.equal((await v.getSnapshotDetails(snap.id))['os-extended-snapshot-attribute:progress'], '100%');
  assert.equal((await v.updateSnapshot(snap.id, { displayDescription: 'pre-upgrade' })).display_description, 'pre-upgrade');
  assert.equal((await v.updateSnapshot(snap.id)).display_name, 'before upgrade');
  assert.equal((await v.listSnapshots()).length, 2);
  assert.equal(((await v.listSnapshots(true)) as { status: string }[])[0]!.status, 'AVAILABLE');
  await v.deleteSnapshot(plain.id);
  assert.equal((await v.listSnapshots()).length, 1);

  // a volume created on the server, from the snapshot
  const onServer = await v.createVolume(10, 'from-snap', { serverId: server.id, snapshotId: snap.id });
  assert.equal((await v.waitVolumeUntil(onServer.id, 'in_use', wait)).snapshot_id, snap.id);
  await v.deleteSnapshot(snap.id);

  // reassign within the user's projects
  const project = world.sim.users[0]!.defaultProject;
  await v.reassignVolume(id, project, { sharedToProject: false });

  // detach, delete: quota released
  await world.compute.deleteVolumeAttachment(server.id, id);
  await v.waitVolumeUntil(id, 'available', wait);
  await v.deleteVolume(id);
  assert.equal((await v.getVolumeDetails(id).catch((e: unknown) => e)) instanceof Error, false, 'deleting takes a moment');
  world.clock.advance(2000);
  await assert.rejects(v.getVolumeDetails(id), (e: { status?: number }) => e.status === 404);
  await world.compute.deleteServer(server.id);
  await world.compute.waitServerUntil(server.id, 'DELETED', wait);
  assert.equal(await diskUsage(), 0, 'the server, its root volume and the volume on it are released');

  const methods = [...new Set([...methodNames(BlockStorageClient.prototype, ['where']), ...methodNames(CycladesBlockStorageClient.prototype)])];
  assert.deepEqual(methods.filter((m) => !seen.has(m)), [], 'every facade method was exercised');
});
