import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, ClientError, ServerError, isDryRunRequest } from '../../../src/core/index.js';
import { parsePrivateKey } from '../../../src/crypto/index.js';
import { TRITON_SEED } from '../../../src/sim/triton/index.js';
import {
  API_HOST_SUFFIX,
  DataCenter,
  KNOWN_LOCATIONS,
  TELEFONICA_LOCATIONS,
  isPrivateIp,
  parseKeyId,
  resolveLocation,
  tritonKeyId,
  tritonQuery,
} from '../../../src/triton/index.js';
import { PASS, wireKeys } from './fixtures.js';
import { dcFor, tritonSim } from './helpers.js';

const [rsa, ec, ed] = wireKeys() as [ReturnType<typeof wireKeys>[number], ReturnType<typeof wireKeys>[number], ReturnType<typeof wireKeys>[number]];

test("py-smartdc's location rules", () => {
  assert.equal(resolveLocation('us-east-1'), 'https://us-east-1.api.joyentcloud.com');
  assert.equal(resolveLocation('cloudapi.us-central-1.triton.zone'), 'https://cloudapi.us-central-1.triton.zone');
  assert.equal(resolveLocation('localhost'), 'https://localhost');
  assert.equal(resolveLocation('eu-lon-1'), `https://eu-lon-1${API_HOST_SUFFIX}`);
  assert.equal(resolveLocation('London', { ...KNOWN_LOCATIONS, ...TELEFONICA_LOCATIONS }), 'https://api-eu-lon-1.instantservers.telefonica.com');
  const dc = new DataCenter({ account: 'jill', key: ed.formats.openssh! });
  assert.equal(dc.location, 'us-west-1');
  assert.equal(dc.url, 'https://us-west-1.api.joyentcloud.com/jill');
  // The instance's table is its own: merging into one never leaks into another (py-smartdc's shared dict did).
  dc.knownLocations['x-1'] = 'https://x';
  assert.equal(new DataCenter({ account: 'jill', unsigned: true }).knownLocations['x-1'], undefined);
});

test('keyIds: real login + MD5 fingerprint, sub-users, explicit py-smartdc keyIds; mismatches are ConfigErrors', () => {
  assert.equal(tritonKeyId('jill', 'aa:bb'), '/jill/keys/aa:bb');
  assert.equal(tritonKeyId('jill', 'aa:bb', 'ops'), '/jill/users/ops/keys/aa:bb');
  assert.throws(() => tritonKeyId('my', 'aa:bb'), ConfigError);
  assert.deepEqual(parseKeyId('/jill/users/ops/keys/k'), { account: 'jill', user: 'ops', key: 'k' });
  assert.equal(parseKeyId('/jill/ops/keys/k'), undefined);
  const byFp = new DataCenter({ account: 'jill', key: rsa.formats.pkcs1!, keyId: rsa.sha256 });
  assert.equal(byFp.keyId, `/jill/keys/${rsa.md5}`);
  const py = new DataCenter({ keyId: '/jill/keys/laptop', key: rsa.formats.pkcs1! });
  assert.equal(py.keyId, '/jill/keys/laptop');
  assert.equal(py.login, 'jill');
  assert.throws(() => new DataCenter({ account: 'jill', key: rsa.formats.pkcs1!, keyId: ec.md5 }), /does not match the key/);
  assert.throws(() => new DataCenter({ key: rsa.formats.pkcs1! }), /account login is needed/);
  assert.throws(() => new DataCenter({ account: 'jill', key: rsa.formats['pkcs1-aes128']! }), /passphrase is required/);
  assert.equal(new DataCenter({ account: 'jill', key: rsa.formats['pkcs1-aes128']!, passphrase: PASS }).keyId, `/jill/keys/${rsa.md5}`);
});

