import { ResponseError } from '../../core/errors/response-error.js';
import { blockHashAlgorithm } from '../../crypto/merkle/algorithms.js';
import { blockCount, blockHashHex } from '../../crypto/merkle/block-hash.js';
import { merkleRootHex } from '../../crypto/merkle/merkle.js';
import { IntegrityError } from './errors/integrity-error.js';
import { runPool } from './pool.js';
import { progressCounter, type ProgressCallback } from './progress.js';
import { intersect, parseUserRanges } from './ranges.js';
import type { RandomAccessSink } from './sink.js';
import type { Hashmap, PithosTransport, VersionPin } from './transport.js';

/** Options of the block download engine. */
export interface BlockDownloadOptions {
  /** Blocks fetched at once (kamaki `MAX_THREADS`). Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Only these bytes (`'0-99,200-,-50'`): written at their offsets, or in order to a stream. */
  range?: string | undefined;
  /** Skip blocks the random-access sink already holds with the right hash (trailing NULs stripped). */
  resume?: boolean | undefined;
}

export interface BlockDownloadResult {
  /** Bytes delivered to the sink (the object's size for a whole download). */
  bytes: number;
  /** Blocks fetched over the network (each distinct block once; zero blocks are never fetched). */
  blocksFetched: number;
  /** Bytes fetched over the network. */
  bytesFetched: number;
}

type Piece = [number, number];
interface Unit {
  /** Block indices sharing this content (one for partial blocks). */
  indices: number[];
  hash: string;
  /** Whole block(s), or the byte pieces of one block. */
  pieces?: Piece[];
}

/**
 * protocols §6 with the hashmap already fetched: per-block ranged GETs pinned to the version
 * (and `If-Match`), each distinct block once, all-zero blocks written without a request, every
 * whole block checked against its hash and the hashmap against `X-Object-Hash`; user ranges
 * fetched piece by piece (never as one multipart reply).
 */
