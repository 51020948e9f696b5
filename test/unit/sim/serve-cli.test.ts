// Issue 12 ("Every simulator"): `opskit sim serve <family>` exposes every variant the programmatic
// createSim has (named flags for the common ones, `--set NAME=VALUE` for all, typed by a per-family
// table), `--seed`, `--key FILE`, `--write-credentials DIR` (the files the vendors' CLIs and opskit
// read), and refuses a non-loopback `--host` without `--public`. Printed credentials name the
// served URL.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OPTION_TABLES } from '../../../src/cli/commands/sim/option-table.js';
import { runCli } from '../../../src/cli/run.js';
import { encodeOpenSshPrivateKey, generatePrivateKeySync, parsePrivateKey } from '../../../src/crypto/index.js';
import { loadLlapi, parseKamakirc, parseMistConfig, resolveCloud, Credential } from '../../../src/node/index.js';
import { simNames } from '../../../src/sim/index.js';
import { DataCenter } from '../../../src/triton/index.js';
import { Connection } from '../../../src/turbonomic/index.js';
import { serveFails, serveIo, startServe } from './serve-cli-helpers.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opskit-sim-serve-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('variants: every createSim option reachable from the command line', () => {
  test('every family has an option table, and `sim options` prints it', async () => {
    assert.deepEqual(Object.keys(OPTION_TABLES).sort(), [...simNames].sort());
    const f = serveIo();
    assert.equal(await runCli(['sim', 'options', 'turbonomic'], f.io), 0, f.stderr());
    const printed = JSON.parse(f.stdout()) as { family: string; options: Record<string, { type: string }> };
    assert.equal(printed.family, 'turbonomic');
    assert.equal(printed.options.platform?.type, 'xl|classic');
    assert.equal(printed.options.entities?.type, 'integer');
    assert.equal(printed.options.clock, undefined, 'objects cannot be given on a command line');
  });

  test('turbonomic: --platform --product --version --entities (10 M) --page-size --seed, and --set for the rest', async () => {
    const s = await startServe([
      'turbonomic', '--platform', 'classic', '--product', 'cwom', '--version', '2.3.5', '--entities', '10_000_000', '--page-size', '50', '--seed', '9',
      '--set', 'username=ops', '--set', 'password=Sim-Pa55', '--option', 'snapshot=false',
    ]);
    try {
      assert.deepEqual(s.info.credentials, { username: 'ops', password: 'Sim-Pa55' });
      const conn = await Connection.connect({ url: s.info.url, ...s.info.credentials });
      assert.equal(conn.basePath, '/vmturbo/rest/');
      assert.equal(conn.version?.version, '2.3.5');
      assert.match(String(conn.version?.product), /Cisco/);
      const list = conn.getMarketEntities();
      assert.equal((await list).length, 50);
      assert.equal(list.total, 10_000_000);
    } finally {
      assert.equal(await s.stop(), 0);
    }
  });

  test('timesys: --job-delay; demo: --page-size and --set repeatCursor=true', async () => {
    const t = await startServe(['timesys', '--job-delay', '1.5s', '--write-credentials', join(dir, 'jobs')]);
    try {
      const llapi = await loadLlapi({ keyFile: join(dir, 'jobs', 'linuxlink_key'), env: {} });
      const job = await llapi.uploadManifest('busybox 1.35.0\n', { returnJob: true });
      const first = await llapi.getJob((job as { job_id: string }).job_id);
      assert.notEqual(first.status, 'succeeded', 'a 1.5 s job is not done at once');
    } finally {
      await t.stop();
    }
    const d = await startServe(['demo', '--page-size', '5', '--set', 'repeatCursor=true', '--set', 'items=12']);
    try {
      const login = await fetch(`${d.info.url}/login`, { method: 'POST', body: JSON.stringify(d.info.credentials) });
      const { token } = (await login.json()) as { token: string };
      const page = await fetch(`${d.info.url}/items`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(((await page.json()) as unknown[]).length, 5);
      assert.equal(page.headers.get('x-total-count'), '12');
    } finally {
      await d.stop();
    }
  });

  test('bad variants are usage errors (exit 2) that say what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['triton', '--page-size', '5'], /--page-size does not apply to the triton simulator \(it applies to demo, turbonomic\)/],
      [['turbonomic', '--entities', '10000001'], /--entities must be at most 10,000,000/],
      [['turbonomic', '--platform', 'cloud'], /--platform must be one of xl, classic/],
      [['turbonomic', '--set', 'pagesize=x'], /--set pageSize must be a whole number/],
      [['turbonomic', '--set', 'entites=5'], /no option "entites" \(did you mean entities\?\)/],
      [['turbonomic', '--set', 'noequals'], /--set takes name=value/],
      [['turbonomic', '--page-size', '5', '--set', 'page_size=6'], /--set pageSize sets pageSize, which --page-size already set/],
      [['triton', '--set', 'throttle=[1]'], /--set throttle must be a JSON object/],
      [['timesys', '--job-delay', 'soon'], /--job-delay must be a duration/],
      [['synnefo', '--set', 'url=http://x'], /set by 'sim serve'/],
      [['demo', '--set', 'clock=1'], /cannot be set from the command line/],
      [['nosuch'], /unknown simulator "nosuch"/],
      [['demo', '--force'], /--force goes with --write-credentials/],
    ];
    for (const [args, message] of cases) {
      const r = await serveFails(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
  });
});

