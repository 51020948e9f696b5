import { simNames } from '../../../src/sim/index.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { Fernet } from '../../../src/crypto/index.js';
import { fakeIo } from './fake-io.js';

// In-process runs of the command line: every branch, fast. cli.test.ts covers the real process.
const KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';

async function run(args: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const f = fakeIo(options);
  const code = await runCli(args, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr(), json: () => JSON.parse(f.stdout()) as Record<string, unknown> };
}

describe('fernet commands', () => {
  test('key from --key-file (with newline) and stdin byte for byte', async () => {
    const files = { '/k': `${KEY}\n` };
    const enc = await run(['fernet', 'encrypt', '--key-file', '/k'], { stdin: 'a\nb\n', files });
    assert.equal(enc.code, 0, enc.stderr);
    assert.equal(new Fernet(KEY).decryptText(enc.json().token as string), 'a\nb\n');
  });

  test('key precedence: --key beats the environment', async () => {
    const other = Fernet.generateKey();
    const enc = await run(['fernet', 'encrypt', 'x', '--key', KEY], { env: { OPSKIT_FERNET_KEY: other } });
    assert.equal(new Fernet(KEY).decryptText(enc.json().token as string), 'x');
    const fromEnv = await run(['fernet', 'encrypt', 'x'], { env: { OPSKIT_FERNET_KEY: other } });
    assert.equal(new Fernet(other).decryptText(fromEnv.json().token as string), 'x');
  });

  test('binary round trip with --encoding base64', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const enc = await run(['fernet', 'encrypt', '-', '--key', KEY], { stdin: bytes });
    const token = enc.json().token as string;
    const dec = await run(['fernet', 'decrypt', token, '--key', KEY, '--encoding', 'base64']);
    assert.deepEqual(new Uint8Array(Buffer.from(dec.json().data as string, 'base64')), bytes);
    const text = await run(['fernet', 'decrypt', token, '--key', KEY]);
    assert.equal(text.code, 1);
    assert.match(text.stderr, /not valid UTF-8; use --encoding base64/);
    const b64in = await run(['fernet', 'encrypt', Buffer.from(bytes).toString('base64'), '--key', KEY, '--encoding', 'base64']);
    assert.deepEqual(new Fernet(KEY).decrypt(b64in.json().token as string), bytes);
    const bad = await run(['fernet', 'encrypt', '%%%', '--key', KEY, '--encoding', 'base64']);
    assert.equal(bad.code, 2);
    const badEnc = await run(['fernet', 'encrypt', 'x', '--key', KEY, '--encoding', 'latin1']);
    assert.equal(badEnc.code, 2);
  });

  test('--ttl is a duration like every other: seconds, or with s/ms', async () => {
    const old = new Fernet(KEY).encrypt('stale', { now: Date.now() - 3_600_000 });
    assert.equal((await run(['fernet', 'decrypt', old, '--key', KEY, '--ttl', '60'])).code, 1);
    assert.equal((await run(['fernet', 'decrypt', old, '--key', KEY, '--ttl', '7200'])).code, 0);
    assert.equal((await run(['fernet', 'decrypt', old, '--key', KEY, '--ttl', '7200s'])).code, 0);
    assert.equal((await run(['fernet', 'decrypt', old, '--key', KEY, '--ttl', '3000000ms'])).code, 1);
    assert.equal((await run(['fernet', 'decrypt', old, '--key', KEY, '--ttl', '3700.5'])).code, 0);
    assert.deepEqual((await run(['fernet', 'decrypt', old, '--key', KEY])).json(), { data: 'stale' });
    for (const ttl of ['-1', 'soon', '5m']) {
      const r = await run(['fernet', 'decrypt', old, '--key', KEY, `--ttl=${ttl}`]);
      assert.equal(r.code, 2, ttl);
      assert.match(r.stderr, /--ttl must be a duration in seconds, such as 60, 60s, 1.5s or 500ms/);
    }
  });

  test('nothing on stdin when it is a terminal: a usage error, not a hang', async () => {
    const r = await run(['fernet', 'encrypt', '--key', KEY], { tty: true });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no data: pass it as an argument or pipe it on stdin/);
  });
});

