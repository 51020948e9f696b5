import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { loadLlapi, readManifestText } from '../../../src/node/index.js';
import { DEFAULT_SERVER, Llapi, parseDashboardConfig, parseKeyFile } from '../../../src/timesys/index.js';
import { manualSim } from './helpers.js';

test('key file: organization_key wins over key, values trimmed, server_url loses one trailing slash', () => {
  assert.deepEqual(parseKeyFile('{"email":" a@b.c ","key":" k1 "}'), { email: 'a@b.c', key: 'k1', url: DEFAULT_SERVER });
  assert.deepEqual(parseKeyFile('{"email":"a@b.c","key":"k1","organization_key":"k2","server_url":" https://corp.example/ ","enterprise":true}'), {
    email: 'a@b.c', key: 'k2', url: 'https://corp.example',
  });
  assert.equal(parseKeyFile('{"email":"a@b.c","key":"k","server_url":"https://x//"}').url, 'https://x/', 'one slash, as upstream');
});

test('key file errors are ConfigErrors, never a silent empty key, never the key in the message', () => {
  const cases: [string, RegExp][] = [
    ['not json {"key":"s3cr3t-key"', /not valid JSON/],
    ['[]', /expected a JSON object/],
    ['{"key":"s3cr3t-key"}', /'email'/],
    ['{"email":"a@b.c"}', /no 'organization_key' or 'key'/],
    ['{"email":"a@b.c","key":"   "}', /'key' is empty/],
    ['{"email":"a@b.c","organization_key":5}', /'organization_key' must be a string/],
    ['{"email":"a@b.c","key":"k","server_url":1}', /'server_url'/],
  ];
  for (const [text, re] of cases) {
    assert.throws(() => parseKeyFile(text), (e: unknown) => e instanceof ConfigError && re.test(e.message));
  }
  try {
    parseKeyFile('{"email": "a", "key": "s3cr3t-key" oops}');
  } catch (e) {
    assert.ok(!(e as Error).message.includes('s3cr3t'), 'JSON syntax messages can quote input: not here');
  }
});

test('dashboard config: group, else legacy product; "group": "" does not fall back; folder optional', () => {
  assert.deepEqual(parseDashboardConfig('{"group":" G1 ","folder":" F1 "}'), { groupToken: 'G1', folderToken: 'F1' });
  assert.deepEqual(parseDashboardConfig('{"product":"P1"}'), { groupToken: 'P1' });
  assert.deepEqual(parseDashboardConfig('{"group":"G","product":"P"}'), { groupToken: 'G' });
  assert.throws(() => parseDashboardConfig('{"group":"","product":"P"}'), /Invalid or missing 'group' or 'product' data in dashboard config/);
  assert.throws(() => parseDashboardConfig('{}'), ConfigError);
  assert.throws(() => parseDashboardConfig('{"group":'), /Unable to parse dashboard config/);
});

test('Llapi refuses a missing e-mail, key or URL', () => {
  assert.throws(() => new Llapi({ email: '', key: 'k' }), ConfigError);
  assert.throws(() => new Llapi({ email: 'a@b', key: ' ' }), /API key/);
  assert.throws(() => new Llapi({ email: 'a@b', key: 'k', url: 'not a url' }), /not a valid URL/);
  const l = new Llapi({ email: ' a@b ', key: 'k', groupToken: 'G', folderToken: '' });
  assert.deepEqual(l.currentConfig(), { email: 'a@b', url: DEFAULT_SERVER, groupToken: 'G', folderToken: undefined, dryRun: false });
  assert.ok(!JSON.stringify(l.currentConfig()).includes('"k"'));
});