describe('--key FILE: the caller registers their own key', () => {
  const keys = {
    rsa: () => parsePrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string),
    ecdsa: () => generatePrivateKeySync('ecdsa'),
    ed25519: () => generatePrivateKeySync('ed25519'),
  };
  for (const [type, make] of Object.entries(keys)) {
    test(`triton: an ${type} public key signs in; nothing is generated; keyId is its fingerprint`, async () => {
      const key = make();
      const pub = join(dir, `id_${type}.pub`);
      await writeFile(pub, `${key.publicKey.toString()} me@laptop\n`);
      const s = await startServe(['triton', '--key', pub]);
      try {
        assert.deepEqual(s.info.credentials, { account: 'demo', keyId: key.publicKey.md5Fingerprint });
        const dc = new DataCenter({ url: s.info.url, account: 'demo', key });
        assert.equal((await dc.getAccount()).login, 'demo');
      } finally {
        await s.stop();
      }
    });
  }

  test('triton: a private key file registers its public half (the private key stays in the file)', async () => {
    const key = generatePrivateKeySync('ed25519');
    const file = join(dir, 'id_private');
    await writeFile(file, encodeOpenSshPrivateKey(key));
    const s = await startServe(['triton', '--key', file]);
    try {
      assert.equal(JSON.stringify(s.info).includes('PRIVATE KEY'), false);
      assert.equal((await new DataCenter({ url: s.info.url, account: 'demo', key }).getAccount()).login, 'demo');
    } finally {
      await s.stop();
    }
  });

  test('triton: an encrypted private key is read through its .pub; without one the refusal says so', async () => {
    const key = generatePrivateKeySync('ecdsa');
    const file = join(dir, 'id_locked');
    await writeFile(file, encodeOpenSshPrivateKey(key, { passphrase: 'secret words', rounds: 2 }));
    const missing = await serveFails(['triton', '--key', file]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read this private key .* and there is no readable .*id_locked\.pub; pass the public key file/);
    assert.doesNotMatch(missing.stderr, /secret words/);
    await writeFile(`${file}.pub`, `${key.publicKey.toString()}\n`);
    const s = await startServe(['triton', '--key', file]);
    try {
      assert.equal(s.info.credentials.keyId, key.publicKey.md5Fingerprint);
    } finally {
      await s.stop();
    }
  });

  test("timesys: the caller's own Vigiles key file signs in", async () => {
    const file = join(dir, 'my_linuxlink_key');
    await writeFile(file, JSON.stringify({ email: 'me@corp.example', organization_key: 'my-own-key' }));
    const s = await startServe(['timesys', '--key', file]);
    try {
      assert.equal(s.info.credentials.email, 'me@corp.example');
      const llapi = await loadLlapi({ keyFile: file, url: s.info.url, env: {} });
      assert.deepEqual(await llapi.heartbeat(), { ok: true });
    } finally {
      await s.stop();
    }
  });

  test('other families refuse --key and say how they sign in; a file that is no key is refused', async () => {
    const turbo = await serveFails(['turbonomic', '--key', join(dir, 'id_ed25519.pub')]);
    assert.equal(turbo.code, 2);
    assert.match(turbo.stderr, /--key applies to triton .* and timesys .*; the turbonomic simulator signs in with a username and password: --set username=… --set password=…/);
    const junk = join(dir, 'junk');
    await writeFile(junk, 'hello');
    assert.match((await serveFails(['triton', '--key', junk])).stderr, /not an SSH public key/);
    assert.match((await serveFails(['triton', '--key', join(dir, 'missing')])).stderr, /cannot read it \(ENOENT\)/);
    assert.match((await serveFails(['timesys', '--key', junk])).stderr, /not a Vigiles key file/);
  });
});

