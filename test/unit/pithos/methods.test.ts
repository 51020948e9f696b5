// Every public method of PithosClient (and StorageClient) is driven at least once over real HTTP
// against the served simulator; a recorder proves none was left out.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ServedSim } from '../../../src/node/index.js';
import { PithosClient, StorageClient } from '../../../src/synnefo/pithos/index.js';
import { KiB, pattern, servedSetup } from './helpers.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

const INTERNAL = new Set(['accountPost', 'containerPost', 'copyOrMove', 'downloadPlain', 'knownHashes', 'objectPost', 'uploadSwift', 'constructor', 'send', 'blockInfo', 'isPithos', 'requirePithos', 'assertAccount', 'assertContainer', 'transport', 'objectPutHeaders', 'downloadTo', 'plainObjectMeta', 'toJSON', 'request']);

function publicMethods(): string[] {
  const names = new Set<string>();
  for (const proto of [StorageClient.prototype, PithosClient.prototype]) {
    for (const n of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, n)!;
      if (typeof d.value === 'function' && !INTERNAL.has(n)) names.add(n);
    }
  }
  return [...names].sort();
}

test('every PithosClient method, once at least', async () => {
  const { sim, served, url, client: raw } = await servedSetup();
  servers.push(served);
  const seen = new Set<string>();
  const c = new Proxy(raw, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v === 'function' && typeof prop === 'string') {
        return (...args: unknown[]) => {
          seen.add(prop);
          return v.apply(target, args);
        };
      }
      return v;
    },
  });
  const friend = sim.users[1]!;
  const text = (s: string) => new TextEncoder().encode(s);

  await c.getAccountInfo();
  await c.getAccountQuota();
  await c.setAccountMeta({ a: '1', b: '2' });
  await c.delAccountMeta('a');
  assert.deepEqual(await c.getAccountMeta(), { 'x-account-meta-b': '2' });
  await c.replaceAccountMeta({ c: '3' });
  assert.deepEqual(await c.getAccountMeta(), { 'x-account-meta-c': '3' });
  await c.setAccountGroup('g', [friend.uuid]);
  assert.deepEqual(await c.getAccountGroup(), { 'x-account-group-g': friend.uuid });
  await c.delAccountGroup('g');
  assert.deepEqual(await c.getSharingAccounts().all(), []);

  await c.createContainer('two', { sizelimit: 100 * KiB, versioning: 'auto', metadata: { m: 'v' } });
  assert.deepEqual((await c.listContainers({ limit: 1 }).all()).map((x) => x.name), ['pithos', 'two']);
  await c.getContainerInfo('pithos');
  await c.setContainerMeta({ x: '1' });
  await c.delContainerMeta('x');
  assert.deepEqual(await c.getContainerMeta(), {});
  await c.setContainerLimit(10 * 1024 * KiB);
  assert.deepEqual(await c.getContainerLimit(), { 'x-container-policy-quota': String(10 * 1024 * KiB) });
  await c.setContainerVersioning('auto');
  assert.deepEqual(await c.getContainerVersioning(), { 'x-container-policy-versioning': 'auto' });
  await c.reassignContainer('project-1');
  assert.equal((await c.getContainerInfo('pithos'))['x-container-policy-project'], 'project-1');

  await c.uploadObject('o', pattern(6 * KiB), { metadata: { k: 'v' } });
  await c.uploadFromString('s', 'string');
  await c.uploadObjectUnchunked('u', 'unchunked', { contentType: 'text/plain' });
  const hm = await c.getObjectHashmap('o');
  await c.uploadObjectUnchunked('from-hashmap', JSON.stringify({ bytes: hm.bytes, hashes: hm.hashes }), { withHashFile: true });
  assert.deepEqual(await c.downloadToBytes('from-hashmap'), pattern(6 * KiB));
  await c.createObject('empty', 'text/plain');
  await c.createDirectory('d');
  await c.uploadFromString('d/part1', 'ab');
  await c.createObjectByManifestation('d/part');
  assert.equal(await c.downloadToString('d/part'), 'ab');
  assert.deepEqual(await c.getContainerObjectMeta(), { 'x-container-object-meta': 'K' });
  assert.equal((await c.getObjectInfo('o'))['x-object-meta-k'], 'v');
  assert.deepEqual(await c.getObjectMeta('o'), { 'x-object-meta-k': 'v' });
  await c.setObjectMeta('o', { k2: 'v2' });
  await c.replaceObjectMeta('o', { k3: 'v3' });
  assert.deepEqual(await c.getObjectMeta('o'), { 'x-object-meta-k3': 'v3' });
  await c.delObjectMeta('o', 'k3');
  await c.setObjectSharing('o', { readPermission: [friend.uuid] });
  assert.deepEqual(await c.getObjectSharing('o'), { read: friend.uuid });
  await c.delObjectSharing('o');
  const link = await c.publishObject('o');
  assert.equal((await fetch(link)).status, 200);
  await c.unpublishObject('o');
  assert.equal((await c.getObjectVersionlist('o')).length >= 2, true);
  await c.appendObject('s', text('!'));
  await c.overwriteObject('s', 0, 0, text('S'));
  await c.truncateObject('s', 3);
  assert.equal(await c.downloadToString('s'), 'Str');
  await c.copyObject('pithos', 's', 'two', 's-copy', { contentType: 'text/x' });
  await c.moveObject('pithos', 'u', 'pithos', 'u-moved');
  await c.deleteObject('u-moved');
  await c.delObject('empty');
  assert.deepEqual((await c.listObjectsInPath('d').all()).map((o) => o.name), ['d/part', 'd/part1']);
  assert.ok((await c.listObjects({ limit: 2 }).all()).length > 3);
  const sink: number[] = [];
  await c.downloadObject('o', (chunk) => void sink.push(...chunk));
  assert.equal(sink.length, 6 * KiB);
  const r = c.streamDown('o').getReader();
  await r.read();
  await r.cancel();

  c.container = 'two';
  await c.delContainer({ delimiter: '/' });
  await c.purgeContainer('two');
  await c.deleteContainer('two');

  const storage = new StorageClient({ url, token: sim.credentials.token, account: sim.credentials.account, container: 'pithos' });
  assert.deepEqual(await storage.getObjectMeta('o'), {});
  await assert.rejects(storage.createContainer('pithos'), /Container already exists/);

  const missing = publicMethods().filter((m) => !seen.has(m));
  assert.deepEqual(missing, [], `methods never called: ${missing.join(', ')}`);
});