test('loadLlapi: files, ~/timesys/linuxlink_key by default, environment variables, explicit options win', async () => {
  const home = await mkdtemp(join(tmpdir(), 'opskit-llapi-'));
  try {
    const sim = manualSim();
    await writeFile(join(home, 'key.json'), sim.keyFile());
    await writeFile(join(home, 'dash.json'), sim.dashboardConfig(true));
    await import('node:fs/promises').then((fs) => fs.mkdir(join(home, 'timesys')));
    await writeFile(join(home, 'timesys', 'linuxlink_key'), JSON.stringify({ email: 'home@example.com', key: 'hk', server_url: 'https://corp.example/' }));

    const byDefault = await loadLlapi({ home, env: {} });
    assert.deepEqual(byDefault.currentConfig(), { email: 'home@example.com', url: 'https://corp.example', groupToken: undefined, folderToken: undefined, dryRun: false });

    const byEnv = await loadLlapi({
      home,
      env: { VIGILES_KEY_FILE: join(home, 'key.json'), VIGILES_DASHBOARD_CONFIG: join(home, 'dash.json'), LINUXLINK_SERVER: 'https://env.example', VIGILES_SUBFOLDER_NAME: 'nightly' },
    });
    assert.deepEqual(byEnv.currentConfig(), { email: sim.credentials.email, url: 'https://env.example', groupToken: sim.credentials.groupToken, folderToken: sim.credentials.folderToken, dryRun: false });
    assert.equal(byEnv.subfolderName, 'nightly');

    const explicit = await loadLlapi({ home, keyFile: '~/key.json', url: 'https://explicit.example', env: { LINUXLINK_SERVER: 'https://env.example' }, groupToken: 'G9' });
    assert.equal(explicit.url, 'https://explicit.example');
    assert.equal(explicit.groupToken, 'G9');

    await assert.rejects(loadLlapi({ home, keyFile: join(home, 'missing.json'), env: {} }), /Unable to read key file: .*missing\.json \(ENOENT\)/);
    await writeFile(join(home, 'bad.json'), '{"email":"x@y"}');
    await assert.rejects(loadLlapi({ home, keyFile: join(home, 'bad.json'), env: {} }), ConfigError);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});

test('{ path } manifests are read like upstream CLI reads them: UTF-8, universal newlines', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opskit-llapi-'));
  try {
    await writeFile(join(dir, 'sbom.txt'), 'openssl 1.1.1k\r\nzlib 1.2.11\rbusybox 1.35.0\n');
    assert.equal(await readManifestText(join(dir, 'sbom.txt')), 'openssl 1.1.1k\nzlib 1.2.11\nbusybox 1.35.0\n');
    await writeFile(join(dir, 'bin'), new Uint8Array([0xff, 0xfe, 0x00]));
    await assert.rejects(readManifestText(join(dir, 'bin')), /not UTF-8/);
    const sim = manualSim({ jobDelayMs: 0 });
    await writeFile(join(dir, 'key'), sim.keyFile());
    const llapi = await loadLlapi({ keyFile: join(dir, 'key'), url: sim.url, fetch: sim.fetch, env: {} });
    const r = await llapi.uploadManifest({ path: join(dir, 'sbom.txt') }, { pollInterval: 1 });
    assert.deepEqual(Object.keys(r.cves ?? {}).sort(), ['busybox', 'openssl', 'zlib']);
    assert.equal(sim.state.manifests.get(r.manifest_token)?.text, 'openssl 1.1.1k\nzlib 1.2.11\nbusybox 1.35.0\n');
    const plain = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
    await assert.rejects(plain.uploadManifest({ path: 'x' }), /readText option/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('manifests as text, bytes, ArrayBuffer, Blob or File are sent exactly, CRLF and BOM kept', async () => {
  const sim = manualSim({ jobDelayMs: 0 });
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  const text = '\uFEFFopenssl 1.1.1k\r\nzlib 1.2.11\r\n';
  const bytes = new TextEncoder().encode(text);
  const inputs = [text, bytes, bytes.buffer.slice(0), new Blob([bytes]), new File([bytes], 'sbom.txt')];
  for (const input of inputs) {
    const r = await llapi.uploadManifest(input, { uploadOnly: true, kernelConfig: new Blob(['CONFIG_X=y']) });
    assert.equal(sim.state.manifests.get(r.manifest_token)?.text, text);
    assert.equal(sim.state.manifests.get(r.manifest_token)?.kernelConfig, 'CONFIG_X=y');
  }
  await assert.rejects(llapi.uploadManifest(42 as never), /must be text, bytes, a Blob or \{ path \}/);
});
