// The wire rules of protocols §0 and §10, checked on what really leaves the client (over real HTTP to
// the served simulator): format=json always, ?update on every POST, Content-Type and Content-Length
// where the server demands them, header values percent-encoded both ways, integer `until`, kamaki's
// quirks not copied; plus TempAuth and Keystone v3 logins, dry runs and secrets.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createPithosSim } from '../../../src/sim/pithos/index.js';
import { createSim } from '../../../src/sim/index.js';
import { ConfigError } from '../../../src/core/index.js';
import { keystoneV3Auth, PithosClient, StorageClient, swiftTempAuth } from '../../../src/synnefo/pithos/index.js';
import { KiB, pattern, servedSetup } from './helpers.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

test('every request: format=json, X-Auth-Token; every POST ?update; exact Content-Types; integer until', async () => {
  const { sim, served, client } = await servedSetup();
  servers.push(served);
  const from = sim.requests.list().length;
  await client.uploadObject('a b/ç.txt', pattern(9 * KiB), { contentType: 'text/plain' });
  await client.setObjectMeta('a b/ç.txt', { k: 'v' });
  await client.setContainerMeta({ k: 'v' });
  await client.setAccountMeta({ k: 'v' });
  await client.publishObject('a b/ç.txt');
  await client.appendObject('a b/ç.txt', new Uint8Array([1]));
  await client.copyObject('pithos', 'a b/ç.txt', 'pithos', 'copy');
  await client.moveObject('pithos', 'copy', 'pithos', 'moved');
  sim.clock.advance(1500);
  await client.purgeContainer();
  const log = sim.requests.list().slice(from);
  for (const e of log) {
    if (!e.path.startsWith('/object-store/v1/')) continue;
    assert.match(e.url, /[?&]format=json(&|$)/, `${e.method} ${e.url}`);
    assert.ok(e.headers['x-auth-token'], `${e.method} ${e.url}`);
    if (e.method === 'POST') assert.match(e.url, /[?&]update(&|=|$)/, `${e.method} ${e.url}`);
  }
  const hashmapPut = log.find((e) => e.method === 'PUT' && /hashmap/.test(e.url))!;
  assert.equal(hashmapPut.headers['content-type'], 'text/plain');
  assert.equal(hashmapPut.headers['content-length'], String(hashmapPut.body.length));
  const blockPost = log.find((e) => e.method === 'POST' && /\/pithos\?/.test(e.url))!;
  assert.equal(blockPost.headers['content-type'], 'application/octet-stream');
  const append = log.find((e) => e.method === 'POST' && e.headers['content-range'] === 'bytes */*')!;
  assert.equal(append.headers['content-type'], 'application/octet-stream');
  const copy = log.find((e) => e.method === 'PUT' && e.headers['x-copy-from'])!;
  assert.equal(copy.headers['content-length'], '0');
  assert.equal(copy.headers['x-copy-from'], '/pithos/a%20b/%C3%A7.txt');
  assert.equal(copy.headers['x-object-public'], undefined, 'kamaki sent X-Object-Public: False on every copy');
  assert.ok(log.some((e) => e.method === 'PUT' && e.headers['x-move-from']));
  const purge = log.find((e) => e.method === 'DELETE')!;
  assert.match(purge.url, /until=\d+(&|$)/, 'integer seconds (kamaki sent a float the server ignores)');
  assert.equal(client.container, 'pithos', 'copy/move leave the client\'s container alone');
  assert.match(hashmapPut.url, /\/pithos\/a%20b\/%C3%A7\.txt\?/, 'the object path is quoted once, slashes kept');
});

test('meta, group and source headers are percent-encoded as UTF-8 and decoded on the way back', async () => {
  const { sim, served, client } = await servedSetup();
  servers.push(served);
  const friend = sim.users[1]!.uuid;
  await client.uploadFromString('m', 'x', { metadata: { colour: 'κόκκινο 50%' } });
  const e = sim.requests.list().filter((r) => r.method === 'PUT').at(-1)!;
  assert.equal(e.headers['x-object-meta-colour'], '%CE%BA%CF%8C%CE%BA%CE%BA%CE%B9%CE%BD%CE%BF 50%25');
  assert.equal((await client.getObjectMeta('m'))['x-object-meta-colour'], 'κόκκινο 50%');
  await client.setAccountGroup('friends', [friend]);
  assert.deepEqual(await client.getAccountGroup(), { 'x-account-group-friends': friend });
  await client.setContainerMeta({ 'ελληνικά': 'ναι' });
  assert.equal((await client.getContainerMeta())['x-container-meta-Ελληνικά'], 'ναι');
});

