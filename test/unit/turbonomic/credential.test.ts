import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InvalidToken, KeyParseError } from '../../../src/crypto/index.js';
import { Credential, CredentialError, defaultCredentialDir } from '../../../src/node/index.js';
import { decryptCredential, encryptCredential, newCredentialKey, parseCredential } from '../../../src/turbonomic/index.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'opskit-turbo-cred-'));
  dirs.push(d);
  return d;
};
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs Python with `cryptography`; argv after the script are its sys.argv[1:]. */
const python = (script: string, ...args: string[]) => execFileSync('python3', ['-c', script, ...args]).toString();

// vmt-connect v3.6.2 security.Credential, reduced to what it writes: the key as ASCII, the token
// of base64("user:pass") as ASCII, no newline, mode 0600.
const PY_WRITE = `
import base64, os, sys
from cryptography.fernet import Fernet
key_path, cred_path, user, password = sys.argv[1:5]
key = Fernet.generate_key().decode()
token = Fernet(key.encode()).encrypt(base64.b64encode(f"{user}:{password}".encode()))
for path, value in ((key_path, key), (cred_path, token.decode())):
    with open(path, 'w') as f:
        f.write(value)
    os.chmod(path, 0o600)
`;
const PY_READ = `
import base64, sys
from cryptography.fernet import Fernet
key_path, cred_path = sys.argv[1:3]
key = open(key_path, 'rb').read()
token = open(cred_path, 'rb').read()
auth = Fernet(key).decrypt(token).decode()
print(auth + ' ' + base64.b64decode(auth).decode())
`;

test('files written by Python cryptography in vmt-connect layout are read by opskit', async () => {
  const d = tmp();
  const keyPath = join(d, '.key');
  const credPath = join(d, '.cred');
  python(PY_WRITE, keyPath, credPath, 'bob', 'pa:ss');
  assert.equal(readFileSync(keyPath).length, 44, 'key: 44 bytes, no newline');
  const cred = new Credential({ keyPath, credPath });
  assert.equal(await cred.get(), 'Ym9iOnBhOnNz', 'the observed value for bob:pa:ss');
  assert.deepEqual(parseCredential(await cred.get()), { username: 'bob', password: 'pa:ss' });
  assert.equal(decryptCredential(readFileSync(keyPath, 'utf8'), readFileSync(credPath, 'utf8')), 'Ym9iOnBhOnNz');
});

test('files written by opskit are read by Python cryptography; new files are mode 0600', async () => {
  const d = tmp();
  const keyPath = join(d, 'sub', '.key');
  const credPath = join(d, 'sub', '.cred');
  const cred = new Credential({ keyPath, credPath });
  await cred.create({ username: 'administrator', password: 'pä:ss wörd' });
  assert.equal(statSync(keyPath).mode & 0o777, 0o600);
  assert.equal(statSync(credPath).mode & 0o777, 0o600);
  assert.equal(statSync(join(d, 'sub')).mode & 0o777, 0o700);
  const key = readFileSync(keyPath, 'utf8');
  assert.match(key, /^[A-Za-z0-9_-]{43}=$/, 'the exact key text, no newline');
  assert.match(readFileSync(credPath, 'utf8'), /^[A-Za-z0-9_-]+=*$/);
  const [auth, plain] = python(PY_READ, keyPath, credPath).trim().split(' ');
  assert.equal(auth, btoa(String.fromCharCode(...new TextEncoder().encode('administrator:pä:ss wörd'))));
  assert.equal(Buffer.from(auth as string, 'base64').toString('utf8'), 'administrator:pä:ss wörd');
  void plain;
});

test('encryptCredential / decryptCredential / newCredentialKey interoperate with Python', () => {
  const key = newCredentialKey();
  const token = encryptCredential(key, 'bob', 'pa:ss');
  const out = python(`
import sys
from cryptography.fernet import Fernet
print(Fernet(sys.argv[1].encode()).decrypt(sys.argv[2].encode()).decode())`, key, token).trim();
  assert.equal(out, 'Ym9iOnBhOnNz');
  assert.equal(decryptCredential(`${key}\n`, `${token}\n`), 'Ym9iOnBhOnNz', 'surrounding whitespace is ignored');
  assert.throws(() => decryptCredential(newCredentialKey(), token), InvalidToken);
  assert.throws(() => encryptCredential('short', 'a', 'b'), KeyParseError);
  assert.throws(() => encryptCredential(key, 'a:b', 'c'), /username cannot contain/);
});

