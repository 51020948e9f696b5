/**
 * A 32-bit integer hash of (seed, index): every per-entity attribute of the lazy inventory is a
 * pure function of it, so entity #i is the same on every request without being stored.
 */
export function hash32(seed: number, index: number, salt = 0): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [0, 1) from (seed, index, salt). */
export function unit(seed: number, index: number, salt = 0): number {
  return hash32(seed, index, salt) / 2 ** 32;
}
