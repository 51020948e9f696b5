// kamaki's config file as kamaki (Python 2 RawConfigParser) reads it: sections, clouds,
// continuation lines, comments, the old global url/token, and errors that never quote a token.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../../../src/core/index.js';
import { kamakircPath, loadKamakirc, parseKamakirc, resolveCloud } from '../../../../src/node/index.js';

const FILE = `# Kamaki configuration file v0.17
[global]
default_cloud = okeanos
log_file = /home/u/.kamaki.log ; an inline comment

[cloud "okeanos"]
url = https://accounts.okeanos.grnet.gr/identity/v2.0
token = tok-first-1234 tok-second-5678
PITHOS_CONTAINER: pithos
long = first line
  second line

[cloud "lab.example-1"]
url=https://lab/identity/v2.0
token=lab-token-9999
; a comment line
rem another comment line
`;

test('parses sections, clouds, options (case-insensitive names), comments and continuation lines', () => {
  const c = parseKamakirc(FILE, '/home/u/.kamakirc');
  assert.deepEqual(c.global, { default_cloud: 'okeanos', log_file: '/home/u/.kamaki.log' });
  assert.deepEqual(Object.keys(c.clouds), ['okeanos', 'lab.example-1']);
  assert.equal(c.clouds.okeanos?.pithos_container, 'pithos');
  assert.equal(c.clouds.okeanos?.long, 'first line\nsecond line');
  const cloud = resolveCloud(c);
  assert.equal(cloud.name, 'okeanos');
  assert.equal(cloud.url, 'https://accounts.okeanos.grnet.gr/identity/v2.0');
  assert.equal(cloud.token, 'tok-first-1234');
  assert.deepEqual(cloud.tokens, ['tok-first-1234', 'tok-second-5678']);
  assert.equal(cloud.options.pithos_container, 'pithos');
  assert.equal(resolveCloud(c, 'lab.example-1').token, 'lab-token-9999');
});

test('cloud selection: --cloud, default_cloud, the only cloud; missing pieces are clear errors', () => {
  const one = parseKamakirc('[cloud "only"]\nurl = https://h/identity/v2.0\ntoken = t-0000-1111\n');
  assert.equal(resolveCloud(one).name, 'only');
  const two = parseKamakirc('[cloud "a"]\nurl = u\ntoken = t1\n[cloud "b"]\nurl = u\ntoken = t2\n', 'rc');
  assert.throws(() => resolveCloud(two), /several clouds \(a, b\) and no default_cloud/);
  assert.throws(() => resolveCloud(two, 'c'), /no cloud named "c" \(clouds: a, b\)/);
  assert.throws(() => resolveCloud(parseKamakirc('[global]\n', 'rc')), /no cloud is configured/);
  assert.throws(() => resolveCloud(parseKamakirc('[cloud "x"]\ntoken = t\n')), /has no url/);
  assert.throws(() => resolveCloud(parseKamakirc('[cloud "x"]\nurl = u\ntoken =\n')), /has no token/);
  // Old files: global url/token are the "default" cloud (kamaki's rescue).
  const old = resolveCloud(parseKamakirc('[global]\nurl = https://old/identity/v2.0\ntoken = old-token-1\n'));
  assert.deepEqual([old.name, old.url, old.token], ['default', 'https://old/identity/v2.0', 'old-token-1']);
});

test('malformed files name the line, never its content (it may hold a token)', () => {
  const secret = 'sekrit-token-value';
  assert.throws(() => parseKamakirc(`token = ${secret}\n`, 'rc'), (e: unknown) => e instanceof ConfigError && /rc, line 1: the file contains no section header/.test(e.message) && !e.message.includes(secret));
  assert.throws(() => parseKamakirc(`[cloud "x"]\n${secret}\n`, 'rc'), (e: unknown) => e instanceof ConfigError && /rc, line 2: expected "name = value"/.test(e.message) && !e.message.includes(secret));
  assert.throws(() => parseKamakirc('[cloud "bad name"]\n', 'rc'), /invalid cloud section name/);
  assert.throws(() => parseKamakirc('  orphan continuation\n', 'rc'), /continuation line/);
});

test('loadKamakirc reads $KAMAKI_CONFIG, else ~/.kamakirc; a missing file says so', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kamakirc-'));
  await writeFile(join(dir, '.kamakirc'), FILE);
  assert.equal(kamakircPath({ HOME: dir }), join(dir, '.kamakirc'));
  assert.equal(kamakircPath({ HOME: dir, KAMAKI_CONFIG: '/x/rc' }), '/x/rc');
  const c = await loadKamakirc({ env: { HOME: dir } });
  assert.equal(resolveCloud(c).name, 'okeanos');
  await assert.rejects(loadKamakirc({ path: join(dir, 'missing') }), /no such file/);
  await writeFile(join(dir, 'latin1'), new Uint8Array([0x5b, 0xff, 0x5d]));
  await assert.rejects(loadKamakirc({ path: join(dir, 'latin1') }), /not UTF-8/);
});
