import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { KeyParseError } from '../../../src/crypto/index.js';
import { dataCenterFromEnv, loadKeyFromSshDir, readBootScript, signerForKeyId, tritonEnv } from '../../../src/node/index.js';
import { PASS, tempDir, testKeys } from './fixtures.js';
import { tritonSim } from './helpers.js';
import { serve } from '../../../src/node/index.js';

function sshDir() {
  const dir = tempDir('opskit-dotssh-');
  const [rsa, p256, , , ed] = testKeys();
  writeFileSync(join(dir, 'id_rsa'), rsa!.formats['pkcs1-aes128']!, { mode: 0o600 });
  writeFileSync(join(dir, 'id_rsa.pub'), rsa!.publicLine);
  writeFileSync(join(dir, 'id_ecdsa'), p256!.formats.sec1!, { mode: 0o600 });
  writeFileSync(join(dir, 'id_ed25519'), ed!.formats['openssh-encrypted']!, { mode: 0o600 });
  writeFileSync(join(dir, 'config'), 'Host *\n  IdentitiesOnly yes\n');
  writeFileSync(join(dir, 'known_hosts'), 'example.com ssh-ed25519 AAAA\n');
  return { dir, rsa: rsa!, p256: p256!, ed: ed! };
}

test('keys are found in ~/.ssh by MD5 or SHA256 fingerprint (via .pub files, OpenSSH headers, or parsing)', async () => {
  const { dir, rsa, p256, ed } = sshDir();
  assert.equal((await loadKeyFromSshDir({ dir, fingerprint: rsa.md5, passphrase: PASS })).md5Fingerprint, rsa.md5);
  assert.equal((await loadKeyFromSshDir({ dir, fingerprint: `MD5:${p256.md5}` })).sha256Fingerprint, p256.sha256);
  assert.equal((await loadKeyFromSshDir({ dir, fingerprint: ed.sha256, passphrase: PASS })).type, 'ed25519');
  await assert.rejects(loadKeyFromSshDir({ dir, fingerprint: ed.sha256 }), /passphrase is required/);
  await assert.rejects(loadKeyFromSshDir({ dir, fingerprint: rsa.md5, passphrase: 'nope' }), /wrong passphrase/);
  await assert.rejects(loadKeyFromSshDir({ dir, fingerprint: testKeys()[2]!.md5 }), (e: unknown) => e instanceof KeyParseError && /no private key with fingerprint/.test(e.message));
});

test('SDC_* and TRITON_* configuration (TRITON_* wins)', () => {
  assert.deepEqual(tritonEnv({ SDC_URL: 'https://a', SDC_ACCOUNT: 'jill', SDC_USER: 'ops', SDC_KEY_ID: 'aa' }), { url: 'https://a', account: 'jill', user: 'ops', keyId: 'aa' });
  assert.deepEqual(tritonEnv({ SDC_URL: 'https://a', TRITON_URL: 'https://b', TRITON_ACCOUNT: 'bob', SDC_ACCOUNT: '' }), { url: 'https://b', account: 'bob' });
  assert.deepEqual(tritonEnv({}), {});
});

test('dataCenterFromEnv signs with the ~/.ssh key named by SDC_KEY_ID (agent skipped) against the served simulator', async () => {
  const { dir, p256, rsa } = sshDir();
  const sim = tritonSim({ keys: [p256.publicLine, rsa.publicLine] });
  const served = await serve(sim);
  try {
    const env = { SDC_URL: served.url, SDC_ACCOUNT: 'demo', SDC_KEY_ID: p256.sha256 };
    const dc = await dataCenterFromEnv({ env, sshDir: dir, noAgent: true, now: () => sim.clock.now() });
    assert.equal(dc.keyId, `/demo/keys/${p256.md5}`);
    assert.equal((await dc.listKeys()).length, 2);
    const viaRsa = await dataCenterFromEnv({ env: { TRITON_URL: served.url, TRITON_ACCOUNT: 'demo', TRITON_KEY_ID: rsa.md5, SSH_AUTH_SOCK: '/nonexistent' }, sshDir: dir, passphrase: PASS });
    assert.equal((await viaRsa.getAccount()).login, 'demo');
    await assert.rejects(dataCenterFromEnv({ env: { SDC_ACCOUNT: 'demo' } }), ConfigError);
    await assert.rejects(dataCenterFromEnv({ env: { SDC_URL: served.url } }), ConfigError);
    await assert.rejects(dataCenterFromEnv({ env: { SDC_URL: served.url, SDC_ACCOUNT: 'demo' } }), /SDC_KEY_ID/);
    assert.equal((await signerForKeyId(p256.md5, { sshDir: dir, env: {} })).algorithm, 'ecdsa-sha256');
  } finally {
    await served.close();
  }
});

test('readBootScript reads a boot script file', async () => {
  const dir = tempDir('opskit-boot-');
  writeFileSync(join(dir, 'boot.sh'), '#!/bin/sh\necho up\n');
  assert.equal(await readBootScript(join(dir, 'boot.sh')), '#!/bin/sh\necho up\n');
});
