import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { encodeOpenSshPrivateKey, OPENSSH_CIPHERS, parsePrivateKey } from '../../../src/crypto/index.js';
// These tests read encrypted and ECDSA keys through the default (browser) build, which loads
// those formats only when asked to (docs/architecture.md, "Key formats behind their own import").
import '../../../src/crypto/encrypted-keys/index.js';
import '../../../src/crypto/ecdsa/index.js';

// Every cipher of encrypted OpenSSH key files, both ways against ssh-keygen: opskit reads what
// ssh-keygen encrypted, ssh-keygen reads what opskit encrypted (@noble/ciphers' AES behind them).
const hasSshKeygen = spawnSync('sh', ['-c', 'command -v ssh-keygen'], { stdio: 'ignore' }).status === 0;
const PASS = 'correct horse';

// Not skipped without ssh-keygen: an independent implementation is the point (.ci/run installs it).
test('every OpenSSH cipher: ssh-keygen → opskit and opskit → ssh-keygen', () => {
  assert.ok(hasSshKeygen, 'ssh-keygen is missing: apt-get install -y openssh-client');
  const dir = mkdtempSync(join(tmpdir(), 'opskit-ciphers-'));
  try {
    for (const cipher of OPENSSH_CIPHERS) {
      for (const type of ['ed25519', 'ecdsa']) {
        const file = join(dir, `${type}-${cipher}`);
        execFileSync('ssh-keygen', ['-q', '-t', type, '-Z', cipher, '-a', '4', '-N', PASS, '-C', 'c', '-f', file]);
        const publicLine = readFileSync(`${file}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
        const key = parsePrivateKey(readFileSync(file, 'utf8'), { passphrase: PASS });
        assert.equal(key.encrypted, true, cipher);
        assert.equal(key.publicKey.toString().split(' ').slice(0, 2).join(' '), publicLine, `${type} ${cipher}: opskit read ssh-keygen's key`);
        assert.throws(() => parsePrivateKey(readFileSync(file, 'utf8'), { passphrase: 'wrong' }), /wrong passphrase/, `${type} ${cipher}`);

        const mine = join(dir, `${type}-${cipher}-opskit`);
        writeFileSync(mine, encodeOpenSshPrivateKey(key, { passphrase: PASS, cipher, rounds: 4 }), { mode: 0o600 });
        const derived = execFileSync('ssh-keygen', ['-y', '-P', PASS, '-f', mine], { encoding: 'utf8' }).split(' ').slice(0, 2).join(' ');
        assert.equal(derived, publicLine, `${type} ${cipher}: ssh-keygen read opskit's key`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