test('dry run shows the signed request with the signature and passphrase redacted (reveal shows the signature)', async () => {
  const sim = tritonSim({ keys: [rsa.publicLine] });
  const before = sim.requests.list().length;
  const dc = dcFor(sim, rsa, { dryRun: true, key: rsa.formats['openssh-encrypted']!, passphrase: PASS });
  const dry = (await dc.listKeys()) as unknown as Record<string, unknown> & { headers: Record<string, string> };
  assert.ok(isDryRunRequest(dry));
  assert.equal(dry.method, 'GET');
  assert.equal(dry.url, `${sim.url}/demo/keys`);
  assert.equal(dry.headers.authorization, '[REDACTED]');
  assert.equal(dry.headers['accept-version'], '~9||~8');
  assert.match(dry.headers.date!, /GMT$/);
  assert.equal(dry.signed, `date: ${dry.headers.date}`);
  assert.equal(dry.algorithm, 'rsa-sha256');
  const text = JSON.stringify(dry);
  assert.ok(!text.includes(PASS) && !/signature="/.test(text));
  const created = (await dc.createMachine({ name: 'x', package: 'sample-512M', image: TRITON_SEED.image.base, metadata: { a: 'b' } })) as unknown as { body: string };
  assert.deepEqual(JSON.parse(created.body), { name: 'x', package: 'sample-512M', image: TRITON_SEED.image.base, 'metadata.a': 'b' });
  assert.equal(sim.requests.list().length, before, 'nothing was sent');
  const shown = dcFor(sim, rsa, { dryRun: true, reveal: true });
  const revealed = (await shown.getAccount()) as unknown as { headers: Record<string, string> };
  assert.match(revealed.headers.authorization!, /^Signature keyId="\/demo\/keys\/[0-9a-f:]+",algorithm="rsa-sha256",headers="date",signature="/);
});

test('each retry is signed again with a fresh date; POST actions are not retried', async () => {
  const sim = tritonSim({ keys: [ed.publicLine] });
  let t = sim.clock.now();
  const dc = dcFor(sim, ed, { now: () => (t += 2000), sleep: async () => {} });
  sim.faults.inject({ kind: 'status', status: 503, times: 2, match: { method: 'GET', path: '/demo/keys' } });
  const start = sim.requests.list().length;
  assert.equal((await dc.listKeys()).length, 1);
  const tries = sim.requests.list().slice(start);
  assert.equal(tries.length, 3);
  assert.equal(new Set(tries.map((r) => r.headers.date)).size, 3, 'three dates');
  assert.equal(new Set(tries.map((r) => r.headers.authorization)).size, 3, 'three signatures');
  const m = await dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base });
  sim.faults.inject({ kind: 'status', status: 503, times: 1, match: { method: 'POST' } });
  await assert.rejects(dc.startMachine(m.id), (e: unknown) => e instanceof ServerError && e.status === 503);
});

test('errors carry the CloudAPI code, message and request id, and never a secret', async () => {
  const sim = tritonSim({ keys: [ec.publicLine] });
  const dc = dcFor(sim, ec, { key: ec.formats['openssh-encrypted']!, passphrase: PASS });
  const err = (await dc.getMachine('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e)) as ClientError;
  assert.ok(err instanceof ClientError);
  assert.equal(err.status, 404);
  assert.equal(err.vendorCode, 'ResourceNotFound');
  assert.match(err.message, /^getMachine failed with HTTP 404/);
  assert.ok(err.headers.get('request-id'));
  assert.equal(err.request.headers.authorization, '[REDACTED]');
  assert.ok(!JSON.stringify({ ...err, message: err.message }).includes(PASS));
  const wrongKey = dcFor(sim, rsa);
  const denied = (await wrongKey.listKeys().catch((e: unknown) => e)) as ClientError;
  assert.equal(denied.status, 401);
  assert.equal(denied.vendorCode, 'InvalidCredentials');
});

test('createMachine validates and flattens; setRoleTags refuses unknown paths; the tag query is dotted', async () => {
  const sim = tritonSim({ keys: [ed.publicLine] });
  const dc = dcFor(sim, ed);
  await assert.rejects(dc.createMachine({ name: '-bad-', package: 'sample-512M', image: TRITON_SEED.image.base }), ConfigError);
  await assert.rejects(dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base, dataset: TRITON_SEED.image.base }), ConfigError);
  await assert.rejects(dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base, metadata: { '.x': '1' } }), ConfigError);
  await assert.rejects(dc.setRoleTags('volumes/x', ['r']), ConfigError);
  assert.equal(tritonQuery({ tag: { role: 'db', n: 1 }, state: 'running', credentials: true, x: undefined, list: ['a', 'b'] }), 'tag.role=db&tag.n=1&state=running&credentials=true&list=a%2Cb');
  const m = await dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base, tags: { role: 'db' } });
  const sent = sim.requests.list().at(-1)!;
  assert.deepEqual(JSON.parse(sent.body), { package: 'sample-512M', image: TRITON_SEED.image.base, 'tag.role': 'db' });
  await dc.listMachines({ tags: { role: 'db' }, credentials: false }).all();
  assert.match(sim.requests.list().at(-1)!.url, /\?tag\.role=db&limit=1000&offset=0$/);
  void m;
});

