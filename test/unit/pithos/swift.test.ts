// A real OpenStack Swift (Debian's packages, started on 127.0.0.1 by scripts/swift/swift-local.sh):
// the shared Swift-level suite against it AND against the Pithos simulator, compared entry by entry;
// TempAuth; Static Large Objects; and the Pithos-only requests the client refuses (never sending a
// hashmap PUT, X-Move-From or a Content-Range POST to Swift). Never skipped: a missing Swift fails.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createPithosSim } from '../../../src/sim/pithos/index.js';
import { NotSupportedBySwift, PithosClient, StorageClient } from '../../../src/synnefo/pithos/index.js';
import { pattern } from './helpers.js';
import { storageSuite } from './storage-suite.js';
import { startSwift, type RealSwift } from './swift-server.js';

let swift: RealSwift;
let served: ServedSim;
const sent: Array<{ method: string; url: string; headers: Headers }> = [];
const recordingFetch = (r: Request) => {
  sent.push({ method: r.method, url: r.url, headers: new Headers(r.headers) });
  return fetch(r);
};

before(() => {
  swift = startSwift();
});
after(async () => {
  swift?.stop();
  await served?.close();
});

test('TempAuth login gives a storage URL ending in the account; a wrong key is a 401 that names no secret', async () => {
  const client = await StorageClient.fromTempAuth(swift.authUrl, swift.user, swift.key);
  assert.match(client.endpointUrl, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  assert.equal(client.account, 'AUTH_test');
  assert.ok((await client.getAccountInfo())['x-account-container-count'] !== undefined);
  const err = await StorageClient.fromTempAuth(swift.authUrl, swift.user, 'wrong-key-s3cr3t').then(() => undefined, (e: Error) => e);
  assert.ok(err && (err as Error & { status?: number }).status === 401, String(err));
  assert.doesNotMatch(String((err as Error).message), /wrong-key-s3cr3t/);
});

test('the shared Swift-level suite gives the same transcript on the real Swift and on the simulator', { timeout: 120_000 }, async () => {
  const real = await PithosClient.fromTempAuth(swift.authUrl, swift.user, swift.key, { retry: false });
  const sim = createPithosSim({ seed: 21 });
  served = await serve(sim);
  const simUser = sim.users[0]!;
  const simulated = await PithosClient.fromTempAuth(`${served.url}/auth/v1.0`, `${simUser.name}:${simUser.name}`, simUser.token, { retry: false });
  assert.equal(simulated.account, simUser.uuid);
  const onSwift = await storageSuite(real, 'suite-real');
  const onSim = await storageSuite(simulated, 'suite-real');
  for (let i = 0; i < Math.max(onSwift.length, onSim.length); i++) {
    assert.deepEqual(onSim[i], onSwift[i], `step ${i}: ${onSwift[i]?.[0] ?? onSim[i]?.[0]}`);
  }
  assert.ok(onSwift.length > 40);
});

test('uploads on Swift: one PUT with its MD5 as ETag, or a Static Large Object above segmentSize; downloads verify the MD5', async () => {
  const client = await PithosClient.fromTempAuth(swift.authUrl, swift.user, swift.key, { container: 'slo', segmentSize: 1024 * 1024, fetch: recordingFetch });
  await client.createContainer('slo');
  const data = pattern(2 * 1024 * 1024 + 12345, 3);
  const r = await client.uploadObject('large.bin', data, { contentType: 'application/x-test', metadata: { kind: 'slo' } });
  assert.equal(r.protocol, 'swift');
  assert.equal(r.blocksSent, 3);
  const info = await client.getObjectInfo('large.bin');
  assert.equal(info['x-static-large-object'], 'True');
  assert.equal(info['content-length'], String(data.length));
  assert.equal(info['x-object-meta-kind'], 'slo');
  assert.deepEqual(await client.downloadToBytes('large.bin'), data);
  assert.deepEqual(await client.downloadToBytes('large.bin', { range: '1048570-1048580' }), data.slice(1048570, 1048581));
  // A stream source of unknown length goes up as segments as it is read.
  const streamed = await client.uploadObject('streamed.bin', new Blob([data]).stream());
  assert.equal(streamed.blocksSent, 3);
  assert.deepEqual(await client.downloadToBytes('streamed.bin'), data);
  const small = await client.uploadObject('small.bin', data.subarray(0, 1000));
  assert.equal(small.blocksSent, 1);
  assert.match((await client.getObjectInfo('small.bin')).etag!, /^[0-9a-f]{32}$/);
  const chunks: number[] = [];
  for await (const c of client.streamDown('small.bin') as unknown as AsyncIterable<Uint8Array>) chunks.push(...c);
  assert.deepEqual(new Uint8Array(chunks), data.subarray(0, 1000));
});

test('Pithos-only operations are refused on Swift before anything is sent; no hashmap PUT, X-Move-From or Content-Range POST ever reaches it', async () => {
  const client = await PithosClient.fromTempAuth(swift.authUrl, swift.user, swift.key, { container: 'refuse', fetch: recordingFetch });
  await client.createContainer('refuse');
  await client.uploadObject('o', new TextEncoder().encode('data'), { metadata: { keep: 'me' } });
  const refusals: Array<[string, () => Promise<unknown>]> = [
    ['publishObject', () => client.publishObject('o')],
    ['unpublishObject', () => client.unpublishObject('o')],
    ['setObjectSharing', () => client.setObjectSharing('o', { readPermission: ['*'] })],
    ['getObjectSharing', () => client.getObjectSharing('o')],
    ['delObjectSharing', () => client.delObjectSharing('o')],
    ['getObjectVersionlist', () => client.getObjectVersionlist('o')],
    ['getObjectHashmap', () => client.getObjectHashmap('o')],
    ['appendObject', () => client.appendObject('o', new Uint8Array(3))],
    ['truncateObject', () => client.truncateObject('o', 1)],
    ['overwriteObject', () => client.overwriteObject('o', 0, 1, new Uint8Array(2))],
    ['purgeContainer', () => client.purgeContainer('refuse')],
    ['delContainer until', () => client.delContainer({ until: 1 })],
    ['setContainerLimit', () => client.setContainerLimit(10)],
    ['setContainerVersioning', () => client.setContainerVersioning('none')],
    ['reassignContainer', () => client.reassignContainer('p')],
    ['uploadObject with sharing', () => client.uploadObject('p', new Uint8Array(1), { sharing: { read: ['*'] } })],
    ['uploadObject public', () => client.uploadObject('p', new Uint8Array(1), { public: true })],
    ['uploadObjectUnchunked withHashFile', () => client.uploadObjectUnchunked('p', '{"bytes":0,"hashes":[]}', { withHashFile: true })],
    ['moveObject with options', () => client.moveObject('refuse', 'o', 'refuse', 'o2', { sourceVersion: 1 })],
  ];
  for (const [name, call] of refusals) {
    const before = sent.length;
    await assert.rejects(call(), (e: Error) => e instanceof NotSupportedBySwift && /Nothing was sent/.test(e.message), name);
    assert.ok(sent.slice(before).every((r) => r.method === 'HEAD' || r.method === 'GET'), `${name} sent ${sent.slice(before).map((r) => r.method).join()}`);
  }
  // What works goes the Swift way: move is copy + delete, data stays intact.
  await client.moveObject('refuse', 'o', 'refuse', 'o-moved');
  assert.equal(await client.downloadToString('o-moved'), 'data');
  assert.equal((await client.getObjectMeta('o-moved'))['x-object-meta-keep'], 'me');
  for (const r of sent) {
    assert.doesNotMatch(r.url, /[?&]hashmap/, `${r.method} ${r.url}`);
    assert.equal(r.headers.get('x-move-from'), null, `${r.method} ${r.url}`);
    if (r.method === 'POST') assert.equal(r.headers.get('content-range'), null, r.url);
  }
});
