// Node helpers: the ~/.mist INI config, python plugin files, the YAML reader and the db.yaml sync.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import {
  addPythonPluginFromFile,
  defaultMistConfigPath,
  formatMistConfig,
  loadDbYaml,
  parseDbYaml,
  parseMistConfig,
  readMistConfig,
  readPythonPlugin,
  syncDbYaml,
  writeMistConfig,
} from '../../../src/node/index.js';
import { parseYaml } from '../../../src/node/mist/yaml.js';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

test('~/.mist: ConfigParser syntax, no % interpolation, defaults; errors name the line, never its text', () => {
  const text = [
    '# mist.client config',
    '[mist.io]',
    'MIST_URI : https://mist.example ; the server',
    '',
    '[mist.credentials]',
    'email = ops@example.com',
    'password=50%off;not a comment',
    'api_token =',
  ].join('\r\n');
  assert.deepEqual(parseMistConfig(text), { mistUri: 'https://mist.example', email: 'ops@example.com', password: '50%off;not a comment', apiToken: undefined });
  assert.deepEqual(parseMistConfig(''), { mistUri: 'https://mist.io', email: undefined, password: undefined, apiToken: undefined });
  assert.deepEqual(parseMistConfig('[mist.credentials]\nemail=None\npassword=\n'), { mistUri: 'https://mist.io', email: undefined, password: undefined, apiToken: undefined });
  assert.throws(() => parseMistConfig('password = secret-outside\n'), (e: unknown) => e instanceof ConfigError && /line 1: an option before any \[section\]/.test(e.message) && !e.message.includes('secret'));
  assert.throws(() => parseMistConfig('[a]\nthis line is nothing secret-x\n'), (e: unknown) => e instanceof ConfigError && /line 2/.test(e.message) && !e.message.includes('secret-x'));
  assert.equal(parseMistConfig('[mist.io]\nmist_uri = https://a\n  /continued\n').mistUri, 'https://a\n/continued');
  assert.equal(defaultMistConfigPath({ HOME: '/home/u' }), '/home/u/.mist');
  assert.equal(defaultMistConfigPath({ HOME: '/home/u', MIST_CONFIG: '/etc/mist.ini' }), '/etc/mist.ini');
});

