// Issue 13: --dry-run on every command of every family, before or after the command word; nothing
// is sent (the simulator's request log stays as it was) and nothing is written. conventions.test.ts
// checks every command accepts it; this runs the ones whose dry run was missing or broken.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createSim, type Sim } from '../../../src/sim/index.js';
import { fakeIo } from './fake-io.js';

const sims: Record<string, { sim: Sim; served: ServedSim }> = {};
before(async () => {
  for (const family of ['turbonomic', 'timesys', 'mist'] as const) {
    const sim = createSim(family);
    sims[family] = { sim, served: await serve(sim) };
  }
});
after(async () => {
  for (const { served } of Object.values(sims)) await served.close();
});

async function run(argv: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const f = fakeIo(options);
  const code = await runCli(argv, f.io);
  return { code, out: f.stdout(), err: f.stderr(), json: () => JSON.parse(f.stdout()) };
}

test('turbo: a listing prints its request, before or after the command word; no login, nothing sent', async () => {
  const { sim, served } = sims.turbonomic!;
  const before = sim.requests.size;
  for (const argv of [['turbo', '--dry-run', 'entities', '--limit', '5'], ['turbo', 'entities', '--limit', '5', '--dry-run']]) {
    const r = await run([...argv, '--url', served.url, '-u', 'administrator'], { env: { TURBO_PASSWORD: 'opskit-turbo' } });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual([r.json().dryRun, r.json().method, new URL(r.json().url).pathname], [true, 'GET', '/api/v3/markets/Market/entities']);
  }
  assert.equal(sim.requests.size, before);
});

test('vigiles: --dry-run after the command (upstream only takes it before), and between the command words', async () => {
  const { sim, served } = sims.timesys!;
  const files = { '/key': JSON.stringify({ email: 'user@example.com', key: 'abc123' }), '/sbom.txt': 'zlib 1.2.11\n' };
  const before = sim.requests.size;
  for (const argv of [['manifest', 'upload', '/sbom.txt', '--dry-run'], ['manifest', '--dry-run', 'upload', '/sbom.txt'], ['--dry-run', 'manifest', 'upload', '/sbom.txt']]) {
    const r = await run(['vigiles', '-u', served.url, '-k', '/key', ...argv], { files, env: { LOG_LEVEL: 'ERROR' } });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual([r.json().dryRun, r.json().method, new URL(r.json().url).pathname], [true, 'POST', '/api/v1/vigiles/manifests']);
  }
  assert.equal(sim.requests.size, before);
});

test('mist: listings print their request (they crashed), sync prints what it would import', async () => {
  const { sim, served } = sims.mist!;
  const files = {
    '/cfg': `[mist.io]\nmist_uri=${served.url}\n\n[mist.credentials]\nemail=${sim.credentials.email}\npassword=${sim.credentials.password}\n`,
    '/db.yaml': 'backends:\n  XYZ:\n    provider: ec2_eu_west\n    title: old\nkeypairs:\n  k1:\n    private: PEM\n    machines:\n    - [XYZ, i-1, 0, root, false, 22]\n',
  };
  const before = sim.requests.size;
  for (const argv of [['list', 'backends'], ['list', 'keys'], ['list', 'providers'], ['list', 'machines', '-b', 'b1'], ['list', 'sizes', '-b', 'b1'], ['list', 'images', '-b', 'b1'], ['show', 'key', '-n', 'k']]) {
    const r = await run(['mist', ...argv, '--dry-run', '--config', '/cfg'], { files });
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
    assert.equal(r.json().dryRun, true, argv.join(' '));
  }
  const sync = await run(['mist', '--dry-run', 'sync', '--dbyaml', '/db.yaml', '--config', '/cfg'], { files });
  assert.equal(sync.code, 0, sync.err);
  assert.deepEqual(sync.json(), { dryRun: true, keys: ['k1'], backends: ['XYZ'], associations: [{ key: 'k1', backend: 'XYZ', machine: 'i-1' }] });
  assert.equal(sim.requests.size, before);
});
