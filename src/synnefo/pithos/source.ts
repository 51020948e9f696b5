import { ConfigError } from '../../core/errors/config-error.js';

/**
 * An upload source that can be read at any offset, any number of times: what makes a Pithos
 * upload deduplicated and resumable in constant memory (only the blocks being hashed or sent are
 * in memory). `opskit/node` gives one for a file path.
 */
export interface RandomAccessSource {
  /** Size in bytes (fixed for the whole upload). */
  readonly size: number;
  /**
   * Exactly `length` bytes at `offset`. A source may fill `into` (a scratch array of at least
   * `length` bytes the caller reuses) and return a view of it instead of allocating.
   */
  read(offset: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
}

/** What `uploadObject` accepts: bytes, a Blob/File, a web ReadableStream, or any {@link RandomAccessSource}. */
export type UploadSource = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | RandomAccessSource;

function isRandomAccess(v: unknown): v is RandomAccessSource {
  return !!v && typeof v === 'object' && typeof (v as RandomAccessSource).read === 'function' && typeof (v as RandomAccessSource).size === 'number';
}

/** The source as random access, or as a stream (read once). */
export function classifySource(source: unknown, where: string): { kind: 'random'; source: RandomAccessSource } | { kind: 'stream'; stream: ReadableStream<Uint8Array> } {
  if (source instanceof Uint8Array) return { kind: 'random', source: bytesSource(source) };
  if (source instanceof ArrayBuffer) return { kind: 'random', source: bytesSource(new Uint8Array(source)) };
  if (typeof Blob !== 'undefined' && source instanceof Blob) return { kind: 'random', source: blobSource(source) };
  if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) return { kind: 'stream', stream: source as ReadableStream<Uint8Array> };
  if (isRandomAccess(source)) {
    if (!Number.isSafeInteger(source.size) || source.size < 0) throw new ConfigError(`${where}: source size must be a non-negative integer`);
    return { kind: 'random', source };
  }
  const what = typeof source === 'string' ? 'a string (use uploadFromString for text, or opskit/node for a file path)' : source === null ? 'null' : typeof source;
  throw new ConfigError(`${where}: source must be a Uint8Array, ArrayBuffer, Blob/File, ReadableStream or { size, read(offset, length) }, got ${what}`);
}

/** A byte array as a source (views, no copies). */
export function bytesSource(bytes: Uint8Array): RandomAccessSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** A Blob or File as a source: each read is one `slice().arrayBuffer()`, so a file of any size is never held whole. */
export function blobSource(blob: Blob): RandomAccessSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

/**
 * A stream cut into blocks of exactly `blockSize` bytes (the last one shorter; none for an empty
 * stream), each a fresh array. Holds at most one block plus one chunk.
 */
export async function* streamBlocks(stream: ReadableStream<Uint8Array>, blockSize: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let block = new Uint8Array(blockSize);
  let filled = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { value, done } = await reader.read();
      if (done) break;
      const chunk = value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(blockSize - filled, chunk.length - offset);
        block.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === blockSize) {
          yield block;
          block = new Uint8Array(blockSize);
          filled = 0;
        }
      }
    }
    if (filled > 0) yield block.subarray(0, filled);
  } finally {
    reader.releaseLock();
  }
}
