import { blockCount, blockHashHex } from '../../crypto/merkle/block-hash.js';
import { ResponseError } from '../../core/errors/response-error.js';
import { IntegrityError } from './errors/integrity-error.js';
import { SourceChangedError } from './errors/source-changed-error.js';
import { UploadIncompleteError } from './errors/upload-incomplete-error.js';
import { runPool } from './pool.js';
import { progressCounter, type ProgressCallback } from './progress.js';
import { streamBlocks, type RandomAccessSource } from './source.js';
import type { BlockInfo, PithosTransport } from './transport.js';

/** Options of the block upload engine. */
export interface BlockUploadOptions {
  /** Blocks hashed or sent at once (kamaki `MAX_THREADS`). Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Hashmap PUTs allowed to answer 409 again after the missing blocks were sent. Default 3. */
  maxRepeats?: number;
  /** Hashes the server is known to hold (a stream upload skips them). */
  knownHashes?: Iterable<string>;
}

/** What an upload did: the new object's headers, and how much travelled. */
export interface BlockUploadResult {
  headers: Record<string, string>;
  hashes: string[];
  /** Block bytes sent (0 when the server already had everything). */
  bytesSent: number;
  blocksSent: number;
}

/**
 * protocols §5 over a random-access source: hash every block (trailing NULs stripped), PUT the
 * hashmap, send only the blocks the 409 names (in parallel, each re-read and checked against the
 * hash the server returns for it), PUT again until 201. An interrupted run, run again, sends
 * only what is still missing; known content sends nothing.
 */
export async function uploadRandomAccess(t: PithosTransport, source: RandomAccessSource, info: BlockInfo, o: BlockUploadOptions = {}): Promise<BlockUploadResult> {
  const B = info.blockSize;
  const size = source.size;
  const n = blockCount(size, B);
  const concurrency = o.concurrency ?? 4;
  const hashes: string[] = new Array<string>(n);
  const lengthOf = (i: number) => Math.min(B, size - i * B);

  const hashing = progressCounter('hashing', size, n, o.onProgress);
  hashing.start();
  // Scratch arrays reused across blocks while hashing: reading a large source allocates nothing.
  const scratch: Uint8Array[] = [];
  await runPool(n, concurrency, async (i) => {
    const buffer = scratch.pop() ?? new Uint8Array(Math.min(B, size));
    try {
      const block = await source.read(i * B, lengthOf(i), buffer);
      hashes[i] = await blockHashHex(block, info.blockHash);
      hashing.add(block.length);
    } finally {
      scratch.push(buffer);
    }
  }, o.signal);

  const firstIndex = new Map<string, number>();
  hashes.forEach((h, i) => firstIndex.has(h) || firstIndex.set(h, i));
  let bytesSent = 0;
  let blocksSent = 0;
  for (let round = 0; ; round++) {
    o.signal?.throwIfAborted();
    const put = await t.putHashmap({ bytes: size, hashes }, o.signal);
    if (put.created) return { headers: put.headers, hashes, bytesSent, blocksSent };
    if (round > (o.maxRepeats ?? 3)) {
      throw new UploadIncompleteError(`the server still misses ${put.missing.length} block(s) after ${round} rounds of uploads; run the upload again`, put.missing);
    }
    const missing = put.missing;
    for (const h of missing) {
      if (!firstIndex.has(h)) throw new ResponseError('uploadObject', `the server asked for block ${h.slice(0, 16)}…, which is not in the hashmap sent`);
    }
    const total = missing.reduce((s, h) => s + lengthOf(firstIndex.get(h) as number), 0);
    const uploading = progressCounter('uploading', total, missing.length, o.onProgress);
    uploading.start();
    await runPool(missing.length, concurrency, async (k) => {
      const hash = missing[k] as string;
      const i = firstIndex.get(hash) as number;
      // A scratch array again: once its POST has completed nothing refers to it any more.
      const buffer = scratch.pop() ?? new Uint8Array(Math.min(B, size));
      try {
        const block = await source.read(i * B, lengthOf(i), buffer);
        // Not hashed again before sending: the server hashes what it stores and says so, and
        // only when that differs is the block hashed here, to tell a source that changed since it
        // was hashed from a server that stored something else. Either way the hashmap names only
        // the hashes taken first, so nothing inconsistent is stored.
        try {
          await sendBlock(t, block, hash, o.signal);
        } catch (e) {
          if (e instanceof IntegrityError && (await blockHashHex(block, info.blockHash)) !== hash) {
            throw new SourceChangedError(`block ${i} of the source changed while it was being uploaded; nothing inconsistent was stored`);
          }
          throw e;
        }
        bytesSent += block.length;
        blocksSent++;
        uploading.add(block.length);
      } finally {
        scratch.push(buffer);
      }
    }, o.signal);
  }
}

async function sendBlock(t: PithosTransport, block: Uint8Array, hash: string, signal?: AbortSignal): Promise<void> {
  const stored = await t.postBlock(block, signal);
  if (stored[0] !== hash) throw new IntegrityError(`the server stored block ${hash.slice(0, 16)}… as ${String(stored[0]).slice(0, 16)}…`, hash, stored[0]);
}

/**
 * A web ReadableStream, read once in constant memory: every block is hashed as it arrives and
 * sent unless the server is known to hold it (the target's current hashmap, blocks sent earlier
 * in this upload, `knownHashes`), at most `concurrency` blocks in flight; then the hashmap PUT.
 * A stream cannot be read again, so a 409 at the end (a known block vanished) is an
 * {@link UploadIncompleteError}.
 */
export async function uploadStream(t: PithosTransport, stream: ReadableStream<Uint8Array>, info: BlockInfo, o: BlockUploadOptions = {}): Promise<BlockUploadResult> {
  const known = new Set(o.knownHashes ?? []);
  const hashes: string[] = [];
  let size = 0;
  let bytesSent = 0;
  let blocksSent = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const concurrency = Math.max(1, o.concurrency ?? 4);
  // The size is unknown until the end: progress reports 0 as total while the stream runs.
  const hashing = progressCounter('hashing', 0, 0, o.onProgress);
  hashing.start();
  for await (const block of streamBlocks(stream, info.blockSize, o.signal)) {
    if (failure) break;
    const hash = await blockHashHex(block, info.blockHash);
    hashes.push(hash);
    size += block.length;
    hashing.add(block.length);
    if (known.has(hash)) continue;
    known.add(hash);
    const p = sendBlock(t, block, hash, o.signal).then(
      () => {
        bytesSent += block.length;
        blocksSent++;
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  o.signal?.throwIfAborted();
  const put = await t.putHashmap({ bytes: size, hashes }, o.signal);
  if (put.created) return { headers: put.headers, hashes, bytesSent, blocksSent };
  throw new UploadIncompleteError(`the server misses ${put.missing.length} block(s) it was believed to hold, and a stream cannot be read again; upload it again`, put.missing);
}
