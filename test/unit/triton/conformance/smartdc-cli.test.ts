// Joyent's node-smartdc 9.0.1 (`sdc-*`, from the npm registry), unmodified, as real child processes
// against the served simulator: every command family, in independent tracks with a simulator each.
// node-smartdc has no wait options, so the tracks wait for jobs in the simulator's own state (the
// clock is real; jobs take CONFORMANCE_TIMING), as a script calling sdc-getmachine in a loop would.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { settle } from '../../../../src/sim/triton/state.js';
import { TRITON_SEED } from '../../../../src/sim/triton/index.js';
import { SDC_BIN_DIR, serveForVendors, TRITON_BIN, VendorCli, writeHomeFile, type Run, type Served } from './harness.js';

const servers: Served[] = [];
const clis: VendorCli[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

const OTHER_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea other\n';

interface Track {
  served: Served;
  cli: VendorCli;
  /** Runs `sdc-<cmd> …`, asserting exit 0. */
  S: (cmd: string, ...a: string[]) => Promise<Run>;
  /** Runs and parses the JSON every sdc-* command prints. */
  J: <V = Record<string, unknown>>(cmd: string, ...a: string[]) => Promise<V>;
  /** Waits (simulator state, real clock) until machine `id` is in `state`. */
  until: (id: string, state: string) => Promise<void>;
  /** Waits for every queued job of machine `id` (metadata, tags, snapshots…) to finish. */
  jobsDone: (id: string) => Promise<void>;
}

async function track(fn: (ctx: Track) => Promise<void>): Promise<void> {
  const served = await serveForVendors();
  servers.push(served);
  const cli = new VendorCli(served, (name) => (name === 'triton' ? TRITON_BIN : join(SDC_BIN_DIR, name)));
  clis.push(cli);
  const machine = (id: string) => settle(served.sim.state.machines.get(id)!, served.sim.clock.now());
  const poll = async (done: () => boolean, what: string) => {
    for (let i = 0; i < 200; i++) {
      if (done()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.fail(`timed out waiting for ${what}`);
  };
  await fn({
    served,
    cli,
    S: (cmd, ...a) => cli.ok(cmd, ...a),
    J: (cmd, ...a) => cli.json(cmd, ...a),
    until: (id, state) => poll(() => machine(id).state === state, `${id} to be ${state}`),
    jobsDone: (id) => poll(() => machine(id).jobs.every((j) => j.done), `the jobs of ${id}`),
  });
}

type Machine = { id: string; name: string; state: string; package: string; metadata: Record<string, unknown>; tags: Record<string, unknown>; firewall_enabled: boolean };
const PKG = TRITON_SEED.package.small;
const IMG = TRITON_SEED.image.base;

test('node-smartdc 9.0.1: every sdc-* command family against the served simulator', { concurrency: true }, async (t) => {
  await Promise.all([
    t.test('account, keys, datacenters, packages, images, networks', () =>
      track(async ({ served, S, J }) => {
        assert.equal((await J('sdc-getaccount')).login, 'demo');
        assert.equal((await J('sdc-updateaccount', '--company', 'Acme', '--phone', '555-0100')).companyName, 'Acme');
        assert.equal((await J<unknown[]>('sdc-listkeys')).length, 1);
        assert.equal((await J('sdc-createkey', '--name', 'other', writeHomeFile(served, 'other.pub', OTHER_KEY))).name, 'other');
        assert.equal((await J('sdc-getkey', 'other')).fingerprint, 'cf:07:be:9d:68:ae:65:54:6d:a0:93:c3:6f:bd:0d:82');
        await S('sdc-deletekey', 'other');
        assert.equal(served.sim.state.accounts.get('demo')!.keys.size, 1);
        assert.ok('us-sim-1' in (await J('sdc-listdatacenters')));
        assert.equal((await J<unknown[]>('sdc-listpackages')).length, 4);
        assert.equal((await J('sdc-getpackage', PKG)).name, 'sample-512M');
        assert.equal((await J<unknown[]>('sdc-listimages')).length, 3);
        assert.equal((await J('sdc-getimage', IMG)).name, 'base-64-lts');
        assert.equal((await J<unknown[]>('sdc-listnetworks')).length, 3);
        assert.equal((await J('sdc-getnetwork', TRITON_SEED.network.public)).name, 'sim-public');
      })),

    t.test('machine lifecycle: create (metadata, tag, script, networks, firewall), list filters, stop, start, reboot, rename, resize, firewall, audit, delete', () =>
      track(async ({ served, cli, S, J, until, jobsDone }) => {
        const script = writeHomeFile(served, 'boot.sh', '#!/bin/sh\necho hi\n');
        const m = await J<Machine>('sdc-createmachine', '--name', 'web', '--package', PKG, '--image', IMG, '--metadata', 'foo=bar', '--tag', 'role=web', '--script', script, '--networks', TRITON_SEED.network.public, '--enable-firewall', 'true');
        assert.equal(m.state, 'provisioning');
        await until(m.id, 'running');
        const got = await J<Machine>('sdc-getmachine', m.id);
        assert.deepEqual([got.metadata.foo, got.metadata['user-script'], got.tags.role, got.firewall_enabled], ['bar', '#!/bin/sh\necho hi\n', 'web', true]);
        assert.equal((await J<Machine[]>('sdc-listmachines')).length, 1);
        assert.equal((await J<Machine[]>('sdc-listmachines', '--type', 'smartmachine', '--state', 'running', '--name', 'web')).length, 1);
        assert.equal((await J<Machine[]>('sdc-listmachines', '--tag', 'role=web')).length, 1);
        await S('sdc-stopmachine', m.id);
        await until(m.id, 'stopped');
        await S('sdc-startmachine', m.id);
        await until(m.id, 'running');
        await S('sdc-rebootmachine', m.id);
        await S('sdc-renamemachine', '--name', 'web2', m.id);
        await S('sdc-resizemachine', '--package', TRITON_SEED.package.medium, m.id);
        await S('sdc-disablemachinefirewall', m.id);
        await jobsDone(m.id);
        const changed = await J<Machine>('sdc-getmachine', m.id);
        assert.deepEqual([changed.name, changed.package, changed.firewall_enabled], ['web2', 'sample-1G', false]);
        await S('sdc-enablemachinefirewall', m.id);
        await jobsDone(m.id);
        const audit = (await J<{ action: string }[]>('sdc-getmachineaudit', m.id)).map((a) => a.action);
        assert.deepEqual(audit.slice(0, 5), ['unknown', 'unknown', 'resize', 'rename', 'reboot']);
        await S('sdc-deletemachine', m.id);
        await until(m.id, 'deleted');
        assert.equal((await J<Machine[]>('sdc-listmachines', '--tombstone', 'true')).length, 1);
        // GetMachine of a destroyed machine is 410 Gone; node-smartdc prints the status and exits 3.
        await cli.fails('sdc-getmachine', [m.id], { code: 3, message: /Gone \(410\)/ });
      })),

    t.test('tags, metadata, snapshots, NICs', () =>
      track(async ({ S, J, until, jobsDone }) => {
        const m = await J<Machine>('sdc-createmachine', '--name', 'parts', '--package', PKG, '--image', IMG);
        await until(m.id, 'running');
        assert.deepEqual(await J('sdc-addmachinetags', '--tag', 'env=prod', '--tag', 'tier=1', m.id), { env: 'prod', tier: '1' });
        await jobsDone(m.id);
        assert.deepEqual(await J('sdc-listmachinetags', m.id), { env: 'prod', tier: '1' });
        assert.match((await S('sdc-getmachinetag', '--tag', 'env', m.id)).stdout, /prod/);
        await S('sdc-replacemachinetags', '--tag', 'only=this', m.id);
        await jobsDone(m.id);
        await S('sdc-deletemachinetag', '--tag', 'only', m.id);
        await jobsDone(m.id);
        assert.deepEqual(await J('sdc-listmachinetags', m.id), {});
        await S('sdc-updatemachinemetadata', '--metadata', 'color=blue', m.id);
        await jobsDone(m.id);
        assert.equal((await J('sdc-listmachinemetadata', m.id)).color, 'blue');
        assert.match((await S('sdc-getmachinemetadata', '--metadataId', 'color', m.id)).stdout, /blue/);
        await S('sdc-deletemachinemetadata', '--metadata', 'color', m.id);
        await jobsDone(m.id);
        assert.deepEqual(await J('sdc-listmachinemetadata', m.id), {});
        await S('sdc-createmachinesnapshot', '--name', 'snap1', m.id);
        await jobsDone(m.id);
        assert.equal((await J<unknown[]>('sdc-listmachinesnapshots', m.id)).length, 1);
        assert.equal((await J('sdc-getmachinesnapshot', '--snapshot', 'snap1', m.id)).state, 'created');
        await S('sdc-startmachinefromsnapshot', '--snapshot', 'snap1', m.id);
        await until(m.id, 'running');
        await S('sdc-deletemachinesnapshot', '--snapshot', 'snap1', m.id);
        await jobsDone(m.id);
        assert.equal((await J<unknown[]>('sdc-listmachinesnapshots', m.id)).length, 0);
        const nic = await J<{ mac: string }>('sdc-nics', 'create', TRITON_SEED.network.private, m.id);
        assert.equal((await J<unknown[]>('sdc-nics', 'list', m.id)).length, 3);
        assert.equal((await J('sdc-nics', 'get', nic.mac, m.id)).network, TRITON_SEED.network.private);
        await S('sdc-nics', 'delete', nic.mac, m.id);
        assert.equal((await J<unknown[]>('sdc-nics', 'list', m.id)).length, 2);
      })),

    t.test('firewall rules, images from a machine, fabrics', () =>
      track(async ({ S, J, until }) => {
        const m = await J<Machine>('sdc-createmachine', '--name', 'fw', '--package', PKG, '--image', IMG);
        await until(m.id, 'running');
        const rule = await J<{ id: string }>('sdc-createfirewallrule', '--rule', 'FROM any TO all vms ALLOW tcp PORT 22', '--description', 'ssh', '--enabled', 'true');
        assert.equal((await J<unknown[]>('sdc-listfirewallrules')).length, 1);
        assert.equal((await J('sdc-getfirewallrule', rule.id)).description, 'ssh');
        assert.match(String((await J('sdc-updatefirewallrule', '--rule', 'FROM any TO all vms ALLOW tcp PORT 2222', rule.id)).rule), /2222/);
        assert.equal((await J('sdc-disablefirewallrule', rule.id)).enabled, false);
        assert.equal((await J('sdc-enablefirewallrule', rule.id)).enabled, true);
        assert.equal((await J<unknown[]>('sdc-listfirewallrulemachines', rule.id)).length, 1);
        assert.equal((await J<unknown[]>('sdc-listmachinefirewallrules', m.id)).length, 1);
        await S('sdc-deletefirewallrule', rule.id);
        const img = await J<{ id: string; state: string }>('sdc-createimagefrommachine', '--machine', m.id, '--name', 'img', '--imageVersion', '1.0.0');
        assert.equal(img.state, 'creating');
        assert.equal((await J('sdc-updateimage', '--description', 'mine', img.id)).description, 'mine');
        assert.match(String((await J('sdc-exportimage', '--mantaPath', '/demo/stor/x', img.id)).image_path), /img-1\.0\.0/);
        await S('sdc-deleteimage', img.id);
        assert.equal((await J<unknown[]>('sdc-fabric', 'vlan', 'list')).length, 1);
        await S('sdc-fabric', 'vlan', 'create', '--vlan_id', '42', '-n', 'v42', '--description', 'x');
        assert.equal((await J('sdc-fabric', 'vlan', 'get', '42')).name, 'v42');
        await S('sdc-fabric', 'vlan', 'update', '--description', 'y', '42');
        const net = await J<{ id: string }>('sdc-fabric', 'network', 'create', '--vlan_id', '42', '-n', 'n42', '-s', '10.42.0.0/24', '--provision_start_ip', '10.42.0.5', '--provision_end_ip', '10.42.0.200', '-g', '10.42.0.1');
        assert.ok((await J<{ name: string }[]>('sdc-fabric', 'network', 'list')).some((n) => n.name === 'n42'));
        assert.equal((await J('sdc-fabric', 'network', 'get', net.id)).gateway, '10.42.0.1');
        await S('sdc-fabric', 'network', 'delete', net.id);
        await S('sdc-fabric', 'vlan', 'delete', '42');
      })),

    t.test('RBAC: users and their keys, policies, roles, role tags (sdc-chmod, sdc-info)', () =>
      track(async ({ served, S, J, until }) => {
        const m = await J<Machine>('sdc-createmachine', '--name', 'tagged', '--package', PKG, '--image', IMG);
        await until(m.id, 'running');
        assert.deepEqual(await J('sdc-user', 'list'), []);
        await S('sdc-user', 'create', '--login', 'alice', '--email', 'alice@example.com', '--password', 'Secret123');
        assert.equal((await J('sdc-user', 'get', 'alice')).login, 'alice');
        assert.equal((await J('sdc-user', 'update', '--company', 'Acme', 'alice')).companyName, 'Acme');
        await S('sdc-user', 'change-password', '--password', 'N3wSecret1', '--password-confirmation', 'N3wSecret1', 'alice');
        await S('sdc-user', 'upload-key', '-n', 'k1', 'alice', writeHomeFile(served, 'alice.pub', OTHER_KEY));
        assert.equal((await J<unknown[]>('sdc-user', 'keys', 'alice')).length, 1);
        assert.equal((await J('sdc-user', 'key', 'alice', 'k1')).name, 'k1');
        await S('sdc-user', 'delete-key', 'alice', 'k1');
        await S('sdc-policy', 'create', '--name', 'read', '--rules', 'CAN listmachines', '--description', 'r');
        assert.equal((await J<unknown[]>('sdc-policy', 'list')).length, 1);
        assert.equal((await J('sdc-policy', 'get', 'read')).description, 'r');
        await S('sdc-policy', 'update', '--description', 'read only', 'read');
        await S('sdc-role', 'create', '--name', 'readers', '--members', 'alice', '--default-members', 'alice', '--policies', 'read');
        assert.equal((await J<unknown[]>('sdc-role', 'list')).length, 1);
        assert.equal((await J('sdc-role', 'get', 'readers')).name, 'readers');
        await S('sdc-role', 'update', '--name', 'readers', '--members', 'alice', 'readers');
        await S('sdc-chmod', '--', '=readers', '/my/machines');
        assert.match((await S('sdc-info', '/my/machines')).stdout, /readers/);
        await S('sdc-chmod', '--', '+readers', `/my/machines/${m.id}`);
        assert.match((await S('sdc-info', `/my/machines/${m.id}`)).stdout, /readers/);
        await S('sdc-role', 'delete', 'readers');
        await S('sdc-policy', 'delete', 'read');
        await S('sdc-user', 'delete', 'alice');
        assert.equal(served.sim.state.accounts.get('demo')!.users.size, 0);
      })),
  ]);
  const runs = clis.flatMap((c) => c.runs);
  t.diagnostic(`node-smartdc 9.0.1: ${runs.length} commands run, ${runs.filter((r) => r.code === 0).length} passed (documented failures count as passed)`);
  assert.ok(runs.length >= 85, `a broad command set (${runs.length})`);
  assert.equal(runs.filter((r) => r.code !== 0).length, 0);
});
