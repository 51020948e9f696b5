// Every ComputeClient and CycladesComputeClient method over real HTTP against the served Synnefo
// simulator; a recorder proves none was skipped. Statuses move on the simulator's manual clock.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TimeoutError } from '../../../../src/core/index.js';
import { BadRequest, ClientError, ComputeClient, CycladesComputeClient, CycladesClient, ItemNotFound, NotModified } from '../../../../src/synnefo/index.js';
import { cycladesWorld, fast, methodNames, recording, type World } from './world.js';

const worlds: World[] = [];
after(async () => {
  for (const w of worlds) await w.close();
});

const METHODS = [...new Set([...methodNames(ComputeClient.prototype, ['where', 'action']), ...methodNames(CycladesComputeClient.prototype)])];

test('compute: every ComputeClient / CycladesComputeClient method against the simulator', async () => {
  const world = await cycladesWorld();
  worlds.push(world);
  const seen = new Set<string>();
  const c = recording(world.compute, seen);
  const wait = fast(world);
  assert.equal(CycladesClient, CycladesComputeClient);

  // flavors and images
  const flavors = (await c.listFlavors(true)) as Awaited<ReturnType<CycladesComputeClient['getFlavorDetails']>>[];
  assert.ok(flavors.length >= 5 && flavors.every((f) => typeof f.ram === 'number'));
  assert.deepEqual(Object.keys((await c.listFlavors())[0]!).sort(), ['id', 'links', 'name']);
  assert.ok((await c.listFlavors(false, { isPublic: true })).length >= 5);
  assert.equal((await c.getFlavorDetails(1)).vcpus, 1);
  assert.deepEqual(await c.getFlavorExtraSpecs(1), {});
  const images = await c.listImages(true);
  const debian = images.find((i) => i.name === 'Debian Base')!;
  assert.equal((debian as unknown as { status: string }).status, 'ACTIVE', 'compute shows ACTIVE where Plankton says AVAILABLE');
  assert.equal((await c.listImages()).length, images.length);
  assert.equal((await c.getImageDetails(debian.id)).metadata?.os, 'debian');

  // key pairs
  const generated = await c.createKey('generated');
  assert.match(generated.private_key ?? '', /BEGIN OPENSSH PRIVATE KEY/, 'the server generates a pair and returns the private key once');
  const imported = await c.createKey('laptop', generated.public_key);
  assert.equal(imported.fingerprint, generated.fingerprint);
  assert.deepEqual((await c.listKeypairs()).map((k) => k.name).sort(), ['generated', 'laptop'], 'double-wrapped items come back unwrapped');
  assert.equal((await c.getKeypairDetails('laptop')).public_key, generated.public_key);
  await assert.rejects(c.createKey('laptop', generated.public_key), (e: ClientError) => e.status === 409);

  // create, with image inheritance and user data in the body
  const userMeta = { role: 'web' };
  const created = await c.createServer('web-1', 1, debian.id, { keyNames: ['laptop'], metadata: userMeta, userData: '#cloud-config\n', tags: ['prod'] });
  assert.equal(created.status, 'BUILD');
  assert.match(created.adminPass, /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{10,}$/);
  assert.deepEqual(created.metadata, { role: 'web', os: 'debian', users: 'root' });
  assert.deepEqual(userMeta, { role: 'web' }, "the caller's metadata object is not modified");
  assert.deepEqual(created['SNF:key_names'], ['laptop']);
  const id = created.id;
  assert.equal(await c.getServerPassword(id), created.adminPass);
  await c.deleteServerPassword(id);
  await assert.rejects(c.getServerPassword(id), ItemNotFound, 'forgotten');

  // waiting: BUILD → ACTIVE with progress
  const progress: number[] = [];
  await assert.rejects(c.waitServerUntil(id, 'ACTIVE', { ...wait, timeout: 1000 }), TimeoutError, 'a wait that runs out of time throws');
  const silent = await c.waitServerWhile(id, 'BUILD', { ...wait, timeout: 500, silent: true });
  assert.equal(silent.status, 'BUILD', "silent: true resolves with the last poll, as kamaki's wait did");
  const active = await c.waitServerUntil(id, 'ACTIVE', { ...wait, onProgress: (p) => progress.push(p.value.progress ?? -1) });
  assert.equal(active.status, 'ACTIVE');
  assert.equal(progress.at(-1), 100);
  assert.ok(progress.some((p) => p > 0 && p < 100), 'progress moves during BUILD');
  assert.equal(active.attachments?.length, 1, 'the default NIC on the public network');
  assert.equal((await c.getServerStatus(id))[0], 'ACTIVE');
  assert.equal((await c.waitServer(id, 'BUILD', wait)).status, 'ACTIVE');

  // lists, changes-since
  assert.equal((await c.listServers())[0]!.name, 'web-1');
  world.clock.advance(1000);
  const since = new Date(world.clock.now());
  await assert.rejects(c.listServers(true, { changesSince: since }), NotModified);
  await c.updateServerName(id, 'web-01');
  const changed = (await c.listServers(true, { changesSince: since })) as { name: string }[];
  assert.deepEqual(changed.map((s) => s.name), ['web-01']);
  assert.equal((await c.getServerDetails(id)).name, 'web-01');

  // addresses
  const nics = await c.getServerNics(id);
  const publicNet = Object.keys(nics!.addresses)[0]!;
  assert.match(nics!.addresses[publicNet]![0]!.addr, /^203\.0\.113\./);
  world.clock.advance(1000);
  assert.equal(await c.getServerNics(id, { changesSince: new Date(world.clock.now()) }), undefined, '304 is accepted: nothing changed');
  assert.equal(Object.keys((await c.getServerNetworkNics(id, publicNet))!)[0], publicNet);

  // metadata
  assert.deepEqual(await c.updateServerMetadata(id, { tier: 'front' }), { role: 'web', os: 'debian', users: 'root', tier: 'front' });
  assert.deepEqual(await c.createServerMetadata(id, 'zone', 'a'), { zone: 'a' });
  assert.deepEqual(await c.getServerMetadata(id, 'zone'), { zone: 'a' });
  await c.deleteServerMetadata(id, 'zone');
  assert.equal((await c.getServerMetadata(id)).zone, undefined);

  // tags
  assert.deepEqual((await c.listTags(id)).tags, ['prod']);
  await c.addTag(id, 'web');
  await c.addTag(id, 'web');
  assert.equal(await c.checkTagExists(id, 'web'), true);
  assert.equal(await c.checkTagExists(id, 'nope'), false);
  assert.equal(await c.getTagStatus(id, 'web'), 'ACTIVE');
  assert.equal(await c.deleteTag(id, 'web'), 204);
  const replaced = await c.replaceTags(id, ['a', 'b']);
  assert.deepEqual(replaced, { tags: ['a', 'b'], statuses: ['PENDADD', 'PENDADD'] });
  assert.equal(await c.deleteTags(id), 204);

  // console, stats, diagnostics, firewall
  const vnc = await c.getServerConsole(id);
  assert.equal(vnc.type, 'vnc');
  assert.ok(vnc.host && vnc.port && vnc.password);
  assert.match((await c.getServerStats(id)).cpuBar ?? '', /^http/);
  assert.ok(Array.isArray(await c.getServerDiagnostics(id)));
  const portId = String(active.attachments![0]!.id);
  await c.setFirewallProfile(id, 'ENABLED', portId);
  assert.equal((await c.getServerDetails(id)).attachments![0]!.firewallProfile, 'ENABLED');

  // reboot, shutdown, resize, start
  await c.rebootServer(id, true);
  assert.equal((await c.getServerDetails(id)).status, 'REBOOT');
  await c.waitServerWhile(id, 'REBOOT', wait);
  await c.shutdownServer(id);
  assert.equal((await c.waitServerUntil(id, 'STOPPED', wait)).status, 'STOPPED');
  await c.resizeServer(id, 2);
  assert.equal((await c.getServerDetails(id)).status, 'RESIZE');
  assert.equal((await c.waitServerWhile(id, 'RESIZE', wait)).flavor?.id, 2);
  await c.startServer(id);
  await c.waitServerUntil(id, 'ACTIVE', wait);

  // Cyclades answers the OpenStack-only actions with 400, rescue with 404 featureNotEnabled
  for (const call of [
    () => c.createServerImage(id, 'snap'),
    () => c.changeAdminPassword(id, 'Secret12345'),
    () => c.rebuildServer(id),
    () => c.confirmResizeServer(id),
    () => c.revertResizeServer(id),
  ]) {
    await assert.rejects(call(), BadRequest);
  }
  await assert.rejects(c.rescueServer(id, debian.id), (e: ClientError) => e.status === 404 && e.fault === 'featureNotEnabled');
  await assert.rejects(c.unrescueServer(id), (e: ClientError) => e.fault === 'featureNotEnabled');
  // OpenStack's os-start/os-stop bodies are accepted too
  await ComputeClient.prototype.shutdownServer.call(c, id);
  await c.waitServerUntil(id, 'STOPPED', wait);
  await ComputeClient.prototype.startServer.call(c, id);
  await c.waitServerUntil(id, 'ACTIVE', wait);

  // floating IPs (compute extension), attached with addFloatingIp
  const fip = await c.allocFloatingIp();
  assert.match(fip.ip, /^203\.0\.113\./);
  assert.equal((await c.getFloatingIps()).floating_ips.length, 1);
  assert.equal((await c.getFloatingIp(undefined, fip.id)).floating_ip_address, fip.ip, 'the network-API shape');
  await c.addFloatingIp(id, fip.ip);
  world.clock.advance(1000);
  assert.equal((await c.getFloatingIps()).floating_ips[0]!.instance_id, String(id));
  await c.removeFloatingIp(id, fip.ip);
  await c.deleteFloatingIp(undefined, fip.id);
  await assert.rejects(c.getFloatingIpPools(), BadRequest, 'not routed in Cyclades');
  await assert.rejects(c.getLimits(), BadRequest, 'not routed in Cyclades');

  // volume attachments
  const vol = await world.volumes.createVolume(5, 'extra', { volumeType: 2 });
  await world.volumes.waitVolumeUntil(vol.id, 'available', wait);
  const att = await c.attachVolume(id, vol.id);
  assert.equal(String(att.volumeId), vol.id);
  await world.volumes.waitVolumeUntil(vol.id, 'in_use', wait);
  assert.equal((await c.listVolumeAttachments(id)).length, 2, 'the root volume and the new one');
  assert.equal(String((await c.getVolumeAttachment(id, vol.id)).id), vol.id, 'the attachment id is the volume id');
  await c.deleteVolumeAttachment(id, vol.id);
  await world.volumes.waitVolumeUntil(vol.id, 'available', wait);
  await c.attachVolume(id, vol.id);
  await world.volumes.waitVolumeUntil(vol.id, 'in_use', wait);
  assert.equal((await c.detachVolume(id, vol.id)).length, 1);
  await world.volumes.waitVolumeUntil(vol.id, 'available', wait);
  await world.volumes.deleteVolume(vol.id);

  // image metadata (own images only: register one from Pithos is the image tests' job; the seeded ones are public)
  await assert.rejects(c.updateImageMetadata(debian.id, { x: 'y' }), (e: ClientError) => e.status === 403);
  await assert.rejects(c.createImageMetadata(debian.id, 'x', 'y'), (e: ClientError) => e.status === 403);
  await assert.rejects(c.deleteImageMetadata(debian.id, 'os'), (e: ClientError) => e.status === 403);
  await assert.rejects(c.deleteImage(debian.id), (e: ClientError) => e.status === 403);
  assert.equal((await c.getImageMetadata(debian.id)).users, 'root');
  assert.deepEqual(await c.getImageMetadata(debian.id, 'os'), { os: 'debian' });

  // reassign to another project the user is in: the user's own (default) project is the only one here
  const project = world.sim.users[0]!.defaultProject;
  await c.reassignServer(id, project, { sharedToProject: false });

  // delete: DELETED, still visible to changes-since
  const before = new Date(world.clock.now());
  await c.deleteServer(id);
  assert.equal((await c.waitServerUntil(id, 'DELETED', wait)).deleted, true);
  const gone = (await c.listServers(true, { changesSince: before })) as { id: number; status: string }[];
  assert.deepEqual(gone.map((s) => [s.id, s.status]), [[id, 'DELETED']]);
  assert.equal((await c.listServers()).length, 0);
  await assert.rejects(c.deleteServer(id), BadRequest);
  await c.deleteKeypair('generated');
  await c.deleteKeypair('laptop');

  // and the OpenStack create (user data as a query parameter; Cyclades ignores it there)
  const plain = await ComputeClient.prototype.createServer.call(c, 'plain', 1, debian.id, { networks: [] });
  assert.equal(plain.status, 'BUILD');
  assert.equal((await c.waitServerUntil(plain.id, 'ACTIVE', wait)).attachments?.length, 0, 'networks: [] means no NIC');
  await c.deleteServer(plain.id);

  assert.deepEqual(METHODS.filter((m) => !seen.has(m)), [], 'every facade method was exercised');
  await assert.rejects(c.getServerDetails(424242), ItemNotFound);
});