test('~/.mist: written as mist.client writes it, mode 0600, atomically; read back; a missing file is undefined', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opskit-mist-'));
  try {
    const path = join(dir, 'sub', '.mist');
    assert.equal(await readMistConfig(path), undefined);
    await writeMistConfig(path, { mistUri: 'https://mist.example', email: 'a@b.c', password: 'p%w' });
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal(await readFile(path, 'utf8'), '[mist.io]\nmist_uri=https://mist.example\n\n[mist.credentials]\nemail=a@b.c\npassword=p%w\n\n');
    assert.deepEqual(await readMistConfig(path), { mistUri: 'https://mist.example', email: 'a@b.c', password: 'p%w', apiToken: undefined });
    assert.throws(() => formatMistConfig({ mistUri: 'x', password: 'a\nb' }), /one line/);
    await writeFile(join(dir, 'bad'), new Uint8Array([0xff, 0xfe]));
    await assert.rejects(readMistConfig(join(dir, 'bad')), /is not UTF-8/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('python plugin files: read as text; not a file or not UTF-8 is a ConfigError', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opskit-mist-'));
  try {
    await writeFile(join(dir, 'p.py'), 'def read():\n    return 7\n');
    assert.equal(await readPythonPlugin(join(dir, 'p.py')), 'def read():\n    return 7\n');
    await assert.rejects(readPythonPlugin(join(dir, 'missing.py')), /is not a file or could not be found/);
    await assert.rejects(readPythonPlugin(dir), /is not a file/);
    await writeFile(join(dir, 'bin.py'), new Uint8Array([0xc3, 0x28]));
    await assert.rejects(readPythonPlugin(join(dir, 'bin.py')), /not UTF-8/);
    const sim = mistSim();
    const server = await served(sim);
    const client = await loggedIn(sim, server.url);
    await client.addKey('k', RSA_PEM);
    const b = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
    const m = await b.createMachine('m', 'k', 'ami-7c807d14', '0', 't1.micro');
    sim.clock.advance(1000);
    await b.updateMachines();
    assert.equal((await addPythonPluginFromFile(m, 'Seven', join(dir, 'p.py'))).metric_id, 'mist.python.seven');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('YAML as PyYAML writes it: indentless sequences, multi-line quoted scalars, block scalars, flow, tags, anchors', () => {
  const doc = [
    'backends:',
    '  3GmX:',
    '    apikey: AKIA',
    '    enabled: true',
    "    machines: {}",
    '    poll_interval: 10000',
    '    region: null',
    '    starred: []',
    "    title: 'Yes'",
    '    ratio: 0.5',
    '    octal: 0755',
    '    hex: 0x1f',
    '    off: off',
    '    url: http://example.com:80/path',
    '    long: a plain scalar that PyYAML',
    '      wrapped onto a second line',
    'keypairs:',
    '  my key:',
    '    default: false',
    '    machines:',
    '    - - 3GmX',
    '      - i-1',
    '      - 1410000000.5',
    '      - root',
    '      - false',
    '      - 22',
    '    - &assoc [b, "m\\u00e9", 0, ~, no, 2222]',
    '    - *assoc',
    "    private: '-----BEGIN RSA PRIVATE KEY-----",
    '',
    '      MIIB',
    '',
    "      -----END RSA PRIVATE KEY-----'",
    '    public: "ssh-rsa AAAA\\',
    '      BBBB \\"quoted\\""',
    '    literal: |-',
    '      line 1',
    '        indented',
    '',
    '      line 3',
    '    folded: >',
    '      one',
    '      two',
    '',
    '      three',
    '    unicode: !!python/unicode \'κλειδί\'',
    "    'quoted key': 1 # a comment",
    'email: ops@example.com',
  ].join('\n');
  const v = parseYaml(doc) as any;
  const b = v.backends['3GmX'];
  assert.deepEqual(
    [b.apikey, b.enabled, b.machines, b.poll_interval, b.region, b.starred, b.title, b.ratio, b.octal, b.hex, b.off, b.url, b.long],
    ['AKIA', true, {}, 10000, null, [], 'Yes', 0.5, 493, 31, false, 'http://example.com:80/path', 'a plain scalar that PyYAML wrapped onto a second line'],
  );
  const k = v.keypairs['my key'];
  assert.deepEqual(k.machines, [['3GmX', 'i-1', 1410000000.5, 'root', false, 22], ['b', 'mé', 0, null, false, 2222], ['b', 'mé', 0, null, false, 2222]]);
  assert.equal(k.private, '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----');
  assert.equal(k.public, 'ssh-rsa AAAABBBB "quoted"');
  assert.equal(k.literal, 'line 1\n  indented\n\nline 3');
  assert.equal(k.folded, 'one two\nthree\n');
  assert.equal(k.unicode, 'κλειδί');
  assert.equal(k['quoted key'], 1);
  assert.equal(v.email, 'ops@example.com');
  assert.deepEqual(parseYaml('---\n- a\n- b: 1\n  c: [1, {d: e}]\n...\n'), ['a', { b: 1, c: [1, { d: 'e' }] }]);
  assert.equal(parseYaml(''), null);
});

test('YAML the reader refuses: python objects, bad indentation, duplicate keys, unclosed quotes (the line is named)', () => {
  assert.throws(() => parseYaml('a: !!python/object:mist.io.model.User {}'), /line 1: the tag !!python\/object:mist\.io\.model\.User is not supported/);
  assert.throws(() => parseYaml('a: 1\na: 2'), /line 2: duplicate key "a"/);
  assert.throws(() => parseYaml("a: 'open\nb: 1"), /line 1: a quoted string is never closed/);
  assert.throws(() => parseYaml('a:\n\t- b'), /line 2: a tab in indentation/);
  assert.throws(() => parseYaml('a: 1\n  b: 2'), ConfigError);
  assert.throws(() => parseYaml('a: [1,\n  2]'), /multi-line flow/);
  assert.throws(() => parseYaml('--- a\n--- b'), /more than one document/);
});

test('db.yaml: shape checks, then sync into an account (keys with the default, backends incl. bare metal, associations)', async () => {
  assert.throws(() => parseDbYaml('backends:\n  x:\n    title: t\n'), /backend "x" has no provider/);
  assert.throws(() => parseDbYaml('keypairs:\n  k:\n    public: p\n'), /key pair "k" has no private key/);
  assert.throws(() => parseDbYaml('- 1\n'), /expected a mapping/);
  await assert.rejects(loadDbYaml('/nonexistent/db.yaml'), /valid path for a db.yaml/);

  const source = mistSim();
  const sourceServer = await served(source);
  const old = await loggedIn(source, sourceServer.url);
  await old.addKey('first', RSA_PEM);
  const generated = await old.generateKey();
  await old.addKey('deploy key', generated);
  await (await old.keys()).get('deploy key')!.setDefault();
  const aws = await old.addBackend('aws', 'ec2_us_east', 'AKIA1', 'secret-1');
  const lon = await old.addBackend('london', 'rackspace:lon', 'rack', 'rack-key');
  await lon.disable();
  const bm = await old.addBackend('box', 'bare_metal', '', '', { machineIp: 'box.example.com', machineKey: 'first', machineUser: 'admin', machinePort: 2222 });
  const web = await aws.createMachine('web', 'deploy key', 'ami-7c807d14', '0', 't1.micro');
  source.clock.advance(1000);

  // The server's db.yaml for that account, written the way PyYAML writes it.
  const q = (s: string) => `'${s.replace(/'/g, "''").split('\n').join('\n\n      ')}'`;
  const keysYaml = [...source.state.keypairs].map(([id, k]) => [
    `  ${id.includes(' ') ? `'${id}'` : id}:`,
    `    default: ${k.default}`,
    k.machines.length === 0 ? '    machines: []' : `    machines:\n${k.machines.map((a) => `    - - ${a[0]}\n      - ${a[1]}\n      - ${a[2]}\n      - ${a[3] ?? 'null'}\n      - ${a[4]}\n      - ${a[5]}`).join('\n')}`,
    `    private: ${q(k.private)}`,
    `    public: ${k.public}`,
  ].join('\n'));
  const backendsYaml = [...source.state.backends.values()].map((b) => [
    `  ${b.id}:`,
    `    apikey: ${b.apikey === '' ? "''" : b.apikey}`,
    `    apisecret: ${b.apisecret === '' ? "''" : b.apisecret}`,
    `    enabled: ${b.enabled}`,
    b.provider === 'bare_metal' ? `    machines:\n      boxexamplecom:\n        dns_name: box.example.com\n        name: box.example.com\n        public_ips:\n        - box.example.com\n        ssh_port: 2222` : '    machines: {}',
    `    provider: ${b.provider}`,
    `    region: ${b.region === '' ? "''" : b.region}`,
    `    title: ${b.title}`,
  ].join('\n'));
  const dbYaml = `backends:\n${backendsYaml.join('\n')}\nemail: ${source.credentials.email}\nkeypairs:\n${keysYaml.join('\n')}\n`;
  const db = parseDbYaml(dbYaml);
  assert.equal(db.keypairs['deploy key']!.private, generated);

  // A fresh account on another server; the same provider accounts exist there.
  const target = mistSim({ seed: 99 });
  const targetServer = await served(target);
  const client = await loggedIn(target, targetServer.url);
  await client.addKey('first', RSA_PEM); // already there: found, not added again
  // The EC2 account's machine, as the provider knows it (machines live with the provider, not in db.yaml).
  await (await client.addBackend('tmp', 'ec2_us_east', 'AKIA1', 'secret-1')).delete();
  const cloud = target.state.clouds.get(aws.id)!;
  cloud.machines.set(web.id, { ...source.state.clouds.get(aws.id)!.machines.get(web.id)!, metrics: new Set(), plugins: new Map() });
  target.clock.advance(1000); // the machine has booted there too
  const events: string[] = [];
  const report = await syncDbYaml(client, db, { onEvent: (e) => events.push(`${e.kind} ${e.id} ${e.outcome}`) });
  assert.deepEqual(report.keys.map((e) => [e.id, e.outcome]), [['first', 'found'], ['deploy key', 'added']]);
  assert.deepEqual(report.backends.map((e) => [e.id, e.outcome, e.error?.message]), [[aws.id, 'added', undefined], [lon.id, 'added', undefined], [bm.id, 'added', undefined]]);
  assert.equal(report.failed, false, JSON.stringify([...report.backends, ...report.associations].filter((e) => e.error).map((e) => `${e.id}: ${e.error!.message}`)));
  assert.deepEqual(report.associations.map((e) => e.outcome), ['added', 'added']);
  assert.equal(events.length, 7);
  assert.equal(target.state.keypairs.get('deploy key')!.default, true, 'the default key is the default again');
  assert.equal(target.state.backends.get(lon.id)!.enabled, false, 'a disabled backend is disabled again');
  assert.equal(target.state.backends.get(bm.id)!.title, 'box.example.com');
  assert.ok(target.state.keypairs.get('deploy key')!.machines.some((a) => a[1] === web.id));
  // Running it again finds everything.
  const again = await syncDbYaml(client, db);
  assert.ok([...again.keys, ...again.backends].every((e) => e.outcome === 'found'));
});
