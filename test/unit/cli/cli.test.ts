import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Fernet } from '../../../src/crypto/index.js';
import { json, root, runCli } from './helpers.js';

// The real command as a child process (`node --import tsx src/cli/main.ts`): exit codes,
// streams and stdin as a user sees them. Every branch is covered faster in run.test.ts.
const KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';

describe('opskit as a process', { concurrency: true }, () => {
  test('--help lists every group with its commands, and the conventions', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Usage: opskit <group> <command>[^\n]*\n\nopskit \S+: /);
    for (const c of [/fernet +Fernet [^(]*\([^(]*\) \(generate-key,\s+encrypt, decrypt\)/, /sim +run [^(]*\(serve, stop, list, options\)/, /Durations are\s+seconds/, /--dry-run works on every command/]) assert.match(r.stdout, c);
  });

  test('no arguments: help on stderr, exit 2', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Usage: opskit/);
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  });

  test('generate-key, then encrypt and decrypt through arguments', async () => {
    const gen = await runCli(['fernet', 'generate-key']);
    assert.equal(gen.code, 0);
    const { key } = json<{ key: string }>(gen.stdout);
    assert.match(key, /^[A-Za-z0-9_-]{43}=$/);
    const enc = await runCli(['fernet', 'encrypt', 'héllo wörld', '--key', key]);
    assert.equal(enc.code, 0, enc.stderr);
    const { token } = json<{ token: string }>(enc.stdout);
    assert.equal(new Fernet(key).decryptText(token), 'héllo wörld', 'the library reads CLI tokens');
    const dec = await runCli(['fernet', 'decrypt', token, '--key', key, '--ttl', '60']);
    assert.equal(dec.code, 0, dec.stderr);
    assert.deepEqual(json(dec.stdout), { data: 'héllo wörld' });
  });

  test('stdin and OPSKIT_FERNET_KEY, binary safe', async () => {
    const bytes = new Uint8Array(300).map((_, i) => (i * 7 + 0xc3) & 0xff);
    const env = { OPSKIT_FERNET_KEY: KEY };
    const enc = await runCli(['fernet', 'encrypt'], { input: bytes, env });
    assert.equal(enc.code, 0, enc.stderr);
    const { token } = json<{ token: string }>(enc.stdout);
    assert.deepEqual(new Fernet(KEY).decrypt(token), bytes);
    const dec = await runCli(['fernet', 'decrypt', '--encoding', 'base64'], { input: `${token}\n`, env });
    assert.equal(dec.code, 0, dec.stderr);
    assert.deepEqual(new Uint8Array(Buffer.from(json<{ data: string }>(dec.stdout).data, 'base64')), bytes);
  });

  test('an error: one stderr line, exit 1, no stack trace, no key', async () => {
    const token = new Fernet(Fernet.generateKey()).encrypt('x');
    const r = await runCli(['fernet', 'decrypt', token, '--key', KEY]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'opskit: invalid token (wrong key, corrupted, or expired)\n');
    const usage = await runCli(['fernet', 'encrypt', 'x', '--key', 'c2VjcmV0']);
    assert.equal(usage.code, 2);
    assert.equal(usage.stderr.split('\n').filter(Boolean).length, 1);
    assert.ok(!usage.stderr.includes('c2VjcmV0'));
  });

  test('--debug adds the stack trace', async () => {
    const r = await runCli(['fernet', 'decrypt', 'garbage', '--key', KEY, '--debug']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^opskit: invalid token.*\n[\s\S]*\n\s+at /);
  });
});
