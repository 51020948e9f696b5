// The block download (protocols §6) end to end against the simulator: version pinning, one fetch per
// distinct block, zero blocks never fetched, user ranges without multipart, resume with rstrip hashing,
// integrity checks, manifests, progress, abort and streams.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntegrityError, PithosClient, type RandomAccessSink, type TransferProgress } from '../../../src/synnefo/pithos/index.js';
import { KiB, pattern, pithosSetup } from './helpers.js';

const isDataGet = (e: { method: string; url: string }) => e.method === 'GET' && !/hashmap/.test(e.url) && /\/pithos\/[^?]/.test(e.url);

test('each distinct block is fetched once; all-zero blocks are never fetched; every block is pinned to the version', async () => {
  const { sim, client } = await pithosSetup();
  const a = pattern(4 * KiB, 1);
  const data = new Uint8Array(6 * 4 * KiB + 100);
  data.set(a, 0);
  data.set(a, 4 * KiB);
  data.set(a, 3 * 4 * KiB); // blocks 0, 1, 3 equal; 2, 4, 5 zero; the short tail is zero too
  data.set([7], 5 * 4 * KiB + 3);
  await client.uploadObject('rep', data);
  const version = (await client.getObjectInfo('rep'))['x-object-version'];
  const from = sim.requests.list().length;
  const got = await client.downloadToBytes('rep');
  assert.deepEqual(got, data);
  const gets = sim.requests.list().slice(from).filter(isDataGet);
  assert.equal(gets.length, 2, gets.map((g) => g.headers.range).join());
  for (const g of gets) {
    assert.match(g.url, new RegExp(`version=${version}`));
    assert.ok(g.headers['if-match'], 'If-Match on every block GET');
    assert.match(g.headers.range!, /^bytes=\d+-\d+$/);
  }
});

test('an object replaced mid-download is never mixed: the blocks come from the hashmap\'s version', async () => {
  const { sim, client } = await pithosSetup();
  const v1 = pattern(5 * 4 * KiB, 1);
  const v2 = pattern(5 * 4 * KiB, 2);
  await client.uploadObject('moving', v1);
  let replaced = false;
  const racing = new PithosClient({
    ...sim.credentials, container: 'pithos', maxThreads: 1,
    fetch: async (r: Request) => {
      if (!replaced && isDataGet({ method: r.method, url: r.url })) {
        replaced = true;
        await client.uploadObject('moving', v2);
      }
      return sim.fetch(r);
    },
  });
  assert.deepEqual(await racing.downloadToBytes('moving'), v1);
  assert.ok(replaced);
  assert.deepEqual(await client.downloadToBytes('moving'), v2);
});

test('user ranges: "0-99,200-" style, intersected with blocks, fetched as single ranges (no multipart)', async () => {
  const { sim, client } = await pithosSetup();
  const data = pattern(10 * KiB, 3);
  await client.uploadObject('r', data);
  const from = sim.requests.list().length;
  const got = await client.downloadToBytes('r', { range: '0-99,4090-4100,-50,9000-9010' });
  const expected = new Uint8Array([...data.slice(0, 100), ...data.slice(4090, 4101), ...data.slice(9000, 9011), ...data.slice(10 * KiB - 50)]);
  assert.deepEqual(got, expected);
  for (const g of sim.requests.list().slice(from).filter(isDataGet)) assert.doesNotMatch(g.headers.range!, /,/);
  // A random-access sink gets the bytes at their offsets and is not truncated.
  const file = new Uint8Array(10 * KiB);
  const sink: RandomAccessSink = { write: (o, d) => void file.set(d, o), truncate: () => assert.fail('no truncate with a range') };
  await client.downloadObject('r', sink, { range: '5000-5009' });
  assert.deepEqual(file.slice(5000, 5010), data.slice(5000, 5010));
  assert.equal(file[4999], 0);
});

