// `opskit triton`: the command set of Joyent's triton CLI over the served simulator, through runCli
// in process (fake I/O, real HTTP). Issue 12: JSON by default, name resolution, --wait that waits
// (reboot included), `instance wait --state deleted` on a deleted instance, `cloudapi METHOD PATH`
// for every operation, and the CLI conventions (dry run anywhere, durations, one-line errors, exit
// codes, help within 100 columns).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { tritonTree } from '../../../src/cli/commands/triton.js';
import { isBranch, type Node } from '../../../src/cli/commands/triton/tree.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { operations } from '../../../src/triton/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { PASS, wireKeys } from './fixtures.js';
import { tritonSim } from './helpers.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

const OTHER_PUB = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea other';

async function setup(options: Parameters<typeof tritonSim>[0] = {}) {
  const ec = wireKeys()[1]!;
  const sim = tritonSim({ keys: [ec.publicLine], transitionMs: 150, asyncMs: 100, ...options });
  const served = await serve(sim);
  servers.push(served);
  const env = { TRITON_URL: served.url, SDC_ACCOUNT: 'demo', TRITON_KEY_PASSPHRASE: PASS };
  const files: Record<string, string> = { '/keys/id_ecdsa': ec.formats['openssh-encrypted']!, '/tmp/boot.sh': '#!/bin/sh\necho hi\n', '/tmp/other.pub': `${OTHER_PUB}\n` };
  const run = async (...argv: string[]) => {
    const f = fakeIo({ env, files });
    const code = await runCli(['triton', ...argv, '--key-file', '/keys/id_ecdsa', '--interval', '50ms'], f.io);
    return { code, out: f.stdout(), err: f.stderr() };
  };
  /** Runs and parses stdout as JSON (the default output); asserts exit 0. */
  const json = async <T = Record<string, unknown>>(...argv: string[]): Promise<T> => {
    const r = await run(...argv);
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
    return JSON.parse(r.out) as T;
  };
  const machine = (name: string) => [...sim.state.machines.values()].find((m) => m.name === name)!;
  return { sim, served, run, json, machine, files, env };
}

type Inst = { id: string; name: string; state: string; tags: Record<string, unknown>; metadata: Record<string, unknown>; brand: string; firewall_enabled: boolean };

test('output is JSON by default (lists are one array); -o table and -o FIELDS print tables', async () => {
  const { run, json } = await setup();
  assert.equal((await json('account', 'get')).login, 'demo');
  assert.equal((await json('account')).login, 'demo', 'account alone is account get');
  assert.deepEqual(await json('instances'), []);
  const images = await json<{ name: string }[]>('images');
  assert.deepEqual(images.map((i) => i.name), ['base-64-lts', 'ubuntu-22.04', 'ubuntu-certified-22.04']);
  const table = await run('package', 'list', '-o', 'table');
  assert.match(table.out, /^SHORTID +NAME +MEMORY +SWAP +DISK +VCPUS\n4dad8aa6 +sample-512M +512 /);
  assert.equal((await run('package', 'list', '-o', 'name,memory', '-H')).out.split('\n')[0], 'sample-512M               512');
  assert.equal((await run('account', 'get', '-j')).out.startsWith('{'), true, "Joyent's -j");
  assert.equal((await run('images', '-o', 'yaml!')).code, 2);
});