test('errors are one line, exit 1 or 2, and never contain a key', async () => {
  const other = Fernet.generateKey();
  const token = new Fernet(KEY).encrypt('x');
  const cases: [string[], number, RegExp, Record<string, string>?][] = [
    [['fernet', 'decrypt', token, '--key', other], 1, /^opskit: invalid token \(wrong key, corrupted, or expired\)$/],
    [['fernet', 'decrypt', 'garbage', '--key', KEY], 1, /^opskit: invalid token/],
    [['fernet', 'encrypt', 'x', '--key', `${KEY.slice(0, 20)}!!`], 2, /^opskit: invalid key from --key: /],
    [['fernet', 'encrypt', 'x'], 2, /^opskit: invalid key from OPSKIT_FERNET_KEY/, { OPSKIT_FERNET_KEY: 'c2VjcmV0LWJ1dC10b28tc2hvcnQ=' }],
    // A value starting with '-' is taken as the key (base64url keys can start with '-'), then validated.
    [['fernet', 'encrypt', 'x', '--key', '-c2VjcmV0LWJ1dC1kYXNoZWQ'], 2, /^opskit: invalid key from --key: /],
    [['fernet', 'encrypt', 'x', '--key', '--key-file'], 2, /^opskit: option --key needs a value/],
    [['fernet', 'encrypt', 'x', 'c2VjcmV0LXBvc2l0aW9uYWw'], 2, /^opskit: too many arguments for 'fernet encrypt'/],
    [['fernet', 'encrypt', 'x'], 2, /^opskit: no key/],
    [['fernet', 'encrypt', 'x', '--key', KEY, '--key-file', '/k'], 2, /^opskit: give either --key or --key-file/],
    [['fernet', 'encrypt', 'x', '--key-file', '/does/not/exist'], 2, /^opskit: cannot read key file \/does\/not\/exist: no such file$/],
    [['fernet', 'encrypt', 'x', '--kye=c2VjcmV0LXR5cG8'], 2, /^opskit: unknown option --kye/],
    [['fernet', 'generate-key', '--help=c2VjcmV0'], 2, /^opskit: option --help does not take a value/],
    [['fernet', 'frobnicate'], 2, /^opskit: unknown command "fernet frobnicate"; fernet commands: generate-key, encrypt, decrypt$/],
    [['nope'], 2, /^opskit: unknown command "nope"; groups: fernet(, [a-z]+)*$/],
    [['--bogus=c2VjcmV0'], 2, /^opskit: unknown option "--bogus"/],
    [['sim', 'serve', 'nope'], 2, /^opskit: unknown simulator "nope"; known: demo, /],
    [['sim', 'serve', 'demo', '--port', '99999'], 2, /^opskit: --port must be an integer from 0 to 65535$/],
    [['sim', 'serve'], 2, /^opskit: missing argument for 'sim serve'/],
  ];
  for (const [args, code, pattern, env] of cases) {
    const label = args.join(' ');
    const r = await run(args, env ? { env } : {});
    assert.equal(r.code, code, label);
    assert.equal(r.stdout, '', label);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `one line: ${label}: ${r.stderr}`);
    assert.match(lines[0] ?? '', pattern, label);
    for (const secret of [KEY, other, 'c2VjcmV0']) assert.ok(!r.stderr.includes(secret), `secret leaked: ${r.stderr}`);
  }
});

test('--debug prints the stack (and is not an unknown option)', async () => {
  const r = await run(['--debug', 'fernet', 'decrypt', 'garbage', '--key', KEY]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^opskit: invalid token.*\n.*\n\s+at /);
  const after = await run(['fernet', 'decrypt', 'garbage', '--key', KEY, '--debug']);
  assert.match(after.stderr, /\n\s+at /);
});

test('group help with and without --help; command help with -h', async () => {
  const bare = await run(['fernet']);
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /Usage: opskit fernet <command>/);
  const help = await run(['fernet', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /generate-key/);
  const cmd = await run(['sim', 'serve', '-h']);
  assert.equal(cmd.code, 0);
  assert.match(cmd.stdout, /Usage: opskit sim serve <family> \[--port N\] \[--host H\]/);
  assert.match(cmd.stdout, /Families: demo/);
  const global = await run(['--help', 'sim', 'serve']);
  assert.match(global.stdout, /Usage: opskit sim serve/);
});

test('sim list and sim serve in process', async () => {
  assert.deepEqual((await run(['sim', 'list'])).json(), { simulators: [...simNames] });
  assert.ok(simNames.includes('demo'));
  const f = fakeIo();
  const done = runCli(['sim', 'serve', 'demo', '--port', '0', '--host', '127.0.0.1'], f.io);
  while (!f.stdout().includes('\n')) await new Promise((r) => setTimeout(r, 10));
  const { url, credentials } = JSON.parse(f.stdout()) as { url: string; credentials: Record<string, string> };
  const res = await fetch(`${url}/login`, { method: 'POST', body: JSON.stringify(credentials) });
  assert.equal(res.status, 200);
  f.stop('SIGINT');
  assert.equal(await done, 0);
  await assert.rejects(fetch(`${url}/items`), TypeError, 'closed after the signal');
});