test('the machines paging loop follows x-resource-count/x-query-limit and stops on a short page', async () => {
  const sim = tritonSim({ keys: [ed.publicLine] });
  const dc = dcFor(sim, ed);
  for (let i = 0; i < 5; i++) await dc.createMachine({ name: `n${i}`, package: 'sample-512M', image: TRITON_SEED.image.base });
  const paged = dc.listMachines({ limit: 2 });
  const pages: number[] = [];
  for await (const page of paged.pages()) pages.push(page.length);
  assert.deepEqual(pages, [2, 2, 1]);
  const offsets = sim.requests.list().slice(-3).map((r) => new URL(r.url).searchParams.get('offset'));
  assert.deepEqual(offsets, ['0', '2', '4']);
  assert.equal(await dc.numMachines({ limit: 2 }), 5);
  assert.equal(await dc.numMachines({ name: 'n3' }), 1, 'filters are sent (py-smartdc dropped them)');
});

test('getDatacenter reads the 302 in process too; datacenter() switches location with the same key', async () => {
  const sim = tritonSim({ keys: [ed.publicLine], datacenters: { 'us-sim-2': 'http://triton.sim.invalid' } });
  const dc = dcFor(sim, ed);
  assert.equal(await dc.getDatacenter('us-sim-2'), 'http://triton.sim.invalid');
  await assert.rejects(dc.getDatacenter('nowhere'), (e: unknown) => e instanceof ClientError && e.status === 404);
  const other = await dc.datacenter('us-sim-2');
  assert.equal(other.baseUrl, 'http://triton.sim.invalid');
  assert.equal(other.keyId, dc.keyId);
  assert.equal((await other.getAccount()).login, 'demo');
  await assert.rejects(dc.datacenter('atlantis'), ConfigError);
});

test('Machine helpers: IP classification and waitFor timeouts', async () => {
  assert.equal(isPrivateIp('10.1.2.3'), true);
  assert.equal(isPrivateIp('172.31.0.1'), true);
  assert.equal(isPrivateIp('172.32.0.1'), false);
  assert.equal(isPrivateIp('192.168.0.1'), true);
  assert.equal(isPrivateIp('fd00::1'), true);
  assert.equal(isPrivateIp('2001:db8::1'), false);
  const sim = tritonSim({ keys: [ed.publicLine], transitionMs: 60_000 });
  const dc = dcFor(sim, ed);
  const m = await dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base });
  const progress: string[] = [];
  await assert.rejects(
    m.waitFor('running', { interval: 1000, timeout: 3000, sleep: async (ms) => void sim.clock.advance(ms), now: () => sim.clock.now(), onProgress: (p) => progress.push(p.value.state) }),
    /timed out/,
  );
  assert.deepEqual(progress, ['provisioning', 'provisioning', 'provisioning']);
  const silent = await m.waitFor('running', { interval: 1000, timeout: 1000, silent: true, sleep: async () => {} });
  assert.equal(silent.state, 'provisioning');
});

test('a DataCenter from a parsed key, a signer, or no key (ping only)', async () => {
  const sim = tritonSim({ keys: [ed.publicLine] });
  const parsed = parsePrivateKey(ed.formats.pkcs8!);
  assert.equal((await dcFor(sim, ed, { key: parsed }).getAccount()).login, 'demo');
  const anon = new DataCenter({ url: sim.url, fetch: sim.fetch, unsigned: true });
  assert.equal((await anon.ping()).ping, 'pong');
  await assert.rejects(anon.listKeys(), (e: unknown) => e instanceof ClientError && e.status === 401);
});

test('printing a DataCenter or Machine never shows the private key or passphrase', async () => {
  const { inspect } = await import('node:util');
  const sim = tritonSim({ keys: [rsa.publicLine] });
  const dc = dcFor(sim, rsa, { key: rsa.formats['pkcs1-aes256']!, passphrase: PASS });
  const m = await dc.createMachine({ package: 'sample-512M', image: TRITON_SEED.image.base });
  const secretLine = rsa.formats['pkcs1-aes256']!.split('\n')[4]!;
  for (const text of [inspect(dc, { depth: 6 }), inspect(m, { depth: 6 }), JSON.stringify(dc), JSON.stringify(m)]) {
    assert.ok(!text.includes(PASS), 'passphrase');
    assert.ok(!text.includes(secretLine), 'key text');
  }
});