test('existing files are never replaced without overwrite; with it both are replaced', async () => {
  const d = tmp();
  const cred = new Credential({ keyPath: join(d, '.key'), credPath: join(d, '.cred') });
  await cred.create('Zmlyc3Q6b25l');
  const before = [readFileSync(cred.keyPath, 'utf8'), readFileSync(cred.credPath, 'utf8')];
  const again = new Credential({ keyPath: cred.keyPath, credPath: cred.credPath });
  await assert.rejects(again.create('c2Vjb25kOnR3bw=='), (e: unknown) => e instanceof CredentialError && /exists; pass overwrite: true/.test(e.message));
  await assert.rejects(again.set('c2Vjb25kOnR3bw==', { key: newCredentialKey() }), CredentialError);
  assert.deepEqual([readFileSync(cred.keyPath, 'utf8'), readFileSync(cred.credPath, 'utf8')], before);
  await again.create('c2Vjb25kOnR3bw==', { overwrite: true });
  assert.notEqual(readFileSync(cred.keyPath, 'utf8'), before[0], 'create with overwrite makes a new key');
  assert.equal(await new Credential({ keyPath: cred.keyPath, credPath: cred.credPath }).get(), 'c2Vjb25kOnR3bw==');
  assert.equal(statSync(cred.credPath).mode & 0o777, 0o600);
});

test('a key file without a credential file: the credential is added with that key', async () => {
  const d = tmp();
  const key = newCredentialKey();
  writeFileSync(join(d, '.key'), key, { mode: 0o600 });
  const cred = new Credential({ keyPath: join(d, '.key'), credPath: join(d, '.cred') });
  await cred.set({ username: 'u', password: 'p' });
  assert.equal(readFileSync(join(d, '.key'), 'utf8'), key);
  assert.equal(decryptCredential(key, readFileSync(join(d, '.cred'), 'utf8')), btoa('u:p'));
});

test('a wrong key or a damaged file: a clear error, both files untouched', async () => {
  const d = tmp();
  const keyPath = join(d, '.key');
  const credPath = join(d, '.cred');
  python(PY_WRITE, keyPath, credPath, 'bob', 'secret-pw');
  const snapshot = () => [readFileSync(keyPath), readFileSync(credPath), statSync(keyPath).mtimeMs, statSync(credPath).mtimeMs];
  const before = snapshot();
  const cred = new Credential({ keyPath, credPath });

  const wrong = await cred.decrypt(undefined, newCredentialKey()).catch((e: unknown) => e);
  assert.ok(wrong instanceof CredentialError);
  assert.match(wrong.message, /cannot decrypt credential file .* wrong key or damaged file/);

  writeFileSync(join(d, 'other.key'), newCredentialKey());
  const other = await new Credential({ keyPath: join(d, 'other.key'), credPath }).get().catch((e: unknown) => e);
  assert.ok(other instanceof CredentialError);
  assert.match(other.message, /with the key in .*other\.key: wrong key or damaged file/);

  const damagedCred = join(d, 'damaged.cred');
  writeFileSync(damagedCred, readFileSync(credPath, 'utf8').slice(0, -8) + 'AAAAAAA=');
  await assert.rejects(new Credential({ keyPath, credPath: damagedCred }).get(), /wrong key or damaged file/);

  const damagedKey = join(d, 'damaged.key');
  writeFileSync(damagedKey, 'not a key');
  const broken = new Credential({ keyPath: damagedKey, credPath });
  await assert.rejects(broken.get(), /key file .*damaged\.key is damaged/);
  await assert.rejects(broken.set('Ym9iOmI='), /is damaged/);
  await assert.rejects(new Credential({ keyPath: join(d, 'none.key'), credPath: join(d, 'none.cred') }).set('Ym9iOmI=', { key: 'bad' }), /given key is not a Fernet key/);
  assert.equal(readFileSync(damagedKey, 'utf8'), 'not a key');

  await assert.rejects(new Credential({ keyPath: join(d, 'none.key'), credPath }).get(), /key file not found/);
  await assert.rejects(new Credential({ keyPath, credPath: join(d, 'none.cred') }).get(), /credential file not found/);
  assert.deepEqual(snapshot(), before);
  for (const e of [wrong, other] as Error[]) assert.ok(!e.message.includes('secret-pw') && !e.message.includes(readFileSync(keyPath, 'utf8')));
  assert.ok(!existsSync(join(d, 'none.key')) && !existsSync(join(d, 'none.cred')));
});

test('encrypt and decrypt work on literals without touching files; default paths follow vmt-connect', async () => {
  const d = tmp();
  const cred = new Credential({ keyPath: join(d, '.key'), credPath: join(d, '.cred') });
  const key = cred.newKey();
  const token = await cred.encrypt({ username: 'x', password: 'y' });
  assert.equal(await cred.decrypt(token), btoa('x:y'));
  assert.equal(await cred.decrypt(token, key), btoa('x:y'));
  assert.ok(!existsSync(cred.keyPath) && !existsSync(cred.credPath));
  const def = new Credential();
  assert.equal(def.keyPath, join(defaultCredentialDir(), '.key'));
  assert.ok(def.credPath.endsWith(join('.turbo_services_api_creds', '.cred')));
});