test('names resolve like Joyent\'s CLI: name, short id, UUID, name@version (image, package, network, instance)', async () => {
  const { json, run } = await setup();
  const byVersion = await json<Inst>('instance', 'create', '-n', 'r1', '-w', 'base-64-lts@23.4.0', 'sample-512M');
  assert.equal(byVersion.state, 'running');
  const byShortIds = await json<Inst>('create', '-n', 'r2', '-N', 'sim-private', '-w', TRITON_SEED.image.base.slice(0, 8), TRITON_SEED.package.small.slice(0, 8));
  assert.equal((await json<Inst>('instance', 'get', 'r1')).id, byVersion.id);
  assert.equal((await json<Inst>('instance', 'get', byShortIds.id.slice(0, 8))).name, 'r2');
  assert.equal((await json<{ name: string }>('image', 'get', 'ubuntu-22.04')).name, 'ubuntu-22.04');
  assert.equal((await json<{ id: string }>('network', 'get', 'sim-public')).id, TRITON_SEED.network.public);
  assert.equal((await json<{ name: string }>('package', 'get', TRITON_SEED.package.large)).name, 'sample-4G');
  const missing = await run('instance', 'get', 'nosuch');
  assert.equal(missing.code, 1);
  assert.equal(missing.err, 'opskit: no instance with name or short id "nosuch" was found\n');
});

test('instance create with metadata, networks, user-script, brand, firewall, tags, and --wait', async () => {
  const { json, machine } = await setup();
  const web = await json<Inst>('instance', 'create', '-n', 'web', '-m', 'role=web', '-m', '{"tier": 2}', '-t', 'env=prod', '-t', 'n=3', '--script', '/tmp/boot.sh',
    '-N', 'sim-public,sim-private', '--firewall', '--deletion-protection', '-w', 'base-64-lts', 'sample-512M');
  assert.equal(web.state, 'running');
  assert.deepEqual(web.metadata, { role: 'web', tier: '2', 'user-script': '#!/bin/sh\necho hi\n' });
  assert.deepEqual(web.tags, { env: 'prod', n: 3 });
  assert.equal(web.firewall_enabled, true);
  assert.deepEqual(machine('web').nics.map((n) => n.network), [TRITON_SEED.network.public, TRITON_SEED.network.private]);
  const vm = await json<Inst>('create', '-n', 'vm', '-b', 'bhyve', 'ubuntu-certified-22.04', 'sample-bhyve-flexible-4G');
  assert.equal(vm.brand, 'bhyve');
});

