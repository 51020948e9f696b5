// Issue 13: `fernet generate-key` writes a bare key with --raw or -o FILE, and --key-file reads
// both that and the {"key": …} JSON generate-key prints (README's `generate-key > key.txt`, then
// `--key-file key.txt`, failed before).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { Fernet } from '../../../src/crypto/index.js';
import { fakeIo } from './fake-io.js';
import { json, runCli as runProcess } from './helpers.js';

async function run(argv: string[], files: Record<string, string> = {}) {
  const f = fakeIo({ files });
  const code = await runCli(argv, f.io);
  return { code, out: f.stdout(), err: f.stderr(), files: f.files, modes: f.modes };
}

test('--raw prints the bare key; -o FILE writes it (0600) and prints {"file"}; an existing file needs -f', async () => {
  const raw = await run(['fernet', 'generate-key', '--raw']);
  assert.equal(raw.code, 0);
  assert.match(raw.out, /^[A-Za-z0-9_-]{43}=\n$/);
  const files: Record<string, string> = {};
  const o = await run(['fernet', 'generate-key', '-o', '/keys/key.txt'], files);
  assert.equal(o.code, 0, o.err);
  assert.deepEqual(JSON.parse(o.out), { file: '/keys/key.txt' });
  assert.match(files['/keys/key.txt']!, /^[A-Za-z0-9_-]{43}=\n$/);
  assert.equal(o.modes['/keys/key.txt'], 0o600);
  const first = files['/keys/key.txt'];
  const again = await run(['fernet', 'generate-key', '--output', '/keys/key.txt'], files);
  assert.equal(again.code, 2);
  assert.equal(again.err, 'opskit: /keys/key.txt exists; pass -f/--force to replace it\n');
  assert.equal(files['/keys/key.txt'], first, 'kept');
  assert.equal((await run(['fernet', 'generate-key', '-o', '/keys/key.txt', '-f'], files)).code, 0);
  assert.notEqual(files['/keys/key.txt'], first, 'replaced with -f');
  assert.equal((await run(['fernet', 'generate-key', '--raw', '-o', '/x'])).code, 2, '--raw and -o together');
  assert.equal((await run(['fernet', 'generate-key', '-f'])).code, 2, '-f without -o');
});

test('--dry-run writes nothing (before or after the command word)', async () => {
  for (const argv of [['fernet', 'generate-key', '-o', '/k', '--dry-run'], ['fernet', '--dry-run', 'generate-key', '-o', '/k']]) {
    const r = await run(argv);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out), { dryRun: true, file: '/k' });
    assert.equal(r.files['/k'], undefined);
  }
});

test('--key-file (-k) reads the bare key, the key with a newline, and the {"key": …} JSON', async () => {
  const key = Fernet.generateKey();
  for (const text of [key, `${key}\n`, `${JSON.stringify({ key })}\n`, JSON.stringify({ key }, null, 2)]) {
    const enc = await run(['fernet', 'encrypt', 'hello', '-k', '/k'], { '/k': text });
    assert.equal(enc.code, 0, enc.err);
    assert.equal(new Fernet(key).decryptText(JSON.parse(enc.out).token), 'hello');
  }
  const notJson = await run(['fernet', 'encrypt', 'x', '--key-file', '/k'], { '/k': `{"key": "${key}"` });
  assert.deepEqual([notJson.code, notJson.err], [2, 'opskit: key file /k: starts with { but is not JSON; it holds the key, or {"key": …} as generate-key prints it\n']);
  const noKey = await run(['fernet', 'encrypt', 'x', '--key-file', '/k'], { '/k': '{"token": "x"}' });
  assert.deepEqual([noKey.code, noKey.err], [2, 'opskit: key file /k: the JSON has no "key" string\n']);
});

test('as the README shows it: generate-key > key.txt, generate-key -o key2.txt, then --key-file of each', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opskit-fernet-'));
  try {
    const gen = await runProcess(['fernet', 'generate-key']);
    await writeFile(join(dir, 'key.txt'), gen.stdout);
    const viaJson = await runProcess(['fernet', 'encrypt', 'data', '--key-file', join(dir, 'key.txt')]);
    assert.equal(viaJson.code, 0, viaJson.stderr);
    assert.equal(new Fernet(json<{ key: string }>(gen.stdout).key).decryptText(json<{ token: string }>(viaJson.stdout).token), 'data');
    const written = await runProcess(['fernet', 'generate-key', '-o', join(dir, 'key2.txt')]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal((await stat(join(dir, 'key2.txt'))).mode & 0o777, 0o600);
    const bare = (await readFile(join(dir, 'key2.txt'), 'utf8')).trim();
    const viaRaw = await runProcess(['fernet', 'encrypt', 'data', '-k', join(dir, 'key2.txt')]);
    assert.equal(new Fernet(bare).decryptText(json<{ token: string }>(viaRaw.stdout).token), 'data');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