test('TempAuth (/auth/v1.0) and Keystone v3 (X-Subject-Token, catalog URL with the account) against the simulator', async () => {
  const sim = createPithosSim({ seed: 31 });
  const served = await serve(sim);
  servers.push(served);
  const u = sim.users[0]!;
  const login = await swiftTempAuth(`${served.url}/auth/v1.0`, `${u.name}:${u.name}`, u.token);
  assert.equal(login.storageUrl, `${served.url}/object-store/v1/${u.uuid}`);
  const ks = await keystoneV3Auth(`${served.url}/identity/v3`, { username: u.name, password: u.token, projectName: u.name });
  assert.equal(ks.token, u.token);
  assert.equal(ks.storageUrl, `${served.url}/object-store/v1/${u.uuid}`);
  const client = await PithosClient.fromKeystoneV3(`${served.url}/identity/v3`, { username: u.name, password: u.token, projectName: u.name }, { container: 'k' });
  assert.equal(client.account, u.uuid);
  await client.createContainer('k');
  await client.uploadFromString('hello', 'keystone');
  assert.equal(await client.downloadToString('hello'), 'keystone');
  const bad = await keystoneV3Auth(`${served.url}/identity/v3`, { username: u.name, password: 'not-the-password-xyz' }).then(() => undefined, (e: Error) => e);
  assert.equal((bad as Error & { status?: number }).status, 401);
  assert.doesNotMatch(String((bad as Error).message), /not-the-password-xyz/);
  await assert.rejects(keystoneV3Auth(`${served.url}/identity/v3`, { username: u.name, password: u.token, projectName: u.name, region: 'mars' }), /no public object-store endpoint in region mars/);
  const swiftStyle = await StorageClient.fromTempAuth(`${served.url}/auth/v1.0`, `${u.uuid}:${u.uuid}`, u.token);
  assert.equal(swiftStyle.account, u.uuid);
});

test('createSim("pithos").credentials are exactly the client options; dry runs show requests without the token', async () => {
  const sim = createSim('pithos', { seed: 41 });
  assert.deepEqual(Object.keys(sim.credentials).sort(), ['account', 'token', 'url']);
  const client = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch });
  await client.createContainer('pithos');
  const dry = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch, dryRun: true });
  const req = (await dry.getObjectInfo('x')) as unknown as { method: string; url: string; headers: Record<string, string> };
  assert.equal(req.method, 'HEAD');
  assert.doesNotMatch(JSON.stringify(req), new RegExp(sim.credentials.token));
  const logs: string[] = [];
  const logged = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch, logger: (e) => logs.push(JSON.stringify(e)) });
  await logged.uploadFromString('x', 'y');
  await logged.getObjectInfo('nope').catch((e: Error) => logs.push(e.message));
  assert.ok(logs.length > 3);
  for (const l of logs) assert.doesNotMatch(l, new RegExp(sim.credentials.token));
  assert.throws(() => new PithosClient({ ...sim.credentials, maxthreads: 3 } as never), /did you mean "maxThreads"/);
  assert.throws(() => client.listObjects({ limit: 0 }), ConfigError);
  await assert.rejects(client.delObject('x', { until: -1 }), ConfigError);
});

test('an object name ending in "/" or holding "//" is addressed as it is (kamaki collapsed them)', async () => {
  const { served, client } = await servedSetup();
  servers.push(served);
  await client.uploadFromString('dir/', 'slash');
  await client.uploadFromString('a//b', 'double');
  assert.equal(await client.downloadToString('dir/'), 'slash');
  assert.equal(await client.downloadToString('a//b'), 'double');
  assert.deepEqual((await client.listObjects().all()).map((o) => o.name), ['a//b', 'dir/']);
});
