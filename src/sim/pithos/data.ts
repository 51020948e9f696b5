import { md5 } from '@noble/hashes/legacy.js';
import { encodeHex } from '../../crypto/encoding/hex.js';
import type { BlockStore } from './blocks.js';
import type { ObjectVersion } from './model.js';

/**
 * Cuts a request body into blocks as it arrives and stores each one (S `object_write` does the
 * same for plain PUTs), so memory holds one block at a time whatever the object's size.
 */
export async function storeBody(
  store: BlockStore, body: ReadableStream<Uint8Array> | null, options: { md5?: boolean } = {},
): Promise<{ bytes: number; hashes: string[]; md5?: string }> {
  const B = store.blockSize;
  const hashes: string[] = [];
  const hasher = options.md5 ? md5.create() : undefined;
  let buffer = new Uint8Array(B);
  let filled = 0;
  let bytes = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      hasher?.update(value);
      bytes += value.length;
      let offset = 0;
      while (offset < value.length) {
        const n = Math.min(B - filled, value.length - offset);
        buffer.set(value.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === B) {
          hashes.push(await store.put(buffer));
          buffer = new Uint8Array(B);
          filled = 0;
        }
      }
    }
  }
  if (filled > 0) hashes.push(await store.put(buffer.subarray(0, filled)));
  return { bytes, hashes, ...(hasher ? { md5: encodeHex(hasher.digest()) } : {}) };
}

/**
 * The hashes of `v` after writing `data` at `offset` (and truncating or extending to `size`):
 * untouched whole blocks keep their hash, the others are rebuilt and stored.
 */
export async function patchHashes(store: BlockStore, v: Pick<ObjectVersion, 'bytes' | 'hashes'>, offset: number, data: Uint8Array, size: number): Promise<string[]> {
  const B = store.blockSize;
  const end = offset + data.length;
  const out: string[] = [];
  const count = size === 0 ? 0 : Math.ceil(size / B);
  for (let i = 0; i < count; i++) {
    const start = i * B;
    const length = Math.min(B, size - start);
    const oldLength = Math.max(0, Math.min(B, v.bytes - start));
    const touched = start < end && start + length > offset;
    if (!touched && oldLength === length) {
      out.push(v.hashes[i] as string);
      continue;
    }
    const block = new Uint8Array(length);
    if (oldLength > 0) block.set(store.read(v.hashes[i] as string, oldLength).subarray(0, Math.min(oldLength, length)));
    if (touched) {
      const from = Math.max(offset, start);
      const to = Math.min(end, start + length);
      block.set(data.subarray(from - offset, to - offset), from - start);
    }
    out.push(await store.put(block));
  }
  return out;
}

/** The whole content of a version (partial updates from another object need it). */
export function versionData(store: BlockStore, v: Pick<ObjectVersion, 'bytes' | 'hashes'>): Uint8Array {
  const out = new Uint8Array(v.bytes);
  const B = store.blockSize;
  for (let i = 0; i * B < v.bytes; i++) out.set(store.read(v.hashes[i] as string, Math.min(B, v.bytes - i * B)), i * B);
  return out;
}
