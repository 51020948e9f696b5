// Issue 13: one default path for the Turbonomic credential files, in the library and the CLI:
// ~/.turbo_services_api_creds (the CLI used ./.turbo_services_api_creds, the library ~/…).
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTurboCommands } from '../../../src/cli/commands/turbo.js';
import { runCli } from '../../../src/cli/run.js';
import { Credential, defaultCredentialDir } from '../../../src/node/turbonomic/index.js';
import { fakeIo } from '../cli/fake-io.js';

const groups = { turbo: createTurboCommands({ prompt: async () => '' }) };

test('auth create without -b writes where new Credential() reads: ~/.turbo_services_api_creds', async () => {
  const home = await mkdtemp(join(tmpdir(), 'opskit-turbo-home-'));
  const saved = process.env.HOME;
  try {
    process.env.HOME = home;
    const f = fakeIo({ env: { HOME: home } });
    assert.equal(await runCli(['turbo', 'auth', 'create', '-u', 'administrator', '-p', 'pw'], f.io, groups), 0, f.stderr());
    const out = JSON.parse(f.stdout()) as { keyPath: string; credPath: string };
    assert.equal(defaultCredentialDir(), join(home, '.turbo_services_api_creds'));
    const library = new Credential();
    assert.deepEqual([out.keyPath, out.credPath], [library.keyPath, library.credPath]);
    assert.equal(atob(await library.get()), 'administrator:pw', 'the library reads what the CLI wrote');
    assert.equal((await stat(out.credPath)).mode & 0o777, 0o600);
    // And the CLI reads it back without -b.
    const get = fakeIo({ env: { HOME: home } });
    assert.equal(await runCli(['turbo', 'auth', 'get'], get.io, groups), 0);
    assert.equal(atob(JSON.parse(get.stdout()).auth), 'administrator:pw');
  } finally {
    process.env.HOME = saved;
    await rm(home, { recursive: true, force: true });
  }
});

test('$TURBO_CREDENTIALS_DIR (what sim serve --write-credentials exports) and -b name another folder; turboauth spellings still work', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opskit-turbo-dir-'));
  try {
    const env = { HOME: '/nonexistent', TURBO_CREDENTIALS_DIR: join(dir, 'env') };
    const f = fakeIo({ env });
    assert.equal(await runCli(['turbo', 'auth', 'create', '-u', 'a', '-p', 'b'], f.io, groups), 0, f.stderr());
    assert.equal(JSON.parse(f.stdout()).credPath, join(dir, 'env', '.cred'));
    const g = fakeIo({ env });
    assert.equal(await runCli(['turbo', 'auth', 'create', '-b', join(dir, 'b'), '--keyfile', 'k', '--credfile', 'c', '-u', 'a', '-p', 'b'], g.io, groups), 0, g.stderr());
    assert.deepEqual(JSON.parse(g.stdout()), { created: true, keyPath: join(dir, 'b', 'k'), credPath: join(dir, 'b', 'c') });
    const dry = fakeIo({ env });
    assert.equal(await runCli(['turbo', 'auth', 'create', '-b', join(dir, 'dry'), '-u', 'a', '-p', 'b', '--dry-run'], dry.io, groups), 0);
    assert.deepEqual(JSON.parse(dry.stdout()), { dryRun: true, keyPath: join(dir, 'dry', '.key'), credPath: join(dir, 'dry', '.cred'), replace: false });
    await assert.rejects(stat(join(dir, 'dry')), /ENOENT/, '--dry-run writes nothing');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
