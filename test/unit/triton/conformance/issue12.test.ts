// Issue 12: what Joyent's own clients got wrong from the simulator, each case through the vendor
// CLI that showed it (node-triton 7.17.0, node-smartdc 9.0.1), each with a simulator of its own.
// Every test here failed against the simulator before the fix: the reboot audit id, the hanging
// `-w` waits, empty role tags, an allowed sub-user, volume refs, migration history, and the smaller
// CloudAPI rules.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parsePrivateKey } from '../../../../src/crypto/index.js';
import type { TritonSimOptions } from '../../../../src/sim/triton/index.js';
import { SDC_BIN_DIR, serveForVendors, TRITON_BIN, VendorCli, writeHomeFile, type Served } from './harness.js';

const servers: Served[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function vendor(options: TritonSimOptions = {}) {
  const served = await serveForVendors(options);
  servers.push(served);
  const cli = new VendorCli(served, (name) => (name === 'triton' ? TRITON_BIN : join(SDC_BIN_DIR, name)));
  const T = (...a: string[]) => cli.ok('triton', ...a);
  const J = <V = Record<string, unknown>>(...a: string[]) => cli.json<V>('triton', ...a);
  const run = (...a: string[]) => served.run(TRITON_BIN, a);
  return { served, cli, T, J, run };
}

test('issue 12: the failing cases, through the vendor CLIs', { concurrency: true }, async (t) => {
  await Promise.all([
    t.test('`triton instance reboot -w` finds a finished reboot job (no "audit id undefined")', async () => {
      // A reboot that outlasts node-triton's first audit poll (1–3 s): the job must not be listed
      // before it has finished.
      const { served, T, run } = await vendor({ transitionMs: 3100 });
      served.sim.clock.advance(0);
      await T('instance', 'create', '-n', 'r1', 'base-64-lts', 'sample-512M');
      served.sim.clock.advance(3100);
      const r = await run('instance', 'reboot', '-w', '--wait-timeout', '20', 'r1');
      assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /Rebooted instance r1/);
      assert.doesNotMatch(r.stderr, /audit id/);
    }),

    t.test('`triton instance metadata set -w` and `metadata delete -w` return (set_metadata / remove_metadata audit entries)', async () => {
      const { T, run } = await vendor();
      await T('instance', 'create', '-w', '-n', 'm1', 'base-64-lts', 'sample-512M');
      for (const args of [['metadata', 'set', '-w', '--wait-timeout', '8', 'm1', 'a=1'], ['metadata', 'delete', '-w', '-f', '--wait-timeout', '8', 'm1', 'a']]) {
        const r = await run('instance', ...args);
        assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      }
    }),

    t.test('`triton instance snapshot delete -w` returns (delete_snapshot audit entry)', async () => {
      const { T, run } = await vendor();
      await T('instance', 'create', '-w', '-n', 's1', 'base-64-lts', 'sample-512M');
      await T('instance', 'snapshot', 'create', '-w', '-n', 'snap', 's1');
      const r = await run('instance', 'snapshot', 'delete', '-w', '-f', '--wait-timeout', '8', 's1', 'snap');
      assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /Deleted snapshot "snap"/);
    }),

    t.test('`triton rbac instance-role-tags` shows the tags (role-tag header)', async () => {
      const { served, T } = await vendor();
      const role = writeHomeFile(served, 'role.json', JSON.stringify({ name: 'ops', policies: [], members: [] }));
      await T('rbac', 'role', '-a', role);
      await T('instance', 'create', '-w', '-n', 'tagged', 'base-64-lts', 'sample-512M');
      await T('rbac', 'instance-role-tags', '-a', 'ops', 'tagged');
      assert.equal((await T('rbac', 'instance-role-tags', 'tagged')).stdout.trim(), 'ops');
    }),

    t.test('`triton -u alice instance list` is refused until the role is tagged on /my/machines', async () => {
      const { served, cli, T } = await vendor();
      const pub = writeHomeFile(served, 'alice.pub', `${parsePrivateKey(served.sim.credentials.key!).publicKey.toString()}\n`);
      await T('rbac', 'user', '-a', writeHomeFile(served, 'alice.json', JSON.stringify({ login: 'alice', email: 'a@example.com', password: 'Secret123' })));
      await T('rbac', 'key', '-a', '-n', 'k', 'alice', pub);
      await T('rbac', 'policy', '-a', writeHomeFile(served, 'p.json', JSON.stringify({ name: 'list', rules: ['CAN listmachines'] })));
      await T('rbac', 'role', '-a', writeHomeFile(served, 'r.json', JSON.stringify({ name: 'listers', policies: [{ name: 'list' }], members: [{ type: 'subuser', login: 'alice', default: true }] })));
      await cli.fails('triton', ['-u', 'alice', 'instance', 'list'], { message: /NotAuthorized.*\/demo\/machines \(listmachines\)/ });
      await T('rbac', 'role-tags', '-a', 'listers', '/my/machines');
      await T('-u', 'alice', 'instance', 'list');
    }),

    t.test('volumes: an instance created with -v is in the volume refs; deleting the volume is 409 VolumeInUse', async () => {
      const { cli, T, J } = await vendor();
      await T('volume', 'create', '-w', '-n', 'data');
      const inst = await J('instance', 'create', '-w', '-j', '-n', 'nfs', '-v', 'data:/data', 'base-64-lts', 'sample-512M');
      assert.deepEqual((await J('volume', 'get', '-j', 'data')).refs, [inst.id]);
      await cli.fails('triton', ['volume', 'delete', '-f', 'data'], { message: /VolumeInUse/ });
    }),

    t.test('`triton instance migration get` shows each phase (started_timestamp, duration_ms) and a watch streams only the running phase', async () => {
      const { J, T } = await vendor();
      await T('instance', 'create', '-w', '-n', 'mig', 'base-64-lts', 'sample-512M');
      await T('instance', 'migration', 'begin', '-w', 'mig');
      const shown = await T('instance', 'migration', 'get', 'mig');
      assert.match(shown.stdout, /Phases:/);
      assert.match(shown.stdout, /\bbegin\s+success\b/);
      const events = (await T('instance', 'migration', 'sync', '-w', '-j', 'mig')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type?: string; phase?: string });
      assert.ok(events.every((e) => e.phase !== 'begin'), `no replay of the begin phase: ${JSON.stringify(events)}`);
      assert.equal(events.at(-1)!.type, 'end');
      const history = (await J<{ progress_history: { started_timestamp?: string; duration_ms?: number }[] }>('instance', 'migration', 'get', '-j', 'mig')).progress_history;
      assert.equal(history.length, 2);
      assert.ok(history.every((h) => typeof h.started_timestamp === 'string' && typeof h.duration_ms === 'number'));
    }),

    t.test('a truthy tombstone (`?tombstone=30`) lists destroyed instances', async () => {
      const { J, T } = await vendor();
      const inst = await J('instance', 'create', '-w', '-j', '-n', 'gone', 'base-64-lts', 'sample-512M');
      await T('instance', 'delete', '-w', '-f', 'gone');
      const listed = await J<{ id: string; state: string }[]>('cloudapi', '/my/machines?tombstone=30');
      assert.deepEqual(listed.map((m) => [m.id, m.state]), [[inst.id, 'deleted']]);
    }),

    t.test('image types below Accept-Version 8: smartmachine/virtualmachine (`sdc-listimages --api-version ~7.2`)', async () => {
      const { cli } = await vendor();
      const images = await cli.json<{ name: string; type: string }[]>('sdc-listimages', '--api-version', '~7.2');
      assert.deepEqual(images.map((i) => i.type), ['smartmachine', 'smartmachine', 'virtualmachine']);
      const v9 = await cli.json<{ type: string }[]>('sdc-listimages', '--api-version', '~9');
      assert.deepEqual(v9.map((i) => i.type), ['zone-dataset', 'lx-dataset', 'zvol']);
    }),

    t.test('`triton cloudapi /` shows the redirect to the API docs', async () => {
      const { run } = await vendor();
      const root = await run('cloudapi', '-i', '/');
      assert.match(root.stderr, /HTTP\/1\.1 302/);
      assert.match(root.stderr, /location: http:\/\/apidocs\.joyent\.com\/cloudapi\//i);
    }),

    t.test('`triton cloudapi /my/datasets` is 405 MethodNotAllowed (the route is gone)', async () => {
      const { cli } = await vendor();
      await cli.fails('triton', ['cloudapi', '/my/datasets'], { message: /error \(MethodNotAllowed\): GET is not allowed/ });
    }),

    t.test('`sdc-listmachines --type bogus` is 409 InvalidArgument', async () => {
      const { cli } = await vendor();
      await cli.fails('sdc-listmachines', ['--type', 'bogus'], { code: 3, message: /error \(InvalidArgument\): bogus is not a valid type/ });
    }),

    t.test('a fabric network created without a gateway (`triton network create -x`) has none', async () => {
      const { J, T } = await vendor();
      await T('network', 'create', '-x', '-n', 'isolated', '-s', '10.77.0.0/24', '-S', '10.77.0.5', '-E', '10.77.0.250', '2');
      const net = await J('network', 'get', '-j', 'isolated');
      assert.equal(net.gateway, undefined);
      assert.equal(net.subnet, '10.77.0.0/24');
    }),

    t.test('`triton key add` of a key already there names the duplicate', async () => {
      const { served, cli } = await vendor();
      const pub = parsePrivateKey(served.sim.credentials.key!).publicKey;
      const file = writeHomeFile(served, 'again.pub', `${pub.toString()}\n`);
      await cli.fails('triton', ['key', 'add', '-n', 'again', file], { message: new RegExp(`key ${pub.md5Fingerprint} already exists \\(named "sim-generated"\\)`) });
    }),
  ]);
});
