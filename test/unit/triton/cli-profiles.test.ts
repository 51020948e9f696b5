// Issue 13: opskit triton reads node-triton's profiles (~/.triton/profiles.d/NAME.json) with
// `triton profile` semantics: -p NAME, then $TRITON_PROFILE, then the current profile of
// ~/.triton/config.json, else `env` (the TRITON_*/SDC_* variables); command-line options override
// the profile's fields. Joyent's own triton reads the profiles opskit writes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { runCli } from '../../../src/cli/run.js';
import { encodeOpenSshPrivateKey, generatePrivateKeySync } from '../../../src/crypto/index.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createSim } from '../../../src/sim/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { root } from '../cli/helpers.js';

let home: string;
let served: ServedSim;
let keyId: string;

before(async () => {
  home = await mkdtemp(join(tmpdir(), 'opskit-triton-profiles-'));
  const key = generatePrivateKeySync('ecdsa');
  keyId = key.publicKey.md5Fingerprint;
  await mkdir(join(home, '.ssh'), { mode: 0o700 });
  await writeFile(join(home, '.ssh', 'id_ecdsa'), encodeOpenSshPrivateKey(key), { mode: 0o600 });
  await writeFile(join(home, '.ssh', 'id_ecdsa.pub'), `${key.publicKey.toString()} test\n`);
  served = await serve(createSim('triton', { keys: [key.publicKey.toString()] }));
});
after(async () => {
  await served.close();
  await rm(home, { recursive: true, force: true });
});

async function triton(argv: string[], env: Record<string, string> = {}) {
  const f = fakeIo({ env: { HOME: home, ...env }, files: { '/p.json': JSON.stringify({ name: 'sim', url: served.url, account: 'demo', keyId }) } });
  // Profiles and keys are real files under HOME: read those from disk.
  const io = { ...f.io, readFile: async (p: string) => (p === '/p.json' ? f.io.readFile(p) : new Uint8Array(await readFile(p))) };
  const code = await runCli(['triton', ...argv], io);
  return { code, out: f.stdout(), err: f.stderr(), json: () => JSON.parse(f.stdout()) };
}

test('profile create -f, then -p NAME signs with the profile (its keyId found in ~/.ssh)', async () => {
  const created = await triton(['profile', 'create', '-f', '/p.json']);
  assert.equal(created.code, 0, created.err);
  assert.equal(created.json().path, join(home, '.triton', 'profiles.d', 'sim.json'));
  assert.deepEqual(JSON.parse(await readFile(join(home, '.triton', 'profiles.d', 'sim.json'), 'utf8')), { url: served.url, account: 'demo', keyId }, 'node-triton\'s form: no name in the file');
  const account = await triton(['-p', 'sim', 'account']);
  assert.equal(account.code, 0, account.err);
  assert.equal(account.json().login, 'demo');
  assert.equal((await triton(['account'], { TRITON_PROFILE: 'sim' })).json().login, 'demo', '$TRITON_PROFILE');
});

test('set-current makes it the default (and - switches back); options override the profile; env is the TRITON_* profile', async () => {
  assert.equal((await triton(['profile', 'create', '-f', '/p.json', '--dry-run'])).json().dryRun, true);
  await triton(['profile', 'create', '-f', '/p.json']);
  const none = await triton(['account']);
  assert.equal(none.code, 2, 'no profile and no TRITON_*: a setup mistake');
  assert.match(none.err, /^opskit: no CloudAPI URL: /);
  assert.deepEqual((await triton(['profile', 'set-current', 'sim'])).json(), { current: 'sim' });
  assert.equal(JSON.parse(await readFile(join(home, '.triton', 'config.json'), 'utf8')).profile, 'sim');
  assert.equal((await triton(['account'])).json().login, 'demo', 'the current profile');
  const list = await triton(['profile', 'list']);
  assert.deepEqual(list.json().map((p: { name: string; curr: boolean }) => [p.name, p.curr]), [['sim', true]]);
  const overridden = await triton(['account', '-a', 'nobody']);
  assert.equal(overridden.code, 1, '-a overrides the profile account (and the server refuses that signature)');
  const get = await triton(['profile', 'get']);
  assert.deepEqual(get.json(), { url: served.url, account: 'demo', keyId, name: 'sim', curr: true });
  // The env profile: TRITON_* variables, current when TRITON_PROFILE=env.
  const env = { TRITON_PROFILE: 'env', TRITON_URL: served.url, TRITON_ACCOUNT: 'demo', TRITON_KEY_ID: keyId };
  assert.equal((await triton(['account'], env)).json().login, 'demo');
  assert.deepEqual((await triton(['profile', 'list'], env)).json().map((p: { name: string; curr: boolean }) => [p.name, p.curr]), [['env', true], ['sim', false]]);
  assert.deepEqual((await triton(['profile', 'set-current', 'env'])).json(), { current: 'env' });
  assert.deepEqual((await triton(['profile', 'set-current', '-'])).json(), { current: 'sim' }, "'-' goes back to the previous one");
  const missing = await triton(['-p', 'ghost', 'account']);
  assert.deepEqual([missing.code, missing.err.split('\n').length], [2, 2]);
  assert.match(missing.err, /^opskit: no such profile: ghost/);
});

test("Joyent's triton reads the profile opskit wrote; delete removes it", async () => {
  await triton(['profile', 'create', '-f', '/p.json']);
  const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'triton'), ['profile', 'get', '-j', 'sim'], { env: { PATH: process.env.PATH ?? '', HOME: home } });
  const theirs = JSON.parse(stdout) as Record<string, unknown>;
  assert.deepEqual([theirs.name, theirs.url, theirs.account, theirs.keyId], ['sim', served.url, 'demo', keyId]);
  assert.deepEqual((await triton(['profile', 'delete', 'sim'])).json(), { deleted: 'sim' });
  assert.equal((await triton(['profile', 'get', 'sim'])).code, 2);
});