describe('--write-credentials DIR: the files each vendor CLI and opskit read', () => {
  const modeOf = async (p: string) => (await stat(p)).mode & 0o777;

  test('triton: private key (0600, ECDSA by default), public key, env file with TRITON_*, SDC_* and OPSKIT_TRITON_KEY_FILE; the key signs in', async () => {
    const out = join(dir, 'triton');
    const s = await startServe(['triton', '--transition', '10ms', '--write-credentials', out]);
    try {
      assert.deepEqual(s.info.files?.map((f) => f.slice(out.length + 1)).sort(), ['credentials.json', 'triton.env', 'triton_key', 'triton_key.pub']);
      assert.equal(await modeOf(join(out, 'triton_key')), 0o600);
      assert.equal(await modeOf(out), 0o700);
      const env = await readFile(join(out, 'triton.env'), 'utf8');
      const vars = Object.fromEntries([...env.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
      const keyId = s.info.credentials.keyId;
      assert.deepEqual(vars, {
        TRITON_URL: s.info.url,
        TRITON_ACCOUNT: 'demo',
        TRITON_KEY_ID: keyId,
        SDC_URL: s.info.url,
        SDC_ACCOUNT: 'demo',
        SDC_KEY_ID: keyId,
        OPSKIT_TRITON_KEY_FILE: join(out, 'triton_key'),
      });
      const key = await readFile(join(out, 'triton_key'), 'utf8');
      assert.equal(parsePrivateKey(key).publicKey.md5Fingerprint, keyId);
      // node-smartdc 9.0.1 misreads about half of all Ed25519 key files: ECDSA unless asked otherwise.
      assert.equal((await readFile(join(out, 'triton_key.pub'), 'utf8')).split(' ')[0], 'ecdsa-sha2-nistp256');
      assert.equal(parsePrivateKey(s.info.credentials.key!).type, 'ecdsa', 'the printed key is the same ECDSA key');
      assert.equal((await new DataCenter({ url: vars.TRITON_URL, account: 'demo', key }).getAccount()).login, 'demo');
    } finally {
      await s.stop();
    }
  });

  test('triton --set keyType=ed25519: the generated key written is Ed25519 when asked for', async () => {
    const out = join(dir, 'triton-ed25519');
    const s = await startServe(['triton', '--set', 'keyType=ed25519', '--write-credentials', out]);
    try {
      assert.match(await readFile(join(out, 'triton_key.pub'), 'utf8'), /^ssh-ed25519 /);
      const key = await readFile(join(out, 'triton_key'), 'utf8');
      assert.equal((await new DataCenter({ url: s.info.url, account: 'demo', key }).getAccount()).login, 'demo');
    } finally {
      await s.stop();
    }
  });

  test('triton with --key: no private key is written; the env file names your key by its fingerprint', async () => {
    const key = generatePrivateKeySync('ecdsa');
    const pub = join(dir, 'mine.pub');
    await writeFile(pub, key.publicKey.toString());
    const out = join(dir, 'triton-own');
    const s = await startServe(['triton', '--key', pub, '--write-credentials', out]);
    try {
      assert.deepEqual(s.info.files?.map((f) => f.slice(out.length + 1)).sort(), ['credentials.json', 'triton.env']);
      const env = await readFile(join(out, 'triton.env'), 'utf8');
      assert.match(env, new RegExp(`^export SDC_KEY_ID=${key.publicKey.md5Fingerprint}$`, 'm'));
      assert.match(env, /keep it in ssh-agent or ~\/\.ssh/);
    } finally {
      await s.stop();
    }
  });

  test('timesys: key file (Enterprise, server_url = the served URL) and dashboard config; opskit vigiles works with them', async () => {
    const out = join(dir, 'timesys');
    const s = await startServe(['timesys', '--write-credentials', out]);
    try {
      const keyFile = JSON.parse(await readFile(join(out, 'linuxlink_key'), 'utf8')) as Record<string, unknown>;
      assert.equal(keyFile.server_url, s.info.url);
      const env = await readFile(join(out, 'timesys.env'), 'utf8');
      assert.match(env, new RegExp(`^export VIGILES_KEY_FILE=${join(out, 'linuxlink_key')}$`, 'm'));
      const f = serveIo();
      const code = await runCli(['vigiles', '-k', join(out, 'linuxlink_key'), '-d', join(out, 'dashboard_config'), 'group', 'settings', 'info'], f.io);
      assert.equal(code, 0, f.stderr());
      assert.equal((JSON.parse(f.stdout()) as { vuln_strict_match: string }).vuln_strict_match, 'off');
    } finally {
      await s.stop();
    }
  });

  test("turbonomic: turboauth's key + credential pair decrypts to the printed login; mist: ~/.mist INI; kamakirc for synnefo and pithos", async () => {
    const turbo = await startServe(['turbonomic', '--write-credentials', join(dir, 'turbo')]);
    try {
      const folder = join(dir, 'turbo', '.turbo_services_api_creds');
      const auth = await new Credential({ keyPath: join(folder, '.key'), credPath: join(folder, '.cred') }).get();
      assert.equal(atob(auth), `${turbo.info.credentials.username}:${turbo.info.credentials.password}`);
      assert.equal(await modeOf(join(folder, '.cred')), 0o600);
      const conn = await Connection.connect({ url: turbo.info.url, auth });
      assert.ok((await conn.getMarkets()).length > 0);
    } finally {
      await turbo.stop();
    }
    const mist = await startServe(['mist', '--write-credentials', join(dir, 'mist')]);
    try {
      const config = parseMistConfig(await readFile(join(dir, 'mist', '.mist'), 'utf8'));
      assert.deepEqual(config, { mistUri: mist.info.url, email: mist.info.credentials.email, password: mist.info.credentials.password, apiToken: undefined });
    } finally {
      await mist.stop();
    }
    for (const family of ['synnefo', 'pithos']) {
      const s = await startServe([family, '--write-credentials', join(dir, family)]);
      try {
        const cloud = resolveCloud(parseKamakirc(await readFile(join(dir, family, '.kamakirc'), 'utf8')));
        assert.equal(cloud.name, 'sim');
        assert.ok(cloud.url.startsWith(`${s.info.url}/`), `${family}: ${cloud.url}`);
        assert.equal(cloud.token, s.info.credentials.token);
        const tokens = await fetch(`${cloud.url.replace(/\/+$/, '')}/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ auth: { token: { id: cloud.token } } }),
        });
        assert.equal(tokens.status, 200, `${family}: Astakos authenticates the written token`);
        if (family === 'synnefo') assert.ok(s.info.credentials.url?.startsWith(s.info.url), 'served credentials name the served URL');
      } finally {
        await s.stop();
      }
    }
  });

  test('existing files are refused without --force (nothing written), replaced with it', async () => {
    const out = join(dir, 'again');
    const first = await startServe(['demo', '--write-credentials', out]);
    await first.stop();
    const before = await readFile(join(out, 'credentials.json'), 'utf8');
    const refused = await serveFails(['demo', '--write-credentials', out]);
    assert.equal(refused.code, 2, 'a file in the way is a setup mistake');
    assert.match(refused.stderr, /credentials\.json exists; pass --force to replace it \(nothing was written\)/);
    assert.equal(await readFile(join(out, 'credentials.json'), 'utf8'), before);
    const forced = await startServe(['demo', '--write-credentials', out, '--force']);
    try {
      assert.equal(JSON.parse(await readFile(join(out, 'credentials.json'), 'utf8')).url, forced.info.url);
    } finally {
      await forced.stop();
    }
  });
});

describe('--host', () => {
  test('a non-loopback --host is refused unless --public (the output holds credentials)', async () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'example.com']) {
      const r = await serveFails(['triton', '--host', host]);
      assert.equal(r.code, 2, host);
      assert.match(r.stderr, /pass --public to do that anyway/);
    }
    const pub = await startServe(['demo', '--host', '0.0.0.0', '--public']);
    try {
      assert.match(pub.info.url, /^http:\/\/0\.0\.0\.0:\d+$/);
      assert.match(pub.stderr(), /reachable from other machines \(--public\)/);
    } finally {
      await pub.stop();
    }
    const local = await startServe(['demo', '--host', 'localhost']);
    await local.stop();
  });
});
