/**
 * A download destination that can be written at any offset (a file, a preallocated array): each
 * distinct block is fetched once and written wherever the object repeats it. `read` and `size`
 * enable resume (blocks already present with the right hash are not fetched again).
 */
export interface RandomAccessSink {
  write(offset: number, data: Uint8Array): Promise<void> | void;
  /** Cut (or extend) to the object's size after a whole-object download. */
  truncate?(size: number): Promise<void> | void;
  /** The local bytes at `offset` (fewer at the end of the data), for resume. */
  read?(offset: number, length: number): Promise<Uint8Array>;
  /** Bytes the destination already holds, for resume. */
  size?(): Promise<number> | number;
}

/** What `downloadObject` writes to: a random-access sink, a web WritableStream, or a function given each chunk in order. */
export type DownloadSink = RandomAccessSink | WritableStream<Uint8Array> | ((chunk: Uint8Array) => Promise<void> | void);

/** The sink as random access, or as an in-order writer (with a close for streams). */
export function classifySink(sink: DownloadSink): { kind: 'random'; sink: RandomAccessSink } | { kind: 'sequential'; write: (chunk: Uint8Array) => Promise<void>; close: () => Promise<void>; abort: (e: unknown) => Promise<void> } {
  if (typeof sink === 'function') return { kind: 'sequential', write: async (c) => void (await sink(c)), close: async () => {}, abort: async () => {} };
  if (typeof WritableStream !== 'undefined' && sink instanceof WritableStream) {
    const writer = sink.getWriter();
    return {
      kind: 'sequential',
      write: (c) => writer.write(c),
      close: () => writer.close(),
      abort: async (e) => {
        await writer.abort(e).catch(() => {});
      },
    };
  }
  return { kind: 'random', sink: sink as RandomAccessSink };
}

/** A Uint8Array as a random-access sink (what `downloadToBytes` fills). */
export function bytesSink(target: Uint8Array): RandomAccessSink {
  return { write: (offset, data) => void target.set(data, offset) };
}