test('`instance reboot --wait` waits for the finished reboot job; without --wait it returns at once', async () => {
  const { json, run, sim, machine } = await setup({ transitionMs: 400 });
  await json('create', '-n', 'rb', '-w', 'base-64-lts', 'sample-512M');
  const quick = await json('instance', 'reboot', 'rb');
  assert.deepEqual(Object.keys(quick), ['id', 'name', 'action']);
  assert.ok(machine('rb').jobs.some((j) => j.action === 'reboot' && j.finishAt > sim.clock.now()), 'the reboot job was still running');
  // Past the end of that job and into the next second: audit times are compared with the reply's
  // Date, which has whole seconds (as node-triton does it).
  sim.clock.advance(1400);
  const r = await run('instance', 'reboot', '--wait', 'rb', '--progress');
  assert.equal(r.code, 0, r.err);
  const reboots = machine('rb').jobs.filter((j) => j.action === 'reboot');
  assert.equal(reboots.length, 2);
  assert.ok(reboots[1]!.finishAt <= sim.clock.now(), 'returned only once the job had finished');
  assert.equal(JSON.parse(r.out).finished, new Date(reboots[1]!.finishAt).toISOString());
  assert.match(r.err, /waiting for the reboot of rb \([0-9a-f]{8}\): not finished yet \(\d+\.\d s\)\n/);
  assert.match(r.err, /: done \(/);
});

test('`instance wait --state deleted` on an instance that is gone (410) succeeds; delete --wait waits', async () => {
  const { json, run } = await setup();
  const m = await json<Inst>('create', '-n', 'gone', '-w', 'base-64-lts', 'sample-512M');
  const del = await json<{ state: string }>('instance', 'delete', '-w', 'gone');
  assert.equal(del.state, 'deleted');
  const waited = await run('instance', 'wait', '--state', 'deleted', m.id);
  assert.equal(waited.code, 0, waited.err);
  assert.equal(JSON.parse(waited.out).state, 'deleted');
  assert.equal((await json<Inst>('instance', 'get', m.id)).state, 'deleted');
  const notYet = await run('instance', 'wait', '-s', 'stopped', '--timeout', '300ms', m.id);
  assert.equal(notYet.code, 1);
});

test('every asynchronous instance change waits with -w: stop, start, rename, resize, firewall, protection, tags, metadata, snapshots, NICs, disks, migrations', async () => {
  const { json, run, machine } = await setup();
  await json('create', '-n', 'w', '-w', 'base-64-lts', 'sample-512M');
  assert.equal((await json<Inst>('stop', '-w', 'w')).state, 'stopped');
  assert.equal((await json<Inst>('start', '-w', 'w')).state, 'running');
  assert.equal((await json<Inst>('instance', 'rename', '-w', 'w', 'w2')).name, 'w2');
  await json('instance', 'resize', '-w', 'w2', 'sample-1G');
  assert.equal(machine('w2').package, TRITON_SEED.package.medium);
  await json('instance', 'enable-firewall', '-w', 'w2');
  await json('instance', 'enable-deletion-protection', '-w', 'w2');
  await json('instance', 'disable-deletion-protection', '-w', 'w2');
  assert.deepEqual([machine('w2').firewall_enabled, machine('w2').deletion_protection], [true, false]);
  assert.deepEqual(await json('instance', 'tag', 'set', '-w', 'w2', 'a=1', 'b=true'), { a: 1, b: true });
  assert.deepEqual(await json('instance', 'tag', 'replace-all', '-w', 'w2', 'c=x'), { c: 'x' });
  assert.equal(await json('instance', 'tag', 'get', 'w2', 'c'), 'x');
  assert.deepEqual(await json('instance', 'tag', 'delete', '-w', '-a', 'w2'), {});
  assert.deepEqual(await json('instance', 'metadata', 'set', '-w', 'w2', 'k=v', 'k2=v2'), { k: 'v', k2: 'v2' });
  assert.deepEqual(await json('instance', 'metadata', 'delete', '-w', 'w2', 'k'), { k2: 'v2' });
  assert.equal(await json('instance', 'metadata', 'get', 'w2', 'k2'), 'v2');
  assert.equal((await json<{ state: string }>('instance', 'snapshot', 'create', '-n', 's1', '-w', 'w2')).state, 'created');
  assert.equal((await json<unknown[]>('instance', 'snapshot', 'list', 'w2')).length, 1);
  assert.equal((await json<{ state: string }>('instance', 'snapshot', 'delete', '-w', 'w2', 's1')).state, 'deleted');
  const nic = await json<{ mac: string; state: string }>('instance', 'nic', 'create', '-w', 'w2', 'sim-private');
  assert.equal(nic.state, 'running');
  assert.equal((await json<unknown[]>('instance', 'nic', 'list', 'w2')).length, 3);
  await json('instance', 'nic', 'delete', 'w2', nic.mac);
  assert.equal((await json<{ state: string }>('instance', 'migration', 'begin', '-w', 'w2')).state, 'paused');
  assert.equal((await json<{ state: string }>('instance', 'migration', 'automatic', 'w2').catch(() => ({ state: 'refused' }))).state, 'refused', 'a migration is in progress');
  assert.equal((await json<{ state: string }>('instance', 'migration', 'sync', '-w', 'w2')).state, 'paused');
  assert.equal((await json<{ state: string }>('instance', 'migration', 'switch', '-w', 'w2')).state, 'successful');
  assert.equal((await json<{ progress_history: unknown[] }>('instance', 'migration', 'get', 'w2')).progress_history.length, 3);
  await json('create', '-n', 'vm', '-b', 'bhyve', '-w', 'ubuntu-certified-22.04', 'sample-bhyve-flexible-4G');
  await json('stop', '-w', 'vm');
  const disk = await json<{ id: string; size: number; state: string }>('instance', 'disk', 'add', '-w', 'vm', '512');
  assert.deepEqual([disk.size, disk.state], [512, 'stopped']);
  assert.equal((await json<{ size: number }>('instance', 'disk', 'resize', '-w', 'vm', disk.id, '1024')).size, 1024);
  assert.equal((await json<{ state: string }>('instance', 'disk', 'delete', '-w', 'vm', disk.id)).state, 'deleted');
  const audit = await json<{ action: string }[]>('instance', 'audit', 'w2');
  assert.ok(audit.some((a) => a.action === 'rename'));
  assert.equal((await run('instance', 'tag', 'delete', 'w2')).code, 2, 'names or -a');
});

test('images, packages, networks, VLANs, firewall rules, volumes, keys, account, RBAC, datacenters, services, info', async () => {
  const { json, run, sim } = await setup();
  await json('create', '-n', 'src', '-w', 'base-64-lts', 'sample-512M');
  const img = await json<{ id: string; state: string }>('image', 'create', '-w', '-d', 'golden', 'src', 'golden', '1.0.0');
  assert.equal(img.state, 'active');
  assert.equal((await json<{ description: string }>('image', 'update', 'golden', 'description=gold')).description, 'gold');
  await json('image', 'share', 'golden@1.0.0', TRITON_SEED.image.base);
  assert.equal((await json<{ state: string }>('image', 'wait', img.id.slice(0, 8))).state, 'active');
  assert.match(String((await json<{ image_path: string }>('image', 'export', 'golden', '/demo/stor')).image_path), /golden-1\.0\.0/);
  await json('image', 'delete', 'golden');
  assert.equal((await json<unknown[]>('packages', 'memory=512')).length, 1);
  await json('vlan', 'create', '-n', 'v42', '42');
  assert.equal((await json<{ description: string }>('vlan', 'update', 'v42', 'description=x')).description, 'x');
  const net = await json<{ id: string; gateway?: string }>('network', 'create', '-n', 'n42', '-s', '10.42.0.0/24', '-S', '10.42.0.5', '-E', '10.42.0.99', '42');
  assert.equal(net.gateway, undefined);
  assert.equal((await json<unknown[]>('vlan', 'networks', 'v42')).length, 1);
  await json('network', 'set-default', 'n42');
  assert.equal((await json<{ id: string }>('network', 'get-default')).id, net.id);
  await json('network', 'set-default', 'My-Fabric-Network');
  assert.equal((await json<{ reserved: boolean }>('network', 'ip', 'update', 'n42', '10.42.0.7', 'reserved=true')).reserved, true);
  assert.equal((await json<unknown[]>('network', 'ip', 'list', 'n42')).length, 1);
  await json('network', 'delete', 'n42');
  await json('vlan', 'delete', '42');
  const rule = await json<{ id: string; enabled: boolean }>('fwrule', 'create', '-D', 'ssh', 'FROM any TO all vms ALLOW tcp PORT 22');
  assert.equal(rule.enabled, true);
  assert.equal((await json<{ enabled: boolean }>('fwrule', 'disable', rule.id.slice(0, 8))).enabled, false);
  assert.equal((await json<unknown[]>('fwrule', 'instances', rule.id)).length, 1);
  await json('fwrule', 'delete', rule.id);
  const vol = await json<{ id: string; state: string }>('volume', 'create', '-n', 'data', '-s', '20G', '-w');
  assert.equal(vol.state, 'ready');
  await json('create', '-n', 'nfs', '-v', 'data:/data', '-w', 'base-64-lts', 'sample-512M');
  const inUse = await run('volume', 'delete', 'data');
  assert.equal(inUse.code, 1);
  assert.match(inUse.err, /VolumeInUse/);
  await json('key', 'add', '-n', 'other', '/tmp/other.pub');
  assert.equal((await json<{ name: string }>('key', 'get', 'other')).name, 'other');
  await json('key', 'delete', 'other');
  assert.equal((await json<{ companyName: string }>('account', 'update', 'companyName=Acme')).companyName, 'Acme');
  assert.ok((await json<unknown[]>('account', 'limits')).length > 0);
  assert.equal((await json<{ login: string }>('rbac', 'user', '-a', 'login=alice', 'email=a@example.com', 'password=Secret123')).login, 'alice');
  await json('rbac', 'policy', '-a', 'name=read', 'rules=CAN listmachines,CAN getmachine');
  await json('rbac', 'role', '-a', 'name=readers', 'members=alice', 'default_members=alice', 'policies=read');
  assert.deepEqual(await json('rbac', 'role-tags', '-a', 'readers', '/my/machines'), { name: '/demo/machines', 'role-tag': ['readers'] });
  assert.deepEqual(await json('rbac', 'role-tags', '/my/machines'), ['readers']);
  await json('rbac', 'instance-role-tags', '-a', 'readers', 'nfs');
  assert.deepEqual(await json('rbac', 'instance-role-tags', 'nfs'), ['readers']);
  assert.deepEqual((await json<{ users: string[] }>('rbac', 'info')).users, ['alice']);
  await json('rbac', 'role', '-d', 'readers');
  assert.equal(sim.state.accounts.get('demo')!.roles.size, 0);
  assert.ok('us-sim-1' in (await json('datacenters')));
  assert.ok('cloudapi' in (await json('services')));
  assert.equal((await json<{ instances: number }>('info')).instances, 2);
});

test('`cloudapi [METHOD] PATH` reaches every operation of the spec (GETs sent, changes shown with --dry-run)', async () => {
  const { run, sim } = await setup();
  const sample: Record<string, string> = { login: 'my', vlanId: '2', machine: '00000000-0000-4000-8000-000000000001' };
  let reached = 0;
  for (const key of Object.keys(operations)) {
    const [method, template] = key.split(' ') as [string, string];
    const path = template.replace(/\{(\w+)\}/g, (_, p: string) => sample[p] ?? `x-${p}`);
    const before = sim.requests.list().length;
    const r = await run('cloudapi', '--dry-run', method, path);
    if (method === 'GET' || method === 'HEAD') {
      // Reads are sent (even with --dry-run): the simulator saw the request, whatever it answered.
      const seen = sim.requests.list().slice(before).map((q) => `${q.method} ${new URL(q.url).pathname}`);
      assert.ok(seen.includes(`${method} ${path}`), `${key}: ${r.err}`);
    } else {
      assert.equal(r.code, 0, `${key}: ${r.err}`);
      const dry = JSON.parse(r.out) as { method: string; url: string };
      assert.equal(dry.method, method, key);
      assert.equal(new URL(dry.url).pathname, path, key);
    }
    reached++;
  }
  assert.equal(reached, Object.keys(operations).length);
  assert.ok(reached >= 117);
  // Without --dry-run a change goes out: an operation no command wraps (access keys).
  const created = await run('cloudapi', 'POST', '/my/accesskeys', '-d', '{"description":"ci"}');
  assert.equal(created.code, 0, created.err);
  assert.equal(JSON.parse(created.out).description, 'ci');
  const bad = await run('cloudapi', '-i', '/my/datasets');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /^HTTP\/1\.1 405 /);
});

