import type { BlockStore } from './blocks.js';
import type { ObjectVersion } from './model.js';

/** `[offset, length]` pairs of a `Range` header as the server parses them, or undefined to ignore it. */
export function parseRange(header: string | undefined, size: number): Array<[number, number]> | undefined {
  if (!header) return undefined;
  const text = header.replace(/ /g, '');
  if (!text.startsWith('bytes=')) return undefined;
  const out: Array<[number, number]> = [];
  for (const part of text.slice(6).split(',')) {
    const m = /^(\d*)-(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[2] === '')) return undefined;
    if (m[1] !== '') {
      const offset = Number(m[1]);
      if (m[2] !== '') {
        const upto = Number(m[2]);
        if (offset > upto) return undefined;
        out.push([offset, upto - offset + 1]);
      } else out.push([offset, size - offset]);
    } else {
      const length = Number(m[2]);
      out.push([size - length, length]);
    }
  }
  return out;
}

/** Whether every range lies inside the object (Pithos refuses, with 416, any range that does not). */
export function rangesSatisfiable(ranges: ReadonlyArray<[number, number]>, size: number): boolean {
  return ranges.every(([o, l]) => l > 0 && l <= size && o >= 0 && o < size && o + l <= size);
}

/** Bytes `[offset, offset+length)` of one version, as a stream reading one block at a time. */
export function versionBytes(store: BlockStore, v: ObjectVersion, blockSize: number, offset: number, length: number): ReadableStream<Uint8Array> {
  let pos = offset;
  const end = offset + length;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pos >= end) {
        controller.close();
        return;
      }
      const index = Math.floor(pos / blockSize);
      const blockStart = index * blockSize;
      const blockLength = Math.min(blockSize, v.bytes - blockStart);
      const block = store.read(v.hashes[index] as string, blockLength);
      const from = pos - blockStart;
      const to = Math.min(blockLength, end - blockStart);
      controller.enqueue(block.subarray(from, to));
      pos = blockStart + to;
    },
  });
}

/** The multipart/byteranges body of several ranges. */
export function multipartBytes(
  parts: ReadonlyArray<[number, number]>, size: number, contentType: string, boundary: string,
  read: (offset: number, length: number) => ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let i = 0;
  let current: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (current) {
          const { value, done } = await current.read();
          if (!done) {
            controller.enqueue(value);
            return;
          }
          current = undefined;
          controller.enqueue(enc.encode('\r\n'));
        }
        if (i >= parts.length) {
          controller.enqueue(enc.encode(`--${boundary}--\r\n`));
          controller.close();
          return;
        }
        const [o, l] = parts[i++]!;
        controller.enqueue(enc.encode(`--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${o}-${o + l - 1}/${size}\r\n\r\n`));
        current = read(o, l).getReader();
      }
    },
  });
}