export async function downloadBlocks(
  t: PithosTransport,
  hm: Hashmap,
  headers: Record<string, string>,
  target: { kind: 'random'; sink: RandomAccessSink } | { kind: 'sequential'; write: (chunk: Uint8Array) => Promise<void> },
  o: BlockDownloadOptions = {},
): Promise<BlockDownloadResult> {
  const B = hm.block_size;
  const N = hm.bytes;
  const alg = blockHashAlgorithm(hm.block_hash);
  const hashes = hm.hashes;
  if (!Number.isSafeInteger(B) || B <= 0 || !Number.isSafeInteger(N) || N < 0 || !Array.isArray(hashes)) {
    throw new ResponseError('downloadObject', 'the hashmap has no valid block_size, bytes and hashes');
  }
  const n = blockCount(N, B);
  if (N > 0 && hashes.length !== n) throw new ResponseError('downloadObject', `the hashmap lists ${hashes.length} blocks for ${N} bytes of ${B}-byte blocks`);
  const expectedRoot = headers['x-object-hash'];
  if (expectedRoot && merkleRootHex(N === 0 ? [] : hashes, alg) !== expectedRoot.toLowerCase()) {
    throw new IntegrityError('the hashmap does not hash to the object\'s X-Object-Hash', expectedRoot, merkleRootHex(hashes, alg));
  }
  const pin: VersionPin = { version: headers['x-object-version'], ifMatch: headers.etag };
  const zero = merkleRootHex([], alg);
  const ranges: Piece[] = o.range !== undefined ? parseUserRanges(o.range, N) : N > 0 ? [[0, N - 1]] : [];
  const concurrency = o.concurrency ?? 4;
  const blockStart = (i: number) => i * B;
  const blockEnd = (i: number) => Math.min(N, (i + 1) * B) - 1;

  // Plan: which blocks (and which bytes of them) the request covers.
  const plan: Unit[] = [];
  for (let i = 0; i < n; i++) {
    const pieces = intersect(ranges, blockStart(i), blockEnd(i));
    if (pieces.length === 0) continue;
    const whole = pieces.length === 1 && pieces[0]![0] === blockStart(i) && pieces[0]![1] === blockEnd(i);
    plan.push(whole ? { indices: [i], hash: hashes[i] as string } : { indices: [i], hash: hashes[i] as string, pieces });
  }
  const totalBytes = ranges.reduce((s, [a, b]) => s + b - a + 1, 0);
  const progress = progressCounter('downloading', totalBytes, plan.length, o.onProgress);
  progress.start();
  let blocksFetched = 0;
  let bytesFetched = 0;

  const fetchWhole = async (u: Unit): Promise<Uint8Array> => {
    const i = u.indices[0] as number;
    const length = blockEnd(i) - blockStart(i) + 1;
    if (u.hash === zero) return new Uint8Array(length);
    const data = await t.getRange(blockStart(i), blockEnd(i), pin, o.signal);
    blocksFetched++;
    bytesFetched += data.length;
    if (data.length !== length) throw new ResponseError('downloadObject', `block ${i} arrived with ${data.length} bytes instead of ${length}`);
    const got = await blockHashHex(data, alg);
    if (got !== u.hash) throw new IntegrityError(`block ${i} does not match its hash`, u.hash, got);
    return data;
  };
  const fetchPieces = async (u: Unit): Promise<Array<[number, Uint8Array]>> => {
    const out: Array<[number, Uint8Array]> = [];
    for (const [a, b] of u.pieces as Piece[]) {
      if (u.hash === zero) {
        out.push([a, new Uint8Array(b - a + 1)]);
        continue;
      }
      const data = await t.getRange(a, b, pin, o.signal);
      bytesFetched += data.length;
      if (data.length !== b - a + 1) throw new ResponseError('downloadObject', `bytes ${a}-${b} arrived with ${data.length} bytes`);
      out.push([a, data]);
    }
    blocksFetched++;
    return out;
  };

  if (target.kind === 'random') {
    const sink = target.sink;
    // Each distinct whole block once, written at every offset that uses it.
    const units: Unit[] = [];
    const byHash = new Map<string, Unit>();
    for (const u of plan) {
      if (u.pieces) {
        units.push(u);
        continue;
      }
      // Same hash AND same length: `abc` and `abc\0\0` share a hash (NULs are stripped before hashing).
      const i = u.indices[0] as number;
      const key = `${u.hash}:${blockEnd(i) - blockStart(i) + 1}`;
      const same = byHash.get(key);
      if (same) same.indices.push(i);
      else {
        byHash.set(key, u);
        units.push(u);
      }
    }
    const localSize = o.resume && sink.read ? Number(await sink.size?.() ?? 0) : 0;
    await runPool(units.length, concurrency, async (k) => {
      const u = units[k] as Unit;
      if (u.pieces) {
        for (const [offset, data] of await fetchPieces(u)) await sink.write(offset, data);
        progress.add((u.pieces as Piece[]).reduce((s, [a, b]) => s + b - a + 1, 0));
        return;
      }
      let todo = u.indices;
      if (o.resume && sink.read) {
        const present: number[] = [];
        for (const i of u.indices) {
          const length = blockEnd(i) - blockStart(i) + 1;
          if (blockStart(i) + length > localSize) continue;
          const local = await sink.read(blockStart(i), length);
          if (local.length === length && (await blockHashHex(local, alg)) === u.hash) present.push(i);
        }
        todo = u.indices.filter((i) => !present.includes(i));
        for (const i of present) progress.add(blockEnd(i) - blockStart(i) + 1);
      }
      if (todo.length === 0) return;
      const data = await fetchWhole({ ...u, indices: todo });
      for (const i of todo) {
        await sink.write(blockStart(i), data);
        progress.add(data.length);
      }
    }, o.signal);
    if (o.range === undefined) await sink.truncate?.(N);
    return { bytes: totalBytes, blocksFetched, bytesFetched };
  }

  // In order: a batch of `concurrency` blocks fetched together (the same block once per batch), then written.
  for (let start = 0; start < plan.length; start += concurrency) {
    o.signal?.throwIfAborted();
    const batch = plan.slice(start, start + concurrency);
    const seen = new Map<string, Promise<Uint8Array>>();
    const results = batch.map((u) => {
      if (u.pieces) return fetchPieces(u);
      const i = u.indices[0] as number;
      const key = `${u.hash}:${blockEnd(i) - blockStart(i) + 1}`;
      let p = seen.get(key);
      if (!p) {
        p = fetchWhole(u);
        seen.set(key, p);
      }
      return p.then((d): Array<[number, Uint8Array]> => [[blockStart(u.indices[0] as number), d]]);
    });
    const settled = await Promise.allSettled(results);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
    for (const s of settled as PromiseFulfilledResult<Array<[number, Uint8Array]>>[]) {
      for (const [, data] of s.value) {
        await target.write(data);
        progress.add(data.length, 0);
      }
      progress.add(0, 1);
    }
  }
  return { bytes: totalBytes, blocksFetched, bytesFetched };
}