test('conventions: --dry-run before or after the command, durations in s/ms, one-line errors with exit 2 for usage and setup, 1 for failures', async () => {
  const { run, json, env } = await setup();
  await json('create', '-n', 'd', '-w', 'base-64-lts', 'sample-512M');
  for (const argv of [['--dry-run', 'instance', 'stop', 'd'], ['instance', '--dry-run', 'stop', 'd'], ['instance', 'stop', 'd', '--dry-run']]) {
    const r = await run(...argv);
    assert.equal(r.code, 0, r.err);
    const dry = JSON.parse(r.out) as { dryRun: boolean; method: string; url: string; headers: Record<string, string> };
    assert.equal(dry.dryRun, true);
    assert.match(dry.url, /\/demo\/machines\/[0-9a-f-]+\?action=stop$/);
    assert.equal(dry.headers.authorization, '[REDACTED]');
  }
  const dryCreate = await run('create', '-n', 'never', '--dry-run', 'base-64-lts', 'sample-512M');
  assert.equal(JSON.parse(dryCreate.out).method, 'POST');
  assert.equal((await json<unknown[]>('instances')).length, 1, 'nothing was created');
  assert.equal((await run('instance', 'wait', '--timeout', '60s', '--interval', '500ms', 'd')).code, 0);
  const badDuration = await run('instance', 'wait', '--timeout', 'soon', 'd');
  assert.deepEqual([badDuration.code, badDuration.err], [2, 'opskit: --timeout must be a duration in seconds, such as 60, 60s, 1.5s or 500ms\n']);
  const cases: [Record<string, string>, string[], number, RegExp][] = [
    [{}, ['account', 'get'], 2, /^opskit: no CloudAPI URL: pass --url \(-U\), set TRITON_URL or SDC_URL, or name a profile with -p \(see 'opskit triton profile list'\)\n$/],
    [{ TRITON_URL: env.TRITON_URL }, ['account', 'get'], 2, /^opskit: no account: pass --account \(-a\), set TRITON_ACCOUNT or SDC_ACCOUNT, or name a profile with -p\n$/],
    [env, ['account', 'get'], 2, /^opskit: no key: pass --key-file FILE or --key-id FINGERPRINT \(-k\), set TRITON_KEY_ID or SDC_KEY_ID, or name a profile with -p\n$/],
    [{ ...env, TRITON_URL: 'cloudapi.example.com' }, ['account', 'get'], 2, /^opskit: TRITON_URL or SDC_URL must be a URL with its scheme, such as https:\/\/cloudapi\.example\.com /],
    [env, ['account', 'get', '--key-file', '/nowhere/key'], 2, /^opskit: cannot read key file \/nowhere\/key: no such file\n$/],
    [env, ['instance', 'explode'], 2, /^opskit: unknown command "triton instance explode"; 'triton instance' commands: list, get, create/],
    [env, ['instance', 'get'], 2, /^opskit: missing arguments for 'triton instance get'; usage: opskit triton instance get INST\n$/],
    [env, ['account', 'get', '--bogus'], 2, /^opskit: unknown option --bogus; see 'opskit triton account get --help'\n$/],
  ];
  for (const [e, argv, code, message] of cases) {
    const f = fakeIo({ env: e });
    assert.equal(await runCli(['triton', ...argv], f.io), code, argv.join(' '));
    assert.match(f.stderr(), message);
    assert.equal(f.stderr().split('\n').length, 2, 'one line');
  }
  const notFound = await run('instance', 'get', '00000000-0000-4000-8000-000000000000');
  assert.equal(notFound.code, 1);
  assert.equal(notFound.err.split('\n').length, 2);
});

test('help: every command has its own help within 100 columns; `instance create --help` shows that command', async () => {
  const { run } = await setup();
  const help = await run('instance', 'create', '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: opskit triton instance create \[OPTIONS\] IMAGE PACKAGE\n/);
  assert.match(help.out, /-a, --affinity RULE/);
  assert.match(help.out, /^ {6}--account LOGIN/m, "-a is Joyent's --affinity here; --account keeps its long form");
  const paths: string[][] = [];
  const walk = (node: Node, path: string[]) => {
    paths.push(path);
    if (isBranch(node)) for (const [name, child] of Object.entries(node.children)) walk(child, [...path, name]);
  };
  walk(tritonTree, []);
  assert.ok(paths.length > 120, `${paths.length} commands`);
  for (const path of paths) {
    const f = fakeIo();
    assert.equal(await runCli(['triton', ...path, '--help'], f.io), 0, path.join(' '));
    for (const line of f.stdout().split('\n')) assert.ok([...line].length <= 100, `${path.join(' ')}: ${line}`);
  }
});
