import { encodeHex } from '../encoding/hex.js';
import { digest, digestSync, type BlockHashAlgorithm } from './algorithms.js';

/**
 * `block` without its trailing NUL bytes (a view, no copy). Pithos+ hashes every block after this
 * trim (Python's `block.rstrip(b"\0")`), so an all-zero block hashes like the empty string and
 * `abc` and `abc\0\0` share a hash; the server pads blocks back with zeros on read.
 */
export function rstripNul(block: Uint8Array): Uint8Array {
  let end = block.length;
  while (end > 0 && block[end - 1] === 0) end--;
  return end === block.length ? block : block.subarray(0, end);
}

/** The Pithos+ hash of one block (trailing NULs stripped), as bytes; synchronous, pure JavaScript. */
export function blockHash(block: Uint8Array, algorithm: BlockHashAlgorithm = 'sha256'): Uint8Array {
  return digestSync(algorithm, rstripNul(block));
}

/** {@link blockHash}, natively hashed (WebCrypto) where the runtime allows: use it for real blocks. */
export async function blockHashAsync(block: Uint8Array, algorithm: BlockHashAlgorithm = 'sha256', options: { native?: boolean } = {}): Promise<Uint8Array> {
  return digest(algorithm, rstripNul(block), options);
}

/** {@link blockHashAsync} as lowercase hex, the form hashmaps carry. */
export async function blockHashHex(block: Uint8Array, algorithm: BlockHashAlgorithm = 'sha256', options: { native?: boolean } = {}): Promise<string> {
  return encodeHex(await blockHashAsync(block, algorithm, options));
}

/** Number of blocks of an object of `size` bytes: `ceil(size / blockSize)` (0 for an empty object). */
export function blockCount(size: number, blockSize: number): number {
  return size <= 0 ? 0 : Math.ceil(size / blockSize);
}

/**
 * The hex block hashes of `data` cut into `blockSize` blocks (the last one short, never padded):
 * the `hashes` of a Pithos+ hashmap. An empty input has no blocks.
 */
export async function blockHashes(data: Uint8Array, blockSize: number, algorithm: BlockHashAlgorithm = 'sha256'): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; offset < data.length; offset += blockSize) {
    out.push(await blockHashHex(data.subarray(offset, Math.min(offset + blockSize, data.length)), algorithm));
  }
  return out;
}
