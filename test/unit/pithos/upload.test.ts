// The block upload (protocols §5) end to end against the simulator: deduplication, resume, progress,
// abort, bounded concurrency, every source kind, and the failure paths (source changed, lost blocks,
// a block stored under another hash).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbortError } from '../../../src/core/index.js';
import { IntegrityError, PithosClient, SourceChangedError, UploadIncompleteError, type TransferProgress } from '../../../src/synnefo/pithos/index.js';
import { KiB, pattern, pithosSetup } from './helpers.js';

const isBlockPost = (e: { method: string; url: string }) => e.method === 'POST' && /\/pithos\?/.test(e.url);

test('re-uploading content the server holds sends only the hashmap (no block), under any name', async () => {
  const { sim, client } = await pithosSetup();
  const data = pattern(20 * KiB + 7);
  const first = await client.uploadObject('a.bin', data);
  assert.equal(first.blocksSent, 6);
  assert.equal(first.bytesSent, data.length);
  const from = sim.requests.list().length;
  const again = await client.uploadObject('b.bin', data);
  const log = sim.requests.list().slice(from);
  assert.equal(again.bytesSent, 0);
  assert.deepEqual(log.map((e) => `${e.method} ${e.status}`), ['PUT 201'], 'one hashmap PUT, nothing else (block info cached)');
  assert.deepEqual(await client.downloadToBytes('b.bin'), data);
});

test('an interrupted upload, run again, sends only the blocks still missing', async () => {
  const { sim, client } = await pithosSetup({}, { maxThreads: 1 });
  const data = pattern(10 * 4 * KiB, 9);
  let posts = 0;
  const failing = new PithosClient({
    ...sim.credentials, container: 'pithos', maxThreads: 1, retry: false,
    fetch: async (r: Request) => {
      if (isBlockPost({ method: r.method, url: r.url }) && ++posts === 5) throw new TypeError('connection reset');
      return sim.fetch(r);
    },
  });
  await assert.rejects(failing.uploadObject('big', data), /reset/);
  const from = sim.requests.list().length;
  const r = await client.uploadObject('big', data);
  const sent = sim.requests.list().slice(from).filter(isBlockPost).length;
  assert.equal(sent, 6, 'blocks 0–3 were stored by the first run');
  assert.equal(r.blocksSent, 6);
  assert.deepEqual(await client.downloadToBytes('big'), data);
});

test('progress: hashing over every block, then uploading over the missing ones only', async () => {
  const { client } = await pithosSetup();
  await client.uploadObject('known', pattern(8 * KiB, 1));
  const data = new Uint8Array(16 * KiB);
  data.set(pattern(8 * KiB, 1), 0); // blocks 0-1 known, 2-3 new
  data.set(pattern(8 * KiB, 2), 8 * KiB);
  const events: TransferProgress[] = [];
  await client.uploadObject('mixed', data, { onProgress: (p) => events.push({ ...p }) });
  const hashing = events.filter((e) => e.phase === 'hashing');
  const uploading = events.filter((e) => e.phase === 'uploading');
  assert.deepEqual(hashing.at(-1), { phase: 'hashing', bytes: 16 * KiB, totalBytes: 16 * KiB, blocks: 4, totalBlocks: 4 });
  assert.deepEqual(uploading.at(-1), { phase: 'uploading', bytes: 8 * KiB, totalBytes: 8 * KiB, blocks: 2, totalBlocks: 2 });
  assert.ok(events.indexOf(hashing.at(-1)!) < events.indexOf(uploading[0]!));
});

test('concurrency is bounded by maxThreads (kamaki MAX_THREADS); abort stops the upload', async () => {
  const { sim } = await pithosSetup();
  let inFlight = 0;
  let peak = 0;
  const slowFetch = async (r: Request) => {
    const post = isBlockPost({ method: r.method, url: r.url });
    if (post) peak = Math.max(peak, ++inFlight);
    try {
      if (post) await new Promise((res) => setTimeout(res, 5));
      return await sim.fetch(r);
    } finally {
      if (post) inFlight--;
    }
  };
  const c = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: slowFetch, maxThreads: 3 });
  await c.uploadObject('p', pattern(40 * KiB, 4));
  assert.equal(peak, 3);
  const controller = new AbortController();
  const data = pattern(40 * KiB, 5);
  const p = c.uploadObject('q', data, { signal: controller.signal, onProgress: (e) => e.phase === 'uploading' && e.blocks === 2 && controller.abort() });
  await assert.rejects(p, (e: Error) => e instanceof AbortError || e.name === 'AbortError');
  await assert.rejects(c.getObjectInfo('q'), (e: Error & { status?: number }) => e.status === 404, 'no object was created');
});

