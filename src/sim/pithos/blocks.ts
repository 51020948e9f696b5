import { blockHashAsync, encodeHex, rstripNul, type BlockHashAlgorithm } from '../../crypto/index.js';

/**
 * The server-global, content-addressed block store: one copy of every distinct block for every
 * user (so uploading known content sends nothing, and creating an object from a hashmap only
 * checks that the blocks exist). Blocks are kept without their trailing NULs, as they are hashed,
 * and padded back with zeros on read.
 */
export class BlockStore {
  private readonly blocks = new Map<string, Uint8Array>();

  constructor(
    readonly blockSize: number,
    readonly algorithm: BlockHashAlgorithm,
  ) {}

  /** Stores one block (at most blockSize bytes) and returns its hex hash. */
  async put(block: Uint8Array): Promise<string> {
    const hash = encodeHex(await blockHashAsync(block, this.algorithm));
    if (!this.blocks.has(hash)) this.blocks.set(hash, rstripNul(block).slice());
    return hash;
  }

  has(hash: string): boolean {
    return this.blocks.has(hash);
  }

  /** Hashes of `hashes` not in the store: unique, lowercase, in first-occurrence order. */
  missing(hashes: readonly string[]): string[] {
    const out = new Set<string>();
    for (const h of hashes) if (!this.blocks.has(h)) out.add(h);
    return [...out];
  }

  /** The block's bytes padded with zeros (or cut) to `length`. */
  read(hash: string, length: number): Uint8Array {
    const stored = this.blocks.get(hash);
    if (stored === undefined) throw new Error(`block ${hash} is missing from the store`);
    if (stored.length === length) return stored;
    const out = new Uint8Array(length);
    out.set(stored.subarray(0, Math.min(length, stored.length)));
    return out;
  }

  /** Number of distinct blocks held (tests use it to prove deduplication). */
  get size(): number {
    return this.blocks.size;
  }

  /** Bytes held (after NUL stripping). */
  get storedBytes(): number {
    let n = 0;
    for (const b of this.blocks.values()) n += b.length;
    return n;
  }
}
