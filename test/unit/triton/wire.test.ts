// Every DataCenter, Machine and Snapshot method, over real HTTP against the served simulator,
// signed with an RSA, an ECDSA and an Ed25519 key in turn. A recorder proves none was skipped.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ClientError } from '../../../src/core/index.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { DataCenter, Machine, Snapshot } from '../../../src/triton/index.js';
import { wireKeys, type TestKey } from './fixtures.js';
import { clockSleep, tritonSim } from './helpers.js';
import { methodNames, recording } from './recorder.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

const DC_METHODS = methodNames(DataCenter.prototype, ['p']);
const MACHINE_METHODS = methodNames(Machine.prototype);
const SNAPSHOT_METHODS = methodNames(Snapshot.prototype);

async function exercise(key: TestKey) {
  const sim = tritonSim({ keys: [key.publicLine], datacenters: { 'us-sim-2': 'placeholder' } });
  const served = await serve(sim);
  servers.push(served);
  sim.state.datacenters['us-sim-2'] = served.url;
  const seen = new Set<string>();
  const options = { url: served.url, account: 'demo', key: key.formats['openssh-encrypted']!, passphrase: 'correct horse battery staple', now: () => sim.clock.now() };
  const dc = recording(new DataCenter(options), seen);
  const sleep = clockSleep(sim);
  const wait = { interval: 50, sleep };
  const rec = <T extends object>(o: T, prefix: string) => recording(o, seen, prefix);

  // account, ping, limits, config
  assert.equal((await dc.ping()).ping, 'pong');
  assert.equal((await dc.getAccount()).login, 'demo');
  const myDc = recording(new DataCenter({ ...options, account: undefined, keyId: `/demo/keys/${key.md5}` }), seen);
  assert.equal(myDc.login, 'demo');
  assert.equal((await dc.account()).login, 'demo');
  assert.equal((await dc.me()).login, 'demo');
  assert.equal((await dc.updateAccount({ phone: '555-0100', companyName: 'Acme' })).companyName, 'Acme');
  assert.equal((await dc.getAccountLimits())[0]!.by, 'machines');
  assert.equal(await dc.equals(myDc), true);
  assert.equal(dc.toJSON().login, 'demo');

  // keys
  assert.equal((await dc.listKeys())[0]!.fingerprint, key.md5);
  assert.equal((await dc.keys()).length, 1);
  assert.equal((await dc.getKey(key.md5)).fingerprint, key.md5);
  assert.equal((await dc.key(key.label)).name, key.label);
  const extra = wireKeys().find((k) => k !== key)!;
  assert.equal((await dc.addKey('extra', extra.publicLine)).fingerprint, extra.md5);
  const third = wireKeys().find((k) => k !== key && k !== extra)!;
  assert.equal((await dc.createKey({ key: third.publicLine })).fingerprint, third.md5);
  await dc.deleteKey('extra');
  await dc.deleteKey(third.md5);
  assert.equal((await dc.listKeys()).length, 1);
  // Switching credentials.
  dc.authenticate({ key: key.formats.pkcs8!, keyId: key.sha256 });
  assert.equal((await dc.getAccount()).login, 'demo');

  // users, user keys, access keys, roles, policies, role tags
  const user = await dc.createUser({ login: 'ops', email: 'ops@example.com', password: 'secret123' });
  assert.equal((await dc.listUsers()).length, 1);
  assert.equal((await dc.updateUser('ops', { firstName: 'Op' })).firstName, 'Op');
  await dc.changeUserPassword('ops', 'newsecret1');
  assert.equal((await dc.createUserKey('ops', { key: extra.publicLine, name: 'opskey' })).name, 'opskey');
  assert.equal((await dc.listUserKeys('ops')).length, 1);
  assert.equal((await dc.getUserKey('ops', 'opskey')).fingerprint, extra.md5);
  const policy = await dc.createPolicy({ name: 'readers', rules: ['CAN listmachines'] });
  assert.equal((await dc.getPolicy('readers')).id, policy.id);
  assert.deepEqual((await dc.updatePolicy(policy.id, { rules: ['CAN listmachines AND getmachine'] })).rules, ['CAN listmachines AND getmachine']);
  assert.equal((await dc.listPolicies()).length, 1);
  const role = await dc.createRole({ name: 'viewer', policies: [{ name: 'readers' }], members: [{ type: 'subuser', login: 'ops', default: true }] });
  assert.equal((await dc.getRole('viewer')).id, role.id);
  await dc.updateRole('viewer', { name: 'viewers' });
  assert.equal((await dc.listRoles())[0]!.name, 'viewers');
  assert.deepEqual((await dc.getUser('ops', { membership: true })).roles, ['viewers']);
  assert.deepEqual((await dc.setRoleTags('machines', ['viewers']))['role-tag'], ['viewers']);
  assert.equal((await dc.setRoleTags(`/my/users/ops/keys/opskey`, ['viewers'])).name, '/demo/users/ops/keys/opskey');
  const ak = await dc.createAccessKey({ description: 'ci' });
  assert.ok(ak.accesskeysecret);
  assert.equal((await dc.getAccessKey(ak.accesskeyid)).accesskeysecret, undefined);
  assert.equal((await dc.listAccessKeys()).length, 1);
  await dc.deleteAccessKey(ak.accesskeyid);
  const uak = await dc.createUserAccessKey('ops');
  assert.equal((await dc.getUserAccessKey('ops', uak.accesskeyid)).accesskeyid, uak.accesskeyid);
  assert.equal((await dc.listUserAccessKeys('ops')).length, 1);
  await dc.deleteUserAccessKey('ops', uak.accesskeyid);
  await dc.deleteUserKey('ops', 'opskey');
  await dc.deleteRole(role.id);
  await dc.deletePolicy(policy.id);
  await dc.deleteUser(user.id);

  // datacenters, services, config
  const dcs = await dc.listDatacenters();
  assert.equal(dcs['us-sim-1'], served.url);
  assert.equal(await dc.getDatacenter('us-sim-2'), served.url);
  assert.equal((await dc.datacenters())['us-sim-2'], served.url);
  const other = rec(await dc.datacenter('us-sim-2'), 'other.');
  assert.equal((await other.getAccount()).login, 'demo');
  const tokenDc = recording(new DataCenter({ ...options, headers: { 'x-auth-token': 'delegated' } }), seen);
  await tokenDc.addForeignDatacenter('far-1', 'https://far-1.example.com');
  assert.deepEqual(await tokenDc.listForeignDatacenters(), { 'far-1': 'https://far-1.example.com' });
  await assert.rejects(dc.listForeignDatacenters(), (e: unknown) => e instanceof ClientError && e.status === 403);
  assert.equal((await dc.listServices()).cloudapi, served.url);
  const cfg = await dc.getConfig();
  assert.equal((await dc.updateConfig({ default_network: cfg.default_network! })).default_network, cfg.default_network);

  // packages and images
  assert.equal((await dc.listPackages({ memory: 1024 }))[0]!.name, 'sample-1G');
  assert.equal((await dc.packages({ name: 'sample-*' })).length, 4);
  assert.equal((await dc.getPackage('sample-512M')).id, TRITON_SEED.package.small);
  assert.equal((await dc.package({ id: TRITON_SEED.package.small })).name, 'sample-512M');
  assert.equal(await dc.defaultPackage(), undefined);
  assert.equal((await dc.listImages({ os: 'linux' })).length, 2);
  assert.equal((await dc.images({ name: 'base-64-lts' }))[0]!.id, TRITON_SEED.image.base);
  assert.equal((await dc.getImage(TRITON_SEED.image.base)).name, 'base-64-lts');
  assert.equal((await dc.image(TRITON_SEED.image.ubuntu)).os, 'linux');
  assert.equal((await dc.datasets('ubuntu')).length, 2);
  assert.equal((await dc.dataset(TRITON_SEED.image.base)).version, '23.4.0');

  // networks, IPs, fabrics, firewall rules
  const nets = await dc.listNetworks();
  assert.equal(nets.length, 3);
  assert.equal((await dc.networks('public'))[0]!.id, TRITON_SEED.network.public);
  assert.equal((await dc.network(TRITON_SEED.network.private)).name, 'sim-private');
  assert.equal((await dc.getNetwork(TRITON_SEED.network.public)).public, true);
  const vlan = await dc.createFabricVLAN({ name: 'backend', vlan_id: 42 });
  assert.equal((await dc.getFabricVLAN(42)).name, 'backend');
  assert.equal((await dc.updateFabricVLAN(42, { description: 'db tier' })).description, 'db tier');
  assert.equal((await dc.listFabricVLANs()).length, 2);
  const fnet = await dc.createFabricNetwork(vlan.vlan_id, { name: 'db', subnet: '10.42.0.0/24', provision_start_ip: '10.42.0.10', provision_end_ip: '10.42.0.200' });
  assert.equal((await dc.getFabricNetwork(42, fnet.id)).subnet, '10.42.0.0/24');
  assert.equal((await dc.updateFabricNetwork(42, fnet.id, { description: 'db net' })).description, 'db net');
  assert.equal((await dc.listFabricNetworks(42)).length, 1);
  const rule = await dc.createFirewallRule({ rule: 'FROM any TO tag "web" ALLOW tcp PORT 443', enabled: false });
  assert.equal((await dc.enableFirewallRule(rule.id)).enabled, true);
  assert.equal((await dc.disableFirewallRule(rule.id)).enabled, false);
  assert.equal((await dc.updateFirewallRule(rule.id, { enabled: true, description: 'https' })).description, 'https');
  assert.equal((await dc.getFirewallRule(rule.id)).enabled, true);
  assert.equal((await dc.listFirewallRules()).length, 1);

  // machines
  const web = rec(await dc.createMachine({ name: 'web-1', package: 'sample-512M', image: TRITON_SEED.image.base, tags: { web: true }, metadata: { env: 'test' }, bootScript: '#!/bin/sh\necho hi', networks: [TRITON_SEED.network.public, fnet.id] }), 'm.');
  assert.equal(web.state, 'provisioning');
  assert.deepEqual(web.ips, []);
  await web.waitFor('running', wait);
  assert.deepEqual(await web.getIps(), web.ips);
  assert.deepEqual(web.publicIps, ['203.0.113.10']);
  assert.deepEqual(web.privateIps, ['10.42.0.10']);
  assert.equal(web.bootScript, '#!/bin/sh\necho hi');
  assert.deepEqual(web.metadata, { env: 'test' });
  const created = await Machine.createInDatacenter(dc, { name: 'web-2', package: { name: 'sample-1G' }, dataset: { id: TRITON_SEED.image.base } });
  seen.add('m.createInDatacenter');
  const vm = rec(await dc.createMachine({ name: 'vm-1', package: TRITON_SEED.package.flexible, image: TRITON_SEED.image.bhyve }), 'm.');
  await vm.pollUntil('running', 0.05);
  assert.equal((await dc.listMachines().all()).length, 3);
  assert.equal((await dc.listMachines({ tags: { web: true } }).all())[0]!.id, web.id);
  const pagedAll = dc.machines({ limit: 1 });
  assert.equal((await pagedAll.all()).length, 3);
  assert.equal(pagedAll.page, 4, 'three full pages and an empty one');
  assert.equal((await dc.machines({ limit: 1, paged: true }).all()).length, 1);
  assert.equal(await dc.countMachines({ limit: 2 }), 2);
  assert.equal(await dc.numMachines({ limit: 2 }), 3);
  assert.equal(await dc.numMachines({ brand: 'bhyve' }), 1);
  assert.equal((await dc.getMachine(web.id)).name, 'web-1');
  assert.ok((await dc.rawMachineData(web.id, { credentials: true })).metadata?.credentials);
  const fetched = rec(await dc.machine(web.id), 'm.');
  assert.ok(fetched.equals(web));
  assert.ok((await web.credentials()).root);
  assert.equal(await web.status(), 'running');
  await web.refresh();
  assert.equal(web.toJSON().id, web.id);

  // actions
  await web.stop();
  await web.waitFor('stopped', wait);
  await web.start();
  await web.waitFor('running', wait);
  await web.reboot();
  await web.pollWhile('stopped', 0.05);
  assert.equal((await web.waitForReboot(wait)).action, 'reboot');
  // Renames, resizes, firewall and deletion-protection changes are jobs too: wait for each.
  await web.resize('sample-1G');
  assert.equal((await web.waitForResize('sample-1G', wait)).memory, 1024);
  await web.rename('web-one');
  assert.equal((await web.waitForRename('web-one', wait)).name, 'web-one');
  assert.equal((await web.waitForAudit('rename', wait)).success, 'yes');
  await web.enableFirewall();
  assert.equal((await web.waitForFirewall(true, wait)).firewall_enabled, true);
  await web.disableFirewall();
  await dc.waitForFirewall(web.id, false, wait);
  await web.enableDeletionProtection();
  await web.waitForDeletionProtection(true, wait);
  await web.disableDeletionProtection();
  await dc.waitForDeletionProtection(web.id, false, wait);
  await web.refresh();
  assert.equal(web.name, 'web-one');
  assert.equal(web.memory, 1024);
  await dc.stopMachine(created.id);
  await dc.waitForMachineState(created.id, 'stopped', wait);
  await dc.startMachine(created.id);
  await dc.rebootMachine(created.id);
  assert.equal((await dc.waitForReboot(created.id, wait)).success, 'yes');
  await dc.resizeMachine(created.id, { name: 'sample-512M' });
  await dc.waitForResize(created.id, TRITON_SEED.package.small, wait);
  await dc.renameMachine(created.id, 'web-two');
  await dc.waitForRename(created.id, 'web-two', wait);
  assert.equal((await dc.waitForMachineAudit(created.id, 'resize', { ...wait, since: 0 })).action, 'resize');
  await dc.enableMachineFirewall(created.id);
  await dc.disableMachineFirewall(created.id);
  await dc.enableMachineDeletionProtection(created.id);
  await dc.disableMachineDeletionProtection(created.id);
  sim.clock.advance(500);
  const audit = await dc.machineAudit(web.id);
  assert.ok(audit.some((a) => a.action === 'reboot' && a.success === 'yes'));
  assert.equal((await web.audit())[0]!.action, audit[0]!.action);
  assert.equal((await web.firewallRules()).length, 1);
  assert.equal((await dc.listMachineFirewallRules(web.id))[0]!.id, rule.id);
  assert.equal((await dc.listFirewallRuleMachines(rule.id))[0]!.id, web.id);

  // metadata and tags (asynchronous on the server: advance past asyncMs before reading)
  const settle = () => sim.clock.advance(60);
  assert.deepEqual(await web.updateMetadata({ tier: 'front' }), { env: 'test', 'user-script': '#!/bin/sh\necho hi', tier: 'front' });
  assert.equal((await web.waitForMetadata({ tier: 'front' }, wait)).tier, 'front');
  assert.equal(await web.getMetadataValue('tier'), 'front');
  assert.equal(await dc.getMachineMetadata(web.id, 'env'), 'test');
  await dc.updateMachineMetadata(web.id, { extra: '1' });
  settle();
  assert.deepEqual(await web.getMetadata(), { env: 'test', tier: 'front', extra: '1' });
  assert.ok((await dc.listMachineMetadata(web.id, { credentials: true })).credentials);
  await dc.deleteMachineMetadata(web.id, 'extra');
  await dc.waitForMetadata(web.id, { extra: null }, wait);
  await web.setBootScript('#!/bin/sh\necho again');
  settle();
  // Like py-smartdc these read the metadata right after deleting; the server is asynchronous, so
  // the reply may predate the deletion.
  assert.equal(typeof (await web.deleteMetadataAtKey('tier')), 'object');
  settle();
  assert.deepEqual(await web.getMetadata(), { env: 'test' });
  await web.deleteBootScript();
  settle();
  assert.equal(web.bootScript, '#!/bin/sh\necho hi', 'the cached object is not refreshed by metadata calls');
  assert.equal(typeof (await web.deleteAllMetadata()), 'object');
  settle();
  await dc.deleteAllMachineMetadata(web.id);
  settle();
  assert.deepEqual(await web.getMetadata(), {});
  assert.deepEqual(await web.addTags({ role: 'db', n: 1 }), { web: true, role: 'db', n: 1 });
  await web.waitForTags({ role: 'db', n: 1 }, wait);
  assert.equal(await web.getTag('role'), 'db');
  assert.equal(await dc.getMachineTag(web.id, 'n'), '1');
  assert.deepEqual(await web.getTags(), { web: true, role: 'db', n: 1 });
  await dc.addMachineTags(web.id, { x: 'y' });
  await web.replaceTags({ only: 'this' });
  await dc.replaceMachineTags(web.id, { web: true, only: 'this' });
  settle();
  assert.deepEqual(await dc.listMachineTags(web.id), { web: true, only: 'this' });
  await web.deleteTag('only');
  await dc.deleteMachineTag(web.id, 'web');
  assert.deepEqual(await dc.waitForTags(web.id, (tags) => Object.keys(tags).length === 0, wait), {});
  await web.addTags({ a: 'b' });
  settle();
  await web.deleteAllTags();
  settle();
  await dc.addMachineTags(web.id, { c: 'd' });
  settle();
  await dc.deleteMachineTags(web.id);
  settle();
  assert.deepEqual(await web.getTags(), {});

  // snapshots
  const snap = rec(await web.createSnapshot('before'), 's.');
  assert.equal(snap.state, 'queued');
  assert.equal((await snap.waitFor('created', wait)).state, 'created');
  assert.equal(await snap.status(), 'created');
  await snap.refresh();
  assert.ok(snap.created instanceof Date);
  assert.equal(snap.toJSON().name, 'before');
  assert.equal((await web.snapshots())[0]!.name, 'before');
  assert.equal((await web.snapshot('before')).state, 'created');
  assert.equal((await web.rawSnapshotData('before')).name, 'before');
  await snap.start();
  await web.startFromSnapshot('before');
  await dc.createMachineSnapshot(web.id, 'second');
  assert.equal((await dc.listMachineSnapshots(web.id)).length, 2);
  assert.equal((await dc.getMachineSnapshot(web.id, 'second')).name, 'second');
  // A snapshot can be started from only once it is created.
  assert.equal((await web.waitForSnapshot('second', 'created', wait))!.state, 'created');
  await dc.startMachineFromSnapshot(web.id, 'second');
  await dc.deleteMachineSnapshot(web.id, 'second');
  assert.equal(await dc.waitForSnapshot(web.id, 'second', 'deleted', wait), undefined);
  await snap.delete();
  await snap.waitFor('deleted', wait);
  assert.equal((await web.snapshots()).length, 0);
  await web.waitFor('running', wait);

  // NICs
  const nic = await web.addNic(TRITON_SEED.network.private);
  assert.equal((await web.nic(nic.mac)).ip, nic.ip);
  assert.equal((await dc.getNic(web.id, nic.mac.replace(/:/g, ''))).mac, nic.mac);
  assert.equal((await web.nics()).length, 3);
  await web.removeNic(nic.mac);
  const nic2 = await dc.addNic(web.id, { ipv4_uuid: TRITON_SEED.network.private }, { primary: false });
  assert.equal((await dc.listNics(web.id)).length, 3);
  await dc.removeNic(web.id, nic2.mac);

  // network IPs
  const ips = await dc.listNetworkIPs(TRITON_SEED.network.public, { limit: 1 }).all();
  assert.ok(ips.length >= 3);
  assert.equal((await dc.getNetworkIP(TRITON_SEED.network.public, '203.0.113.10')).belongs_to_uuid, web.id);
  assert.equal((await dc.updateNetworkIP(TRITON_SEED.network.public, '203.0.113.99', true)).reserved, true);

  // disks (bhyve): changes need a stopped VM and run as jobs
  assert.equal((await vm.disks()).length, 2);
  await vm.stop();
  await vm.waitFor('stopped', wait);
  const disk = await vm.createDisk(1024, { pciSlot: '0:4:5' });
  assert.equal(disk.state, 'creating');
  assert.equal((await vm.waitForDisk(disk.id, { size: 1024 }, wait))!.state, 'stopped');
  assert.equal((await vm.getDisk(disk.id)).size, 1024);
  assert.equal((await vm.resizeDisk(disk.id, 2048)).state, 'resizing');
  assert.equal((await vm.waitForDisk(disk.id, { size: 2048 }, wait))!.size, 2048);
  await vm.deleteDisk(disk.id);
  assert.equal(await vm.waitForDisk(disk.id, 'deleted', wait), undefined);
  const disk2 = await dc.createMachineDisk(vm.id, 512);
  await dc.waitForDisk(vm.id, disk2.id, { size: 512, state: 'stopped' }, wait);
  assert.equal((await dc.getMachineDisk(vm.id, disk2.id)).size, 512);
  await dc.resizeMachineDisk(vm.id, disk2.id, 256, { dangerousAllowShrink: true });
  assert.equal((await dc.waitForDisk(vm.id, disk2.id, { size: 256 }, wait))!.size, 256);
  assert.equal((await dc.listMachineDisks(vm.id)).length, 3);
  await dc.deleteMachineDisk(vm.id, disk2.id);
  await dc.waitForDisk(vm.id, disk2.id, 'deleted', wait);
  await vm.start();
  await vm.waitFor('running', wait);

  // migrations
  assert.ok((await vm.migrationEstimate()).size! > 0);
  assert.ok((await dc.migrateMachineEstimate(vm.id)).eta_ms! > 0);
  assert.equal((await vm.migrate('begin')).phase, 'begin');
  assert.equal((await vm.waitForMigration(wait)).state, 'paused');
  assert.equal((await dc.migrate(vm.id, 'sync')).phase, 'sync');
  assert.equal((await vm.migration()).phase, 'sync');
  assert.equal((await dc.getMigration(vm.id)).machine, vm.id);
  assert.equal((await dc.listMigrations()).length, 1);
  assert.equal((await dc.watchMigration(vm.id)).at(-1)!.type, 'end');
  assert.equal((await dc.waitForMigration(vm.id, wait)).state, 'paused');

  // VNC and changefeed: pre-signed URLs the server authenticates (then wants a WebSocket upgrade)
  for (const url of [await vm.vncUrl(), await dc.vncUrl(vm.id), await dc.connectMachineVNC(vm.id)]) {
    assert.match(url, /^ws:\/\/127\.0\.0\.1:\d+\/demo\/machines\/[0-9a-f-]+\/vnc\?algorithm=/);
    const res = await fetch(url.replace(/^ws/, 'http'), { headers: { 'accept-version': '~8' } });
    assert.equal(((await res.json()) as { code: string }).code, 'UpgradeRequiredError');
  }
  for (const url of [await dc.changefeedUrl(), await dc.getChangefeed()]) {
    const res = await fetch(url.replace(/^ws/, 'http'));
    assert.equal(((await res.json()) as { code: string }).code, 'UpgradeRequiredError');
  }

  // images from machines
  const img = await dc.createImageFromMachine({ machine: web.id, name: 'golden', version: '1.0.0' });
  assert.equal(img.state, 'creating');
  assert.equal((await dc.waitForImage(img.id, 'active', wait))!.state, 'active');
  assert.equal((await dc.getImage(img.id)).state, 'active');
  assert.equal((await dc.updateImage(img.id, { description: 'gold' })).description, 'gold');
  assert.match((await dc.exportImage(img.id, '/demo/stor/images')).image_path!, /golden-1\.0\.0\.zfs\.gz$/);
  const clone = await dc.cloneImage(TRITON_SEED.image.ubuntu);
  assert.equal(clone.owner !== undefined, true);
  const imported = await dc.importImageFromDatacenter('us-sim-2', TRITON_SEED.image.base);
  assert.equal(imported.name, 'base-64-lts');
  await dc.deleteImage(img.id);
  assert.equal(await dc.waitForImage(img.id, 'deleted', wait), undefined);

  // volumes
  const vol = await dc.createVolume({ name: 'data', size: 20480 });
  assert.equal((await dc.waitForVolume(vol.id, 'ready', wait))!.state, 'ready');
  const vols = await dc.listVolumes({ name: 'da*' }).all();
  assert.equal(vols[0]!.id, vol.id);
  assert.equal((await dc.getVolume(vol.id)).size, 20480);
  assert.equal((await dc.updateVolume(vol.id, 'data2')).name, 'data2');
  assert.ok((await dc.listVolumeSizes()).length > 3);
  await dc.deleteVolume(vol.id);
  assert.equal(await dc.waitForVolume(vol.id, 'deleted', wait), undefined);

  // cleanup and deletion (410 counts as deleted)
  await dc.deleteFirewallRule(rule.id);
  await dc.deleteMachine(created.id);
  await vm.delete();
  await vm.waitFor('deleted', wait);
  await web.delete();
  await web.waitFor('deleted', wait);
  await assert.rejects(web.refresh(), (e: unknown) => e instanceof ClientError && e.status === 410);
  await dc.deleteFabricNetwork(42, fnet.id);
  await dc.deleteFabricVLAN(42);

  const missing = [
    ...DC_METHODS.filter((m) => !seen.has(m)),
    ...MACHINE_METHODS.filter((m) => !seen.has(`m.${m}`)),
    ...SNAPSHOT_METHODS.filter((m) => !seen.has(`s.${m}`)),
  ];
  assert.deepEqual(missing, [], 'every facade method was driven');
  return seen.size;
}

for (const key of wireKeys()) {
  test(`every facade method over real HTTP, signed with ${key.label} (encrypted OpenSSH key)`, async () => {
    assert.ok((await exercise(key)) > 150);
  });
}
