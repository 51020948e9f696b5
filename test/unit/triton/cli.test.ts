import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { PASS, wireKeys } from './fixtures.js';
import { tritonSim } from './helpers.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

async function setup() {
  const ec = wireKeys()[1]!;
  const sim = tritonSim({ keys: [ec.publicLine] });
  const served = await serve(sim);
  servers.push(served);
  const env = { TRITON_URL: served.url, SDC_ACCOUNT: 'demo', TRITON_KEY_PASSPHRASE: PASS };
  const files = { '/keys/id_ecdsa': ec.formats['openssh-encrypted']! };
  const run = async (...argv: string[]) => {
    const f = fakeIo({ env, files });
    const code = await runCli(['triton', ...argv, '--key-file', '/keys/id_ecdsa'], f.io);
    return { code, out: f.stdout(), err: f.stderr() };
  };
  return { run, sim };
}

test('opskit triton: account, keys, images, packages, networks, instances (text and -o json)', async () => {
  const { run } = await setup();
  const account = await run('account', '-o', 'json');
  assert.equal(account.code, 0, account.err);
  assert.equal(JSON.parse(account.out).login, 'demo');
  assert.match((await run('account')).out, /^id +[0-9a-f-]{36}$/m);
  assert.match((await run('keys')).out, /^NAME +FINGERPRINT\necdsa-p256 /);
  assert.equal(JSON.parse((await run('images', '--os', 'linux', '-o', 'json')).out).length, 2);
  assert.match((await run('packages')).out, /sample-512M/);
  assert.match((await run('networks')).out, /My-Fabric-Network/);
  assert.deepEqual(JSON.parse((await run('instances', '-o', 'json')).out), []);
  const bad = await run('instances', '-o', 'yaml');
  assert.equal(bad.code, 2);
});

test('opskit triton instance: create --wait with progress, tag, metadata, snapshot, stop, delete', async () => {
  const { run } = await setup();
  const created = await run('instance', 'create', '--name', 'cli-1', '--package', 'sample-512M', '--image', TRITON_SEED.image.base, 'role=web', '--wait', '--interval', '40', '-o', 'json');
  assert.equal(created.code, 0, created.err);
  const m = JSON.parse(created.out) as { id: string; state: string; tags: Record<string, string> };
  assert.equal(m.state, 'running');
  assert.deepEqual(m.tags, { role: 'web' });
  assert.match(created.err, /^waiting for [0-9a-f-]+ to be running: provisioning \(\d+\.\d s\)$/m);
  assert.match(created.err, /: running \(/);
  assert.equal(JSON.parse((await run('instance', 'get', m.id, '-o', 'json')).out).name, 'cli-1');
  assert.match((await run('instance', 'get', m.id)).out, /^state +running$/m);
  assert.deepEqual(JSON.parse((await run('instance', 'tag', m.id, 'env=prod', '-o', 'json')).out), { role: 'web', env: 'prod' });
  assert.deepEqual(JSON.parse((await run('instance', 'metadata', m.id, 'a=b', '-o', 'json')).out), { a: 'b' });
  assert.equal(JSON.parse((await run('instance', 'snapshot', m.id, 'snap1', '-o', 'json')).out).name, 'snap1');
  assert.match((await run('instance', 'snapshot', m.id, '--list')).out, /snap1/);
  const stop = await run('instance', 'stop', m.id, '--wait', '--interval', '40');
  assert.equal(stop.code, 0, stop.err);
  assert.match(stop.out, /^stop [0-9a-f-]+: stopped$/m);
  assert.equal((await run('instance', 'start', m.id)).code, 0);
  assert.equal((await run('instance', 'wait', m.id, '--state', 'running', '--interval', '40')).code, 0);
  assert.equal((await run('instance', 'reboot', m.id)).code, 0);
  const del = await run('instance', 'delete', m.id, '--wait', '--interval', '40');
  assert.equal(del.code, 0, del.err);
  assert.match(del.out, /: deleted$/m);
  const missing = await run('instance', 'get', '00000000-0000-4000-8000-000000000000');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /HTTP 404/);
  assert.equal((await run('instance', 'explode', m.id)).code, 2);
  assert.equal((await run('instance', 'create', '--name', 'x')).code, 2);
});

test('opskit triton without a URL or account is a usage error; the passphrase never appears', async () => {
  const f = fakeIo({ env: {} });
  assert.equal(await runCli(['triton', 'account'], f.io), 2);
  assert.match(f.stderr(), /no CloudAPI URL/);
  const { run } = await setup();
  const r = await run('account');
  assert.ok(!r.out.includes(PASS) && !r.err.includes(PASS));
});
