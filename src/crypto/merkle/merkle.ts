import { decodeHex, encodeHex } from '../encoding/hex.js';
import { digestLength, digestSync, type BlockHashAlgorithm } from './algorithms.js';

/**
 * The Merkle root Pithos+ sends as `X-Object-Hash` (and, by default, as the ETag), over the RAW
 * block digests (not their hex text): no leaf → `H("")`; one leaf → that leaf; otherwise the
 * leaves padded with all-zero digests to the next power of two, then each level replaced by
 * `H(left ‖ right)` of its pairs until one digest remains.
 */
export function merkleRoot(digests: readonly Uint8Array[], algorithm: BlockHashAlgorithm = 'sha256'): Uint8Array {
  if (digests.length === 0) return digestSync(algorithm, new Uint8Array(0));
  if (digests.length === 1) return digests[0] as Uint8Array;
  const size = digestLength(algorithm);
  let width = 2;
  while (width < digests.length) width *= 2;
  let level: Uint8Array[] = [];
  for (let i = 0; i < width; i++) level.push(digests[i] ?? new Uint8Array(size));
  const pair = new Uint8Array(2 * size);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      pair.set(level[i] as Uint8Array, 0);
      pair.set(level[i + 1] as Uint8Array, size);
      next.push(digestSync(algorithm, pair));
    }
    level = next;
  }
  return level[0] as Uint8Array;
}

/** {@link merkleRoot} over hex block hashes (a hashmap's `hashes`), as lowercase hex. */
export function merkleRootHex(hashes: readonly string[], algorithm: BlockHashAlgorithm = 'sha256'): string {
  return encodeHex(merkleRoot(hashes.map((h) => decodeHex(h)), algorithm));
}
