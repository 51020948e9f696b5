// Issue 13: errors a person can act on, the same in every group. A network error names the server
// and the fix (http:// for a plain-HTTP server given as https, nothing listening, …); a URL without
// its scheme, a missing key file, URL or account are one clear line; usage and setup mistakes exit
// 2, failures of the server or the network exit 1.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createSim } from '../../../src/sim/index.js';
import { fakeIo } from './fake-io.js';

let dir: string;
const served: ServedSim[] = [];
/** http://127.0.0.1:PORT of a served simulator, which speaks plain HTTP. */
const plain: Record<string, ServedSim> = {};
/** A port nothing listens on. */
let closedPort: number;
/** The triton simulator's key. */
let tritonKey: string;

// One setup, awaited by every test (suites may start before a file-level hook has finished).
const ready = (async () => {
  dir = await mkdtemp(join(tmpdir(), 'opskit-cli-errors-'));
  for (const family of ['triton', 'timesys', 'turbonomic', 'mist', 'synnefo'] as const) {
    const sim = createSim(family, family === 'triton' ? { keyType: 'ecdsa' } : {});
    if (family === 'triton') tritonKey = String(sim.credentials.key);
    const s = await serve(sim);
    served.push(s);
    plain[family] = s;
  }
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
})();
before(() => ready);
after(async () => {
  for (const s of served) await s.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  await ready;
  const f = fakeIo(options);
  const code = await runCli(argv, f.io);
  return { code, out: f.stdout(), err: f.stderr() };
}

/** One stderr line, `opskit: …`, and the exit code. */
function oneLine(r: { code: number; err: string }, code: number, pattern: RegExp, label: string) {
  assert.equal(r.code, code, `${label}: ${r.err}`);
  assert.equal(r.err.split('\n').filter(Boolean).length, 1, `${label}: one line: ${r.err}`);
  assert.match(r.err, pattern, label);
}

/** Each group pointed at a URL, and how. */
async function pointedAt(group: string, url: string) {
  await ready;
  switch (group) {
    case 'triton':
      return run(['triton', 'account', '--key-file', '/k'], { env: { TRITON_URL: url, TRITON_ACCOUNT: 'demo' }, files: { '/k': tritonKey } });
    case 'vigiles':
      return run(['vigiles', '-u', url, '-k', '/linuxlink_key', 'heartbeat'], { files: { '/linuxlink_key': JSON.stringify({ email: 'user@example.com', key: 'abc123' }) } });
    case 'turbo':
      return run(['turbo', 'markets', '--url', url, '-u', 'administrator'], { env: { TURBO_PASSWORD: 'opskit-turbo' } });
    case 'mist':
      return run(['mist', 'list', 'backends', '--standalone', '--mist-uri', url]);
    case 'kamaki':
      return run(['kamaki', '-c', '/rc', 'user', 'info'], { files: { '/rc': `[cloud "c"]\nurl = ${url}/identity/v2.0\ntoken = t0k3n\n` } });
  }
  throw new Error(group);
}

const GROUPS = { triton: 'triton', vigiles: 'timesys', turbo: 'turbonomic', mist: 'mist', kamaki: 'synnefo' } as const;

describe('network errors name the server and the fix', () => {
  for (const [group, family] of Object.entries(GROUPS)) {
    test(`${group}: https:// to a plain-HTTP server says to use http://`, async () => {
      await ready;
      const host = new URL(plain[family]!.url).host;
      const r = await pointedAt(group, `https://${host}`);
      oneLine(r, 1, new RegExp(`https://${host.replace(/\./g, '\\.')} does not speak TLS: if it is a plain-HTTP server \\(a simulator\\), use http://${host.replace(/\./g, '\\.')} in `), group);
    });
    test(`${group}: nothing listening says so, with the setting to check`, async () => {
      const r = await pointedAt(group, `http://127.0.0.1:${closedPort}`);
      oneLine(r, 1, new RegExp(`nothing is listening at http://127\\.0\\.0\\.1:${closedPort}: is the server running, and are the host and port in .+ right\\?`), group);
    });
  }
});

describe('setup mistakes: one line, exit 2', () => {
  test('a URL without its scheme, in every group that takes one', async () => {
    oneLine(await run(['triton', 'account'], { env: { TRITON_URL: 'cloudapi.example.com', TRITON_ACCOUNT: 'a', TRITON_KEY_ID: 'aa' } }), 2, /^opskit: TRITON_URL or SDC_URL must be a URL with its scheme, such as https:\/\/cloudapi\.example\.com/, 'triton');
    oneLine(await run(['turbo', 'markets', '--url', 'turbo.example.com', '-u', 'u'], { env: { TURBO_PASSWORD: 'p' } }), 2, /^opskit: --url must be a URL with its scheme, such as https:\/\/turbo\.example\.com/, 'turbo');
    oneLine(await run(['mist', 'list', 'backends', '--standalone', '--mist-uri', 'localhost:8080']), 2, /^opskit: --mist-uri must be a URL with its scheme, such as https:\/\/localhost:8080 \(http:\/\/localhost:8080 for a plain-HTTP server such as a simulator\)/, 'mist');
    oneLine(await run(['vigiles', '-u', 'vigiles.example.com', '-k', '/k.json', 'heartbeat'], { files: { '/k.json': JSON.stringify({ email: 'user@example.com', key: 'abc123' }) } }), 2, /^opskit: -u\/--url must be a URL with its scheme/, 'vigiles');
    oneLine(await run(['kamaki', '-c', '/rc', 'user', 'info'], { files: { '/rc': '[cloud "c"]\nurl = accounts.example.org/identity/v2.0\ntoken = t\n' } }), 2, /^opskit: the url of cloud "c" in \/rc must be a URL with its scheme/, 'kamaki');
  });

  test('a missing key file names the file, never a raw ENOENT', async () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['fernet', 'encrypt', 'x', '-k', '/nowhere/key.txt'], /^opskit: cannot read key file \/nowhere\/key\.txt: no such file\n$/],
      [['triton', 'account', '--key-file', '/nowhere/id'], /^opskit: cannot read key file \/nowhere\/id: no such file\n$/, { TRITON_URL: 'http://127.0.0.1:1', TRITON_ACCOUNT: 'a' }],
      [['vigiles', '-k', '/nowhere/linuxlink_key', 'heartbeat'], /^opskit: cannot read key file \/nowhere\/linuxlink_key: no such file; pass -k FILE or set VIGILES_KEY_FILE\n$/],
      [['turbo', 'markets', '--url', 'http://127.0.0.1:1', '-b', '/nowhere'], /^opskit: no credentials: pass -u USER, or create \/nowhere\/\.cred with 'opskit turbo auth create'/],
    ];
    for (const [argv, pattern, env] of cases) {
      const r = await run(argv, env ? { env } : {});
      oneLine(r, 2, pattern, argv.join(' '));
      assert.doesNotMatch(r.err, /ENOENT/);
    }
  });

  test('a missing URL or account is one line, exit 2, in every group that needs one', async () => {
    oneLine(await run(['triton', 'account']), 2, /^opskit: no CloudAPI URL: pass --url \(-U\)/, 'triton url');
    oneLine(await run(['triton', 'account'], { env: { TRITON_URL: 'http://127.0.0.1:1' } }), 2, /^opskit: no account: pass --account \(-a\)/, 'triton account');
    oneLine(await run(['turbo', 'markets']), 2, /^opskit: no server: pass --url URL or --host HOST/, 'turbo');
    oneLine(await run(['kamaki', '-c', '/rc', 'user', 'info'], { files: { '/rc': '[cloud "c"]\ntoken = t\n' } }), 2, /has no url/, 'kamaki');
  });

  test('failures of the server are exit 1 in every group', async () => {
    await ready;
    oneLine(await run(['triton', 'instance', 'get', '00000000-0000-4000-8000-000000000000', '--key-file', '/k'], { env: { TRITON_URL: plain.triton!.url, TRITON_ACCOUNT: 'demo' }, files: { '/k': tritonKey } }), 1, /^opskit: /, 'triton');
    oneLine(await run(['turbo', 'markets', '--url', plain.turbonomic!.url, '-u', 'administrator'], { env: { TURBO_PASSWORD: 'wrong' } }), 1, /^opskit: /, 'turbo');
    oneLine(await run(['mist', 'list', 'backends', '--standalone', '--mist-uri', plain.mist!.url]), 1, /^opskit: /, 'mist');
  });
});