test('resume: blocks already present with the right hash are kept (rstrip hashing, so leading zeros count)', async () => {
  const { sim, client } = await pithosSetup();
  const data = pattern(5 * 4 * KiB, 4);
  data.fill(0, 4 * KiB, 4 * KiB + 100); // block 1 starts with zeros: kamaki's strip() would re-fetch it
  await client.uploadObject('res', data);
  const local = new Uint8Array(data.length);
  local.set(data.subarray(0, 3 * 4 * KiB)); // first 3 blocks already downloaded
  local[2 * 4 * KiB + 5]! ^= 1; // …but block 2 is damaged
  let size = 3 * 4 * KiB;
  const sink: RandomAccessSink = {
    write: (o, d) => void local.set(d, o),
    read: async (o, l) => local.slice(o, Math.min(o + l, size)),
    size: () => size,
    truncate: (n) => void (size = n),
  };
  const from = sim.requests.list().length;
  const r = await client.downloadObject('res', sink, { resume: true });
  assert.deepEqual(local, data);
  assert.equal(sim.requests.list().slice(from).filter(isDataGet).length, 3, 'blocks 2, 3, 4');
  assert.equal(r.bytesFetched, 3 * 4 * KiB);
});

test('integrity: a corrupted block or a hashmap that does not hash to X-Object-Hash is an IntegrityError', async () => {
  const { sim, client } = await pithosSetup();
  const data = pattern(9 * KiB, 5);
  await client.uploadObject('c', data);
  const hm = await client.getObjectHashmap('c');
  const store = sim.state.blocks as unknown as { blocks: Map<string, Uint8Array> };
  const block = store.blocks.get(hm.hashes[1]!)!;
  const saved = block.slice();
  block[10]! ^= 0xff;
  await assert.rejects(client.downloadToBytes('c'), (e: Error) => e instanceof IntegrityError && /block 1/.test(e.message));
  block.set(saved);
  const lying = new PithosClient({
    ...sim.credentials, container: 'pithos',
    fetch: async (r: Request) => {
      const res = await sim.fetch(r);
      if (!/hashmap/.test(r.url)) return res;
      const h = new Headers(res.headers);
      h.set('x-object-hash', '11'.repeat(32));
      return new Response(await res.text(), { status: res.status, headers: h });
    },
  });
  await assert.rejects(lying.downloadToBytes('c'), (e: Error) => e instanceof IntegrityError && /X-Object-Hash/.test(e.message));
});

test('progress, abort, a WritableStream sink, streamDown in order, conditions as typed errors', async () => {
  const { client } = await pithosSetup();
  const data = pattern(7 * 4 * KiB + 1, 6);
  await client.uploadObject('s', data);
  const events: TransferProgress[] = [];
  await client.downloadToBytes('s', { onProgress: (p) => events.push({ ...p }) });
  assert.deepEqual(events.at(-1), { phase: 'downloading', bytes: data.length, totalBytes: data.length, blocks: 8, totalBlocks: 8 });
  const chunks: Uint8Array[] = [];
  await client.downloadObject('s', new WritableStream({ write: (c) => void chunks.push(c) }));
  assert.deepEqual(new Uint8Array(chunks.flatMap((c) => [...c])), data);
  const streamed: number[] = [];
  for await (const c of client.streamDown('s', { maxThreads: 2 }) as unknown as AsyncIterable<Uint8Array>) streamed.push(...c);
  assert.deepEqual(new Uint8Array(streamed), data);
  const controller = new AbortController();
  await assert.rejects(
    client.downloadToBytes('s', { signal: controller.signal, maxThreads: 1, onProgress: (p) => p.blocks === 2 && controller.abort() }),
    (e: Error) => e.name === 'AbortError',
  );
  const etag = (await client.getObjectInfo('s')).etag!;
  await assert.rejects(client.downloadToBytes('s', { ifNoneMatch: etag }), (e: Error & { status?: number }) => e.name === 'NotModified' || e.status === 304);
  await assert.rejects(client.getObjectHashmap('s', { ifMatch: 'other' }), (e: Error & { status?: number }) => e.status === 412);
  // A cancelled stream stops the download.
  const reader = client.streamDown('s', { maxThreads: 1 }).getReader();
  await reader.read();
  await reader.cancel();
});

test('downloadToString, downloads of empty objects, and of objects with repeated NUL-padded blocks', async () => {
  const { client } = await pithosSetup();
  await client.uploadFromString('e', '');
  assert.equal(await client.downloadToString('e'), '');
  const data = new Uint8Array(4 * KiB + 3);
  data.set([1, 2, 3], 0);
  data.set([1, 2, 3], 4 * KiB); // "abc\0…" and "abc": same hash, different lengths
  await client.uploadObject('pad', data);
  assert.deepEqual(await client.downloadToBytes('pad'), data);
});
