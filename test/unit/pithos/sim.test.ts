// The Pithos+ simulator as a server: the block store and its validations (protocols §5.4), versions,
// sharing with inheritance, public URLs, groups, quotas and policies, partial updates, manifests,
// listings, the status codes and fault bodies of §8, and injected faults.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPithosSim } from '../../../src/sim/pithos/index.js';
import { PithosClient } from '../../../src/synnefo/pithos/index.js';
import { KiB, pattern, pithosSetup } from './helpers.js';

function raw(sim: ReturnType<typeof createPithosSim>, token = sim.credentials.token) {
  const base = `${sim.credentials.url}/${sim.credentials.account}`;
  return (method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) =>
    sim.fetch(`${base}${path}`, { method, headers: { 'x-auth-token': token, ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });
}

test('hashmap PUT validations: size/count mismatch, bad hex, bad JSON (400); empty object forms; missing Content-Type (411)', async () => {
  const { sim } = await pithosSetup();
  const r = raw(sim);
  const put = (body: string, headers: Record<string, string> = { 'content-type': 'text/plain' }) => r('PUT', '/pithos/o?format=json&hashmap=True', { headers, body });
  const h = 'aa'.repeat(32);
  const bad = async (res: Response, status: number, fault: string) => {
    assert.equal(res.status, status);
    const body = (await res.json()) as Record<string, { code: number; message: string }>;
    assert.equal(Object.keys(body)[0], fault);
    assert.equal(body[fault]!.code, status);
  };
  await bad(await put(JSON.stringify({ bytes: 4 * KiB + 1, hashes: [h] })), 400, 'badRequest');
  await bad(await put(JSON.stringify({ bytes: 10, hashes: [h, h] })), 400, 'badRequest');
  await bad(await put(JSON.stringify({ bytes: 10, hashes: ['xyz'] })), 400, 'badRequest');
  await bad(await put('{not json'), 400, 'badRequest');
  await bad(await r('PUT', '/pithos/o?format=json&hashmap=True', { body: new TextEncoder().encode(JSON.stringify({ bytes: 10, hashes: [h] })) }), 411, 'lengthRequired');
  const empty = await put(JSON.stringify({ bytes: 0, hashes: [] }));
  assert.equal(empty.status, 201);
  assert.equal(empty.headers.get('etag'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  const emptyWithHash = await put(JSON.stringify({ bytes: 0, hashes: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'] }));
  assert.equal(emptyWithHash.status, 201);
  const hm = await (await r('GET', '/pithos/o?format=json&hashmap')).json();
  assert.deepEqual(hm, { block_size: 4 * KiB, block_hash: 'sha256', bytes: 0, hashes: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'] });
  // A Range on an empty object is 416.
  assert.equal((await r('GET', '/pithos/o', { headers: { range: 'bytes=0-0' } })).status, 416);
});

test('the block store is global and deduplicated: one copy for two users; a hashmap PUT only checks existence', async () => {
  const sim = createPithosSim({ seed: 5, blockSize: 4 * KiB });
  const [u1, u2] = sim.users;
  const a = new PithosClient({ url: sim.credentials.url, token: u1!.token, account: u1!.uuid, container: 'c', fetch: sim.fetch });
  const b = new PithosClient({ url: sim.credentials.url, token: u2!.token, account: u2!.uuid, container: 'c', fetch: sim.fetch });
  await a.createContainer('c');
  await b.createContainer('c');
  const data = pattern(10 * KiB);
  const first = await a.uploadObject('x', data);
  assert.equal(first.blocksSent, 3);
  const before = sim.state.blocks.size;
  const second = await b.uploadObject('y', data);
  assert.equal(second.blocksSent, 0, 'the other user uploads nothing');
  assert.equal(second.bytesSent, 0);
  assert.equal(sim.state.blocks.size, before);
  assert.deepEqual(await b.downloadToBytes('y'), data);
});

test('trailing NULs: blocks stored stripped, read back padded to their length; an all-zero block is the empty block', async () => {
  const { sim, client } = await pithosSetup();
  const data = new Uint8Array(9 * KiB);
  data.set([1, 2, 3], 0); // block 0: 1,2,3 then zeros; block 1: zeros; block 2: zeros (short)
  await client.uploadObject('z', data);
  assert.deepEqual(await client.downloadToBytes('z'), data);
  assert.ok(sim.state.blocks.storedBytes < 100, 'zeros are not stored');
});

test('versions: every write is a version; version=list, version=<id>; versioning none keeps one; purge with until', async () => {
  const { sim, client } = await pithosSetup();
  await client.uploadFromString('v', 'one');
  sim.clock.advance(2000);
  await client.uploadFromString('v', 'two');
  const list = await client.getObjectVersionlist('v');
  assert.equal(list.length, 2);
  assert.ok(list[0]![0] < list[1]![0]);
  assert.match(list[0]![1], /^\d+\.\d{6}$/);
  assert.equal(await client.downloadToString('v', { version: list[0]![0] }), 'one');
  assert.equal(await client.downloadToString('v'), 'two');
  assert.equal((await client.getObjectInfo('v', { version: list[0]![0] }))['x-object-version'], String(list[0]![0]));
  // Purge history up to now: only the current version remains.
  await client.delObject('v', { until: Math.floor(sim.clock.now() / 1000) + 1 });
  assert.equal((await client.getObjectVersionlist('v')).length, 1);
  // versioning none
  await client.createContainer('nov', { versioning: 'none' });
  const c2 = new PithosClient({ ...sim.credentials, container: 'nov', fetch: sim.fetch });
  await c2.uploadFromString('n', 'a');
  await c2.uploadFromString('n', 'b');
  assert.equal((await c2.getObjectVersionlist('n')).length, 1);
  assert.deepEqual(await c2.getContainerVersioning('nov'), { 'x-container-policy-versioning': 'none' });
});

test('sharing: replace-all and lower-cased, inherited through directory objects only, groups, X-Object-Allowed-To', async () => {
  const { sim, client } = await pithosSetup();
  const [owner, friend] = sim.users;
  const friendClient = new PithosClient({ url: sim.credentials.url, token: friend!.token, account: owner!.uuid, container: 'pithos', fetch: sim.fetch });
  await client.createDirectory('docs');
  await client.uploadFromString('docs/a.txt', 'A');
  await client.uploadFromString('plain/b.txt', 'B');
  await assert.rejects(friendClient.downloadToString('docs/a.txt'), (e: Error & { status?: number }) => e.status === 403);
  await client.setObjectSharing('docs', { readPermission: [friend!.uuid.toUpperCase()] });
  assert.deepEqual(await client.getObjectSharing('docs'), { read: friend!.uuid });
  assert.equal(await friendClient.downloadToString('docs/a.txt'), 'A', 'inherited from the directory object');
  const info = await friendClient.getObjectInfo('docs/a.txt');
  assert.equal(info['x-object-allowed-to'], 'read');
  assert.equal(info['x-object-shared-by'], `${owner!.uuid}/pithos/docs`);
  // Not a directory object: no inheritance.
  await client.uploadFromString('plain', 'not a dir');
  await client.setObjectSharing('plain', { readPermission: ['*'] });
  await assert.rejects(friendClient.downloadToString('plain/b.txt'), (e: Error & { status?: number }) => e.status === 403);
  // Replace-all: write only drops read.
  await client.setObjectSharing('docs', { writePermission: [`${owner!.uuid}:team`] });
  await assert.rejects(friendClient.downloadToString('docs/a.txt'));
  await client.setAccountGroup('team', [friend!.uuid]);
  assert.deepEqual(await client.getAccountGroup(), { 'x-account-group-team': friend!.uuid });
  assert.equal(await friendClient.downloadToString('docs/a.txt'), 'A', 'through the group');
  await friendClient.uploadFromString('docs/by-friend.txt', 'F');
  assert.equal((await client.getObjectInfo('docs/by-friend.txt'))['x-object-modified-by'], friend!.uuid);
  // Only the owner may set sharing.
  await assert.rejects(friendClient.setObjectSharing('docs/a.txt', { readPermission: ['*'] }), (e: Error & { status?: number }) => e.status === 403);
  // The friend sees the owner among the sharing accounts, and a listing limited to what is shared.
  const friendSelf = new PithosClient({ url: sim.credentials.url, token: friend!.token, account: friend!.uuid, fetch: sim.fetch });
  assert.deepEqual((await friendSelf.getSharingAccounts().all()).map((a) => a.name), [owner!.uuid]);
  const names = (await friendClient.listObjects().all()).map((o) => o.name);
  assert.ok(names.includes('docs/a.txt') && !names.includes('plain/b.txt'), names.join());
  await client.delAccountGroup('team');
  assert.deepEqual(await client.getAccountGroup(), {});
});

test('public URLs: token of 16 [0-9a-zA-Z], no auth needed, only Content-*/ETag/Last-Modified, 404 once unpublished', async () => {
  const { sim, client } = await pithosSetup();
  await client.uploadFromString('pub.txt', 'public data', { contentType: 'text/plain', metadata: { secret: 'meta' } });
  const url = await client.publishObject('pub.txt');
  assert.match(url, /\/public\/[0-9a-zA-Z]{16}$/);
  const r = await sim.fetch(url);
  assert.equal(r.status, 200);
  assert.equal(await r.text(), 'public data');
  assert.equal(r.headers.get('x-object-meta-secret'), null);
  assert.equal(r.headers.get('content-type'), 'text/plain');
  const ranged = await sim.fetch(url, { headers: { range: 'bytes=0-5' } });
  assert.equal(ranged.status, 206);
  assert.equal(await ranged.text(), 'public');
  assert.deepEqual((await client.listObjects({ public: true }).all()).map((o) => o.name), ['pub.txt']);
  await client.unpublishObject('pub.txt');
  assert.equal((await sim.fetch(url)).status, 404);
});

test('quotas and policies: container quota (bytes) and account quota give 413; policy keys validated', async () => {
  const { sim, client } = await pithosSetup({ quota: 20 * KiB });
  await client.createContainer('small', { sizelimit: 5 * KiB });
  const small = new PithosClient({ ...sim.credentials, container: 'small', fetch: sim.fetch, retry: false });
  await small.uploadObject('ok', pattern(4 * KiB));
  await assert.rejects(small.uploadObject('too-big', pattern(2 * KiB, 2)), (e: Error & { status?: number; message: string }) => e.status === 413 && /Quota/.test(e.message));
  await assert.rejects(client.uploadObject('over-account', pattern(17 * KiB, 3)), (e: Error & { status?: number }) => e.status === 413);
  assert.equal(sim.usage(sim.credentials.account), 4 * KiB);
  await small.setContainerLimit(0);
  assert.deepEqual(await small.getContainerLimit('small'), { 'x-container-policy-quota': '0' });
  const r = raw(sim);
  assert.equal((await r('POST', '/small?update', { headers: { 'x-container-policy-bogus': '1' } })).status, 400);
  assert.equal((await r('POST', '/small?update', { headers: { 'x-container-policy-versioning': 'sometimes' } })).status, 400);
  const info = await client.getAccountInfo();
  assert.equal(info['x-account-policy-quota'], String(20 * KiB));
});

test('partial updates: append, overwrite, truncate; Content-Range rules (400/416)', async () => {
  const { sim, client } = await pithosSetup();
  await client.uploadFromString('p', 'hello world');
  await client.appendObject('p', new TextEncoder().encode('!!'));
  assert.equal(await client.downloadToString('p'), 'hello world!!');
  await client.overwriteObject('p', 0, 4, new TextEncoder().encode('HELLO'));
  assert.equal(await client.downloadToString('p'), 'HELLO world!!');
  await client.truncateObject('p', 5);
  assert.equal(await client.downloadToString('p'), 'HELLO');
  const r = raw(sim);
  const post = (range: string | undefined, body: string) =>
    r('POST', '/pithos/p?update', { headers: { 'content-type': 'application/octet-stream', ...(range ? { 'content-range': range } : {}) }, body });
  assert.equal((await post(undefined, 'x')).status, 400);
  assert.equal((await post('bytes 0-3/*', 'x')).status, 400, 'length must match the range');
  assert.equal((await post('bytes 99-99/*', 'x')).status, 416, 'offset past the end');
  assert.equal((await post('bytes 0-0/77', 'x')).status, 416, 'total must be the size');
  // A Content-Type other than exactly application/octet-stream is a metadata update (202).
  const meta = await r('POST', '/pithos/p?update', { headers: { 'content-type': 'application/octet-stream; charset=x', 'content-range': 'bytes */*' }, body: 'zz' });
  assert.equal(meta.status, 202);
  assert.equal(await client.downloadToString('p'), 'HELLO');
  // Multi-block overwrite across block boundaries keeps the rest.
  const big = pattern(10 * KiB);
  await client.uploadObject('big', big);
  await client.overwriteObject('big', 4 * KiB - 2, 4 * KiB + 1, new Uint8Array([9, 9, 9, 9]));
  const expect = big.slice();
  expect.set([9, 9, 9, 9], 4 * KiB - 2);
  assert.deepEqual(await client.downloadToBytes('big'), expect);
});

test('manifests: GET concatenates the parts (ETag = MD5 of part ETags), the hashmap is the manifest\'s own (empty)', async () => {
  const { client } = await pithosSetup();
  await client.uploadFromString('parts/1', 'abc');
  await client.uploadFromString('parts/2', 'def');
  await client.createObjectByManifestation('parts/');
  // The manifest names itself as a prefix too, but manifests are never parts.
  assert.equal(await client.downloadToString('parts/'), 'abcdef');
  const hm = await client.getObjectHashmap('parts/');
  assert.equal(hm.bytes, 0);
  const info = await client.getObjectInfo('parts/');
  assert.equal(info['content-length'], '6');
  assert.match(info.etag!, /^[0-9a-f]{32}$/);
});

test('listings: prefix+delimiter rewrite, path (no subdirs), marker/limit paging, meta filters, shared, until, text 204', async () => {
  const { sim, client } = await pithosSetup();
  for (const n of ['a/1', 'a/2', 'ab', 'a/sub/3', 'b']) await client.uploadFromString(n, n, { metadata: n === 'a/2' ? { kind: 'x', size: '5' } : { size: '9' } });
  const names = async (o: Parameters<typeof client.listObjects>[0]) => (await client.listObjects(o).all()).map((i) => i.name ?? `dir:${i.subdir}`);
  assert.deepEqual(await names({ prefix: 'a', delimiter: '/' }), ['a/1', 'a/2', 'dir:a/sub/'], 'the delimiter is appended to the prefix');
  assert.deepEqual(await names({ delimiter: '/' }), ['dir:a/', 'ab', 'b']);
  assert.deepEqual(await names({ path: 'a' }), ['a/1', 'a/2']);
  assert.deepEqual(await names({ limit: 2 }), ['a/1', 'a/2', 'a/sub/3', 'ab', 'b'], 'pages of 2');
  assert.deepEqual(await names({ marker: 'a/sub/3' }), ['ab', 'b']);
  assert.deepEqual(await names({ meta: ['kind'] }), ['a/2']);
  assert.deepEqual(await names({ meta: ['!kind', 'size<6'] }), []);
  assert.deepEqual(await names({ meta: 'size=9' }), ['a/1', 'a/sub/3', 'ab', 'b']);
  await client.setObjectSharing('b', { readPermission: ['*'] });
  assert.deepEqual(await names({ shared: true }), ['b']);
  const t = Math.floor(sim.clock.now() / 1000);
  sim.clock.advance(5000);
  await client.uploadFromString('later', 'l');
  assert.ok(!(await names({ until: t })).includes('later'));
  assert.ok((await names({})).includes('later'));
  const item = (await client.listObjects({ prefix: 'ab' }).all())[0]!;
  for (const k of ['name', 'bytes', 'hash', 'x_object_hash', 'content_type', 'last_modified', 'x_object_uuid', 'x_object_version', 'x_object_version_timestamp', 'x_object_modified_by']) {
    assert.ok(k in item, k);
  }
  assert.equal(item.hash, '', 'no MD5 unless asked');
  const r = raw(sim);
  const text = await r('GET', '/pithos?prefix=zzz');
  assert.equal(text.status, 204);
  const jsonEmpty = await r('GET', '/pithos?prefix=zzz&format=json');
  assert.equal(jsonEmpty.status, 200);
  assert.deepEqual(await jsonEmpty.json(), []);
  // A path ending in .json changes the format when none is given.
  await client.uploadFromString('x.json', '{}');
  assert.equal((await r('GET', '/pithos?prefix=a/1')).headers.get('content-type'), 'text/plain; charset=utf-8');
});

test('status codes and fault bodies of §8: 401, 404, 405 with Allow, 409 conflict fault, 412, 304, 416', async () => {
  const { sim, client } = await pithosSetup();
  const r = raw(sim);
  const noAuth = await sim.fetch(`${sim.credentials.url}/${sim.credentials.account}`, { method: 'GET' });
  assert.equal(noAuth.status, 401);
  assert.ok('unauthorized' in ((await noAuth.json()) as object));
  assert.equal((await r('HEAD', '/nope')).status, 404);
  const m = await r('PATCH', '/pithos');
  assert.equal(m.status, 405);
  assert.match(m.headers.get('allow') ?? '', /PUT/);
  await client.uploadFromString('o', 'data');
  const del = await r('DELETE', '/pithos');
  assert.equal(del.status, 409);
  assert.deepEqual(Object.keys((await del.json()) as object), ['conflict']);
  const etag = (await client.getObjectInfo('o')).etag!;
  assert.equal((await r('GET', '/pithos/o', { headers: { 'if-none-match': etag } })).status, 304);
  assert.equal((await r('GET', '/pithos/o', { headers: { 'if-match': 'nope' } })).status, 412);
  assert.equal((await r('PUT', '/pithos/o', { headers: { 'if-none-match': '*', 'content-type': 'text/plain' }, body: 'x' })).status, 412);
  assert.equal((await r('GET', '/pithos/o', { headers: { range: 'bytes=2-99' } })).status, 416, 'Pithos refuses ranges past the end');
  assert.equal((await r('PUT', '/pithos/o', { headers: { etag: '0'.repeat(32), 'content-type': 'text/plain' }, body: 'x' })).status, 422);
  assert.equal((await r('PUT', '/pithos/o2', { body: new Uint8Array([120]) })).status, 411, 'no Content-Type');
  assert.equal((await r('PUT', '/pithos/o2', { headers: { 'content-type': 'x/y', 'x-object-meta-k': 'v'.repeat(300) }, body: 'x' })).status, 400);
  // Two ranges: multipart/byteranges.
  const multi = await r('GET', '/pithos/o', { headers: { range: 'bytes=0-0,2-3' } });
  assert.equal(multi.status, 206);
  assert.match(multi.headers.get('content-type') ?? '', /^multipart\/byteranges; boundary=/);
});

test('request and reply headers are percent-encoded UTF-8; meta keys re-cased; ~ removed', async () => {
  const { sim, client } = await pithosSetup();
  await client.uploadFromString('u', 'x', { metadata: { 'ελληνικά_key': 'τιμή ~100%' } });
  const meta = await client.getObjectMeta('u');
  assert.deepEqual(meta, { 'x-object-meta-Ελληνικά-key': 'τιμή 100%' }, 'format_header_key capitalises each word');
  const res = await raw(sim)('HEAD', '/pithos/u');
  const rawName = [...res.headers.keys()].find((k) => k.startsWith('x-object-meta-'))!;
  assert.match(rawName, /^x-object-meta-%ce%95/i);
  assert.equal((await raw(sim)('HEAD', '/pithos/u', { headers: { 'x-object-meta-bad': 'caf\u00e9' } })).status, 400, 'non-ASCII header bytes');
});

test('injected faults behave like their network counterparts (503 burst, reset)', async () => {
  const { sim, client } = await pithosSetup({}, { retry: { retries: 2, baseDelay: 1 } });
  sim.faults.inject({ kind: 'status', status: 503, times: 2, match: { method: 'GET' } });
  sim.faults.inject({ kind: 'reset', times: 1, match: { method: 'HEAD' } });
  await client.uploadFromString('f', 'faulty');
  assert.equal(await client.downloadToString('f'), 'faulty');
});

test('the view other services get (Plankton): find the current version, replace read sharing', async () => {
  const { sim, client } = await pithosSetup();
  await client.uploadFromString('images/disk.img', 'disk', { contentType: 'application/octet-stream', metadata: { os: 'debian' } });
  const found = sim.objects.find(sim.credentials.account, 'pithos', 'images/disk.img')!;
  assert.equal(found.bytes, 4);
  assert.equal(found.hash, (await client.getObjectInfo('images/disk.img'))['x-object-hash']);
  assert.deepEqual(found.meta, { Os: 'debian' });
  assert.equal(sim.objects.find(sim.credentials.account, 'pithos', 'nope'), undefined);
  sim.objects.setReadSharing(sim.credentials.account, 'pithos', 'images/disk.img', [sim.credentials.account, '*']);
  assert.deepEqual(await client.getObjectSharing('images/disk.img'), { read: '*' });
});
