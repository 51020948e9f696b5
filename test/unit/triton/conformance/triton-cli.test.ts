// Joyent's `triton` CLI (node-triton 7.17.0, from the npm registry), unmodified, as a real child
// process against the served simulator: a broad command set in independent tracks, each with its
// own simulator, run side by side (node-triton's wait loops poll every 1–2 s, so the tracks overlap
// their waiting). Every command must exit 0, or fail exactly as Joyent's own code makes it fail
// (asserted, and listed with the vendor's behaviour in docs/compat.md). Results are checked in the
// CLI's JSON output or, where another command would only repeat one already run, in the
// simulator's state.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parsePrivateKey } from '../../../../src/crypto/index.js';
import { SDC_BIN_DIR, serveForVendors, TRITON_BIN, VendorCli, writeHomeFile, type Run, type Served } from './harness.js';

const servers: Served[] = [];
const clis: VendorCli[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

interface Track {
  served: Served;
  cli: VendorCli;
  /** Runs `triton …`, asserting exit 0. */
  T: (...a: string[]) => Promise<Run>;
  /** One JSON document from `triton … -j` (the last, when it prints several). */
  J: <V = Record<string, unknown>>(...a: string[]) => Promise<V>;
  /** A list (`-j` prints one document per line). */
  L: <V = Record<string, unknown>>(...a: string[]) => Promise<V[]>;
  /** The simulator's machine `name`, settled to now. */
  machine: (name: string) => Record<string, unknown>;
}

/** One track: its own simulator and HOME, so tracks running side by side never see each other's resources. */
async function track(fn: (ctx: Track) => Promise<void>): Promise<void> {
  const served = await serveForVendors();
  servers.push(served);
  const cli = new VendorCli(served, (name) => (name === 'triton' ? TRITON_BIN : join(SDC_BIN_DIR, name)));
  clis.push(cli);
  const machine = (name: string) => {
    const m = [...served.sim.state.machines.values()].find((x) => x.name === name);
    assert.ok(m, `machine ${name}`);
    return m as unknown as Record<string, unknown>;
  };
  await fn({ served, cli, T: (...a) => cli.ok('triton', ...a), J: (...a) => cli.json('triton', ...a), L: (...a) => cli.list('triton', ...a), machine });
}

type Inst = { id: string; name: string; state: string; package: string; firewall_enabled: boolean; deletion_protection: boolean; metadata: Record<string, unknown>; tags: Record<string, unknown> };

test('node-triton 7.17.0: a broad command set against the served simulator', { concurrency: true }, async (t) => {
  await Promise.all([
    t.test('account, keys, packages, images, networks, datacenters, services, profile, raw cloudapi', () =>
      track(async ({ served, T, J, L }) => {
        assert.equal((await J('account', 'get', '-j')).login, 'demo');
        assert.ok((await L('account', 'limits', '-j')).length >= 1);
        await T('account', 'update', 'companyName=Acme', 'phone=555-0100');
        assert.equal(served.sim.state.accounts.get('demo')!.profile.companyName, 'Acme');
        assert.match((await T('info')).stdout, /login: demo/);
        const other = writeHomeFile(served, 'other.pub', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea other\n');
        await T('key', 'add', '-n', 'other', other);
        assert.equal((await J('key', 'get', '-j', 'other')).fingerprint, 'cf:07:be:9d:68:ae:65:54:6d:a0:93:c3:6f:bd:0d:82');
        assert.equal((await L('key', 'list', '-j')).length, 2);
        await T('key', 'delete', '-y', 'other');
        assert.match((await T('datacenters')).stdout, /us-sim-1/);
        assert.match((await T('services')).stdout, /cloudapi/);
        assert.equal((await L('package', 'list', '-j')).length, 4);
        assert.equal((await J('package', 'get', '-j', '4dad8aa6')).name, 'sample-512M', 'by short id');
        assert.equal((await L('image', 'list', '-j')).length, 3);
        assert.equal((await J('image', 'get', '-j', 'base-64-lts@23.4.0')).id, '2f1dc911-6401-4fa4-8e9d-67ea2e39c271', 'by name@version');
        assert.equal((await L('network', 'list', '-j')).length, 3);
        assert.equal((await J('network', 'get', '-j', 'sim-public')).public, true);
        assert.match((await T('network', 'get-default')).stdout, /My-Fabric-Network/);
        assert.equal((await J('cloudapi', '/--ping')).ping, 'pong');
        assert.deepEqual(await J('cloudapi', '/my/machines'), []);
        assert.match((await T('profile', 'list')).stdout, /env/);
        assert.match((await T('env')).stdout, /TRITON_PROFILE="env"/);
      })),

    t.test('fabric VLANs and networks, network IPs, firewall rules', () =>
      track(async ({ served, cli, T, J, L }) => {
        await T('vlan', 'create', '-n', 'v42', '-D', 'test vlan', '42');
        assert.equal((await J('vlan', 'get', '-j', '42')).name, 'v42');
        // node-triton 7.17.0's `vlan update` calls a TritonApi method that does not exist and dies
        // before sending anything (a client bug, docs/compat.md): asserted as such.
        await cli.fails('triton', ['vlan', 'update', '42', 'description=updated'], { message: /updateFabricVlan is not a function/ });
        assert.equal((await L('vlan', 'list', '-j')).length, 2);
        await T('network', 'create', '-n', 'net42', '-s', '10.42.0.0/24', '-S', '10.42.0.10', '-E', '10.42.0.200', '-g', '10.42.0.1', '-r', '8.8.8.8', '42');
        assert.equal((await L<{ name: string }>('vlan', 'networks', '-j', '42'))[0]!.name, 'net42');
        await T('network', 'set-default', 'net42');
        assert.match((await T('network', 'get-default')).stdout, /net42/);
        await T('network', 'set-default', 'My-Fabric-Network');
        assert.ok((await L('network', 'ip', 'list', '-j', 'sim-public')).length >= 1);
        assert.equal((await J('network', 'ip', 'get', '-j', 'sim-public', '203.0.113.1')).managed, true);
        await T('network', 'ip', 'update', 'sim-public', '203.0.113.99', 'reserved=true');
        assert.ok([...served.sim.state.networks.values()].find((n) => n.name === 'sim-public')!.reserved.has('203.0.113.99'));
        await T('network', 'delete', 'net42');
        await T('vlan', 'delete', '42');
        await T('fwrule', 'create', '-D', 'ssh', 'FROM any TO all vms ALLOW tcp PORT 22');
        const [rule] = await L<{ id: string; description: string }>('fwrule', 'list', '-j');
        assert.equal((await J('fwrule', 'get', '-j', rule!.id.slice(0, 8))).description, 'ssh');
        await T('fwrule', 'update', rule!.id, 'description=SSH in');
        await T('fwrule', 'disable', rule!.id);
        assert.equal(served.sim.state.fwrules.get(rule!.id)!.enabled, false);
        await T('fwrule', 'enable', rule!.id);
        await T('fwrule', 'instances', rule!.id);
        await T('fwrule', 'delete', '-f', rule!.id);
      })),

    t.test('instance lifecycle with -w: create (metadata, tags, user-script, network, firewall), stop, start, reboot, rename, resize, firewall, deletion protection, delete', () =>
      track(async ({ served, cli, T, J, L, machine }) => {
        const script = writeHomeFile(served, 'boot.sh', '#!/bin/sh\necho hello\n');
        const created = await J<Inst>('instance', 'create', '-w', '-j', '-n', 'web1', '-m', 'foo=bar', '-t', 'role=web', '--script', script, '-N', 'sim-public', '--firewall', 'base-64-lts', 'sample-512M');
        const web = await J<Inst>('instance', 'get', '-j', 'web1');
        assert.equal(web.id, created.id);
        assert.equal(web.state, 'running');
        assert.deepEqual(web.metadata, { foo: 'bar', 'user-script': '#!/bin/sh\necho hello\n' });
        assert.deepEqual(web.tags, { role: 'web' });
        assert.equal(web.firewall_enabled, true);
        assert.equal((await T('instance', 'ip', 'web1')).stdout.trim(), '203.0.113.10');
        assert.ok((await L<{ id: string }>('instance', 'list', '-j')).some((i) => i.id === web.id));
        await T('instance', 'stop', '-w', 'web1');
        await T('instance', 'start', '-w', 'web1');
        await T('instance', 'reboot', '-w', 'web1');
        await T('instance', 'rename', '-w', 'web1', 'web2');
        await T('instance', 'resize', '-w', 'web2', 'sample-1G');
        await T('instance', 'disable-firewall', '-w', 'web2');
        await T('instance', 'enable-deletion-protection', '-w', 'web2');
        const after = await J<Inst>('instance', 'get', '-j', web.id.slice(0, 8));
        assert.deepEqual([after.name, after.package, after.firewall_enabled, after.deletion_protection], ['web2', 'sample-1G', false, true]);
        await T('instance', 'disable-deletion-protection', '-w', 'web2');
        await T('instance', 'enable-firewall', '-w', 'web2');
        assert.equal(machine('web2').firewall_enabled, true);
        await T('instance', 'wait', '-s', 'running', 'web2');
        const actions = (await L<{ action: string }>('instance', 'audit', '-j', 'web2')).map((a) => a.action);
        for (const a of ['provision', 'stop', 'start', 'reboot', 'rename', 'resize', 'enable_deletion_protection']) assert.ok(actions.includes(a), `${a} in ${actions}`);
        await T('instance', 'fwrules', 'web2');
        await T('instance', 'delete', '-w', '-f', 'web2');
        // A deleted instance answers 410: node-triton reports it as InstanceDeleted (exit 3), and
        // its `wait -s deleted` refuses an instance that is already gone (docs/compat.md).
        await cli.fails('triton', ['instance', 'get', web.id], { code: 3, message: /"state": "deleted"/ });
        await cli.fails('triton', ['instance', 'wait', '-s', 'deleted', web.id], { message: /instance .* was deleted/ });
      })),

    t.test('instance metadata with -w', () =>
      track(async ({ T, J, L, machine }) => {
        await T('instance', 'create', '-w', '-n', 'meta1', 'base-64-lts', 'sample-512M');
        await T('instance', 'metadata', 'set', '-w', 'meta1', 'color=blue', 'size=large');
        assert.deepEqual(await J('instance', 'metadata', 'list', '-j', 'meta1'), { color: 'blue', size: 'large' });
        assert.equal((await T('instance', 'metadata', 'get', 'meta1', 'color')).stdout.trim(), 'blue');
        await T('instance', 'metadata', 'delete', '-w', '-f', 'meta1', 'size');
        assert.deepEqual(machine('meta1').metadata, { color: 'blue' });
        await T('instance', 'metadata', 'delete', '-w', '-f', '-a', 'meta1');
        assert.deepEqual(machine('meta1').metadata, {});
        assert.deepEqual((await L<{ action: string }>('instance', 'audit', '-j', 'meta1')).map((a) => a.action).slice(0, 3), ['replace_metadata', 'remove_metadata', 'set_metadata']);
      })),

    t.test('instance tags with -w', () =>
      track(async ({ T, J, machine }) => {
        await T('instance', 'create', '-w', '-n', 'tag1', '-t', 'role=db', 'base-64-lts', 'sample-512M');
        await T('instance', 'tag', 'set', '-w', 'tag1', 'env=prod', 'n=3');
        assert.deepEqual(await J('instance', 'tag', 'list', '-j', 'tag1'), { role: 'db', env: 'prod', n: 3 });
        assert.equal((await T('instance', 'tag', 'get', 'tag1', 'env')).stdout.trim(), 'prod');
        await T('instance', 'tag', 'replace-all', '-w', 'tag1', 'tier=1');
        await T('instance', 'tag', 'delete', '-w', 'tag1', 'tier');
        assert.deepEqual(machine('tag1').tags, {});
        await T('instance', 'tag', 'set', '-w', 'tag1', 'a=b');
        await T('instance', 'tag', 'delete', '-w', '-a', 'tag1');
        assert.deepEqual(machine('tag1').tags, {});
      })),

    t.test('instance snapshots and NICs with -w', () =>
      track(async ({ T, J, L, machine }) => {
        await T('instance', 'create', '-w', '-n', 'snap1', 'base-64-lts', 'sample-512M');
        await T('instance', 'snapshot', 'create', '-w', '-n', 'before', 'snap1');
        assert.equal((await J('instance', 'snapshot', 'get', '-j', 'snap1', 'before')).state, 'created');
        assert.equal((await L('instance', 'snapshot', 'list', '-j', 'snap1')).length, 1);
        await T('instance', 'snapshot', 'delete', '-w', '-f', 'snap1', 'before');
        assert.equal((machine('snap1').snapshots as Map<string, unknown>).size, 0);
        const nic = await J<{ mac: string; ip: string }>('instance', 'nic', 'create', '-w', '-j', 'snap1', 'sim-private');
        assert.match(nic.ip, /^10\.88\.0\./);
        assert.equal((await L('instance', 'nic', 'list', '-j', 'snap1')).length, 3);
        assert.equal((await J('instance', 'nic', 'get', '-j', 'snap1', nic.mac)).ip, nic.ip);
        await T('instance', 'nic', 'delete', '-f', 'snap1', nic.mac);
        assert.equal((machine('snap1').nics as unknown[]).length, 2);
      })),

    t.test('volumes (a mounted volume is in use), images from an instance, migrations', () =>
      track(async ({ served, cli, T, J, L, machine }) => {
        await T('volume', 'create', '-w', '-n', 'vol1', '-s', '20G');
        assert.equal((await J('volume', 'get', '-j', 'vol1')).state, 'ready');
        assert.equal((await L('volume', 'list', '-j')).length, 1);
        assert.ok((await L('volume', 'sizes', '-j')).length > 3);
        const nfs = await J<Inst>('instance', 'create', '-w', '-j', '-n', 'nfs1', '-v', 'vol1:/data', 'base-64-lts', 'sample-512M');
        assert.deepEqual([...served.sim.state.volumes.values()][0]!.refs, [nfs.id]);
        // VOLAPI refuses to delete a volume an instance mounts (409 VolumeInUse).
        await cli.fails('triton', ['volume', 'delete', '-f', 'vol1'], { message: /VolumeInUse/ });
        const img = await J<{ id: string }>('image', 'create', '-w', '-j', 'nfs1', 'myimg', '1.0.0');
        assert.equal(served.sim.state.images.get(img.id)!.state, 'active');
        await T('image', 'update', 'myimg', 'description=mine');
        await T('image', 'wait', 'myimg');
        await T('image', 'tag', 'myimg', 'purpose=test');
        await T('image', 'share', 'myimg', '930896af-bf8c-48d4-885c-6573a94b1853');
        await T('image', 'unshare', 'myimg', '930896af-bf8c-48d4-885c-6573a94b1853');
        assert.match((await T('image', 'export', 'myimg', '/demo/stor/images')).stdout, /Exporting image myimg/);
        await T('image', 'clone', 'ubuntu-22.04');
        await T('image', 'copy', 'base-64-lts', 'us-sim-1');
        await T('image', 'delete', '-f', img.id);
        await T('instance', 'migration', 'begin', '-w', 'nfs1');
        assert.equal((await L('instance', 'migration', 'list', '-j')).length, 1);
        assert.match((await T('instance', 'migration', 'get', 'nfs1')).stdout, /State: +paused/);
        await T('instance', 'migration', 'sync', '-w', 'nfs1');
        await T('instance', 'migration', 'switch', '-w', 'nfs1');
        assert.equal((machine('nfs1').migration as { state: string }).state, 'successful');
        await T('instance', 'migration', 'finalize', 'nfs1');
        await T('instance', 'delete', '-w', '-f', 'nfs1');
        await T('volume', 'delete', '-w', '-f', 'vol1');
      })),

    t.test('bhyve instance disks with -w, migration abort and automatic', () =>
      track(async ({ T, J, L, machine }) => {
        await T('instance', 'create', '-w', '-n', 'vm1', '-b', 'bhyve', 'ubuntu-certified-22.04', 'sample-bhyve-flexible-4G');
        await T('instance', 'stop', '-w', 'vm1');
        await T('instance', 'disk', 'add', '-w', 'vm1', '1024');
        const disk = (await L<{ id: string; size: number }>('instance', 'disk', 'list', '-j', 'vm1')).find((d) => d.size === 1024)!;
        assert.equal((await J('instance', 'disk', 'get', 'vm1', disk.id)).size, 1024);
        await T('instance', 'disk', 'resize', '-w', 'vm1', disk.id, '2048');
        assert.ok((machine('vm1').disks as { id: string; size: number }[]).some((d) => d.id === disk.id && d.size === 2048));
        await T('instance', 'disk', 'delete', '-w', 'vm1', disk.id);
        assert.equal((machine('vm1').disks as unknown[]).length, 2);
        await T('instance', 'migration', 'begin', 'vm1');
        await T('instance', 'migration', 'abort', 'vm1');
        await T('instance', 'migration', 'automatic', '-w', 'vm1');
        assert.equal((machine('vm1').migration as { state: string }).state, 'successful');
      })),

    t.test('RBAC: users, keys, policies, roles, role tags, and a sub-user held to them', () =>
      track(async ({ served, cli, T, J, L }) => {
        const user = writeHomeFile(served, 'alice.json', JSON.stringify({ login: 'alice', email: 'alice@example.com', password: 'Secret123' }));
        const policy = writeHomeFile(served, 'policy.json', JSON.stringify({ name: 'read', rules: ['CAN listmachines', 'CAN getmachine'], description: 'read only' }));
        const role = writeHomeFile(served, 'role.json', JSON.stringify({ name: 'readers', policies: [{ name: 'read' }], members: [{ type: 'subuser', login: 'alice', default: true }] }));
        // alice signs with the same key material as the account (the only key in $HOME/.ssh).
        const pub = writeHomeFile(served, 'alice.pub', `${parsePrivateKey(served.sim.credentials.key!).publicKey.toString()}\n`);
        await T('rbac', 'user', '-a', user);
        assert.equal((await J('rbac', 'user', '-j', 'alice')).login, 'alice');
        assert.equal((await L('rbac', 'users', '-j')).length, 1);
        await T('rbac', 'key', '-a', '-n', 'alicekey', 'alice', pub);
        assert.equal((await L('rbac', 'keys', '-j', 'alice')).length, 1);
        await T('rbac', 'policy', '-a', policy);
        assert.equal((await J('rbac', 'policy', '-j', 'read')).description, 'read only');
        await T('rbac', 'role', '-a', role);
        await T('rbac', 'roles');
        await T('rbac', 'user', '--membership', 'alice');
        const inst = await J<Inst>('instance', 'create', '-w', '-j', '-n', 'shared1', 'base-64-lts', 'sample-512M');
        // CloudAPI allows a sub-user only what an active role tagged on the resource allows.
        await cli.fails('triton', ['-u', 'alice', 'instance', 'list'], { message: /NotAuthorized/ });
        await T('rbac', 'role-tags', '-a', 'readers', '/my/machines');
        assert.match((await T('rbac', 'role-tags', '/my/machines')).stdout, /readers/);
        assert.ok((await L<{ id: string }>('-u', 'alice', 'instance', 'list', '-j')).some((i) => i.id === inst.id));
        await cli.fails('triton', ['-u', 'alice', 'instance', 'get', inst.id], { message: /NotAuthorized/ });
        await T('rbac', 'instance-role-tags', '-a', 'readers', 'shared1');
        assert.match((await T('rbac', 'instance-role-tags', 'shared1')).stdout, /readers/);
        assert.equal((await J<Inst>('-u', 'alice', 'instance', 'get', '-j', inst.id)).id, inst.id);
        await T('rbac', 'image-role-tags', '-a', 'readers', 'base-64-lts');
        await T('rbac', 'network-role-tags', '-a', 'readers', 'sim-public');
        await T('rbac', 'package-role-tags', '-a', 'readers', 'sample-512M');
        assert.match((await T('rbac', 'package-role-tags', 'sample-512M')).stdout, /readers/);
        await T('rbac', 'info');
        await T('rbac', 'instance-role-tags', '-D', '-y', 'shared1');
        await T('rbac', 'role', '-d', '-y', 'readers');
        await T('rbac', 'policy', '-d', '-y', 'read');
        await T('rbac', 'key', '-d', '-y', 'alice', 'alicekey');
        await T('rbac', 'user', '-d', '-y', 'alice');
        assert.equal(served.sim.state.accounts.get('demo')!.users.size, 0);
      })),
  ]);
  const runs = clis.flatMap((c) => c.runs);
  t.diagnostic(`node-triton 7.17.0: ${runs.length} commands run, ${runs.filter((r) => r.code === 0).length} passed (documented failures count as passed)`);
  assert.ok(runs.length >= 100, `a broad command set (${runs.length})`);
  assert.equal(runs.filter((r) => r.code !== 0).length, 0);
});