test('sources: Blob/File, ArrayBuffer, web ReadableStream (constant memory, dedup against the current version), random access', async () => {
  const { sim, client } = await pithosSetup();
  const data = pattern(13 * KiB, 6);
  await client.uploadObject('blob', new Blob([data]), { contentType: 'image/png' });
  assert.equal((await client.getObjectInfo('blob'))['content-type'], 'image/png');
  await client.uploadObject('ab', data.buffer.slice(0) as ArrayBuffer);
  const stream = () =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < data.length; i += 1000) c.enqueue(data.slice(i, i + 1000));
        c.close();
      },
    });
  const s1 = await client.uploadObject('stream', stream());
  // A stream is read once: it cannot ask the server first, so it dedups only against its target's current version.
  assert.equal(s1.blocksSent, 4);
  const from = sim.requests.list().length;
  const s2 = await client.uploadObject('stream', stream());
  assert.equal(s2.blocksSent, 0);
  assert.equal(sim.requests.list().slice(from).filter(isBlockPost).length, 0);
  assert.deepEqual(await client.downloadToBytes('stream'), data);
  const fresh = pattern(9 * KiB, 7);
  const s3 = await client.uploadObject('stream2', new Blob([fresh]).stream());
  assert.equal(s3.blocksSent, 3);
  assert.deepEqual(await client.downloadToBytes('stream2'), fresh);
  const sized = await client.uploadObject('sized', new Blob([fresh]).stream(), { size: 100 });
  assert.equal(sized.headers['x-object-version'] !== undefined, true);
  assert.equal((await client.downloadToBytes('sized')).length, 100);
  await client.uploadObject('ra', { size: 5, read: async (o: number, l: number) => new Uint8Array(l).fill(o + 65) });
  assert.equal(await client.downloadToString('ra'), 'AAAAA');
  await client.uploadObject('empty', new Uint8Array(0));
  assert.equal((await client.getObjectInfo('empty'))['x-object-hash'], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  await assert.rejects(client.uploadObject('bad', 'a string' as never), /uploadFromString/);
});

test('a source that changes between hashing and sending is refused (SourceChangedError)', async () => {
  const { client } = await pithosSetup();
  let reads = 0;
  const src = { size: 8 * KiB, read: async (_o: number, l: number) => new Uint8Array(l).fill(++reads > 2 ? 2 : 1) };
  await assert.rejects(client.uploadObject('moving', src), SourceChangedError);
});

test('blocks lost between the POST and the re-PUT: repeated 409s are capped (UploadIncompleteError)', async () => {
  const { sim } = await pithosSetup();
  const store = sim.state.blocks as unknown as { blocks: Map<string, Uint8Array> };
  const losing = new PithosClient({
    ...sim.credentials, container: 'pithos',
    fetch: async (r: Request) => {
      const res = await sim.fetch(r);
      if (isBlockPost({ method: r.method, url: r.url })) for (const h of (await res.clone().json()) as string[]) store.blocks.delete(h);
      return res;
    },
  });
  await assert.rejects(losing.uploadObject('lost', pattern(5 * KiB, 8)), (e: Error) => e instanceof UploadIncompleteError && e.missing.length === 2);
});

test('a block POST answered with another hash is an IntegrityError', async () => {
  const { sim } = await pithosSetup();
  const lying = new PithosClient({
    ...sim.credentials, container: 'pithos',
    fetch: async (r: Request) => {
      const res = await sim.fetch(r);
      if (!isBlockPost({ method: r.method, url: r.url })) return res;
      return new Response(JSON.stringify(['00'.repeat(32)]), { status: 202, headers: { 'content-type': 'application/json' } });
    },
  });
  await assert.rejects(lying.uploadObject('x', pattern(100, 9)), IntegrityError);
});

test('upload options reach the wire: content type on the hashmap PUT, If-None-Match, sharing, public, metadata, encoding, disposition', async () => {
  const { sim, client } = await pithosSetup();
  const friend = sim.users[1]!.uuid;
  await client.uploadObject('opts', pattern(10), {
    contentType: 'text/csv', contentEncoding: 'gzip', contentDisposition: 'attachment; filename="x.csv"', ifNotExist: true,
    sharing: { read: [friend] }, public: true, metadata: { owner: 'me' },
  });
  const info = await client.getObjectInfo('opts');
  assert.equal(info['content-type'], 'text/csv');
  assert.equal(info['content-encoding'], 'gzip');
  assert.equal(info['content-disposition'], 'attachment; filename="x.csv"');
  assert.equal(info['x-object-sharing'], `read=${friend}`);
  assert.match(info['x-object-public']!, /\/public\//);
  assert.equal(info['x-object-meta-owner'], 'me');
  await assert.rejects(client.uploadObject('opts', pattern(10), { ifNotExist: true }), (e: Error & { status?: number }) => e.status === 412);
  await assert.rejects(client.uploadObject('opts', pattern(10), { ifEtagMatch: 'nope' }), (e: Error & { status?: number }) => e.status === 412);
  await client.uploadObject('opts', pattern(11), { ifEtagMatch: info.etag });
  await assert.rejects(client.uploadObject('opts', pattern(10), { ifNotExsit: true } as never), /did you mean "ifNotExist"/);
});
