/**
 * Randomness for simulators. Unseeded it reads `crypto.getRandomValues` (present in every
 * runtime opskit targets, secure origin or not); seeded it is a small PRNG so that ids,
 * tokens and cursors repeat exactly from run to run, which makes recorded tests stable.
 * Never use a seeded source for anything a real server would keep secret.
 */
export interface RandomSource {
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  /** `n` random bytes as lowercase hex (2n characters). */
  hex(n: number): string;
  /** An integer in `[0, maxExclusive)`. */
  int(maxExclusive: number): number;
  /** A version-4 UUID string. */
  uuid(): string;
}

/** Creates a random source; pass `seed` for a deterministic sequence. */
export function createRandom(seed?: number): RandomSource {
  const fill = seed === undefined ? cryptoFill : seededFill(seed);
  const bytes = (n: number): Uint8Array => fill(new Uint8Array(n));
  return {
    bytes,
    hex: (n) => toHex(bytes(n)),
    int(maxExclusive) {
      if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
        throw new RangeError(`int() needs a positive integer bound, got ${maxExclusive}`);
      }
      // 48 bits keep the modulo bias negligible for any bound a simulator uses.
      const b = bytes(6);
      let v = 0;
      for (const x of b) v = v * 256 + x;
      return v % maxExclusive;
    },
    uuid() {
      const b = bytes(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const h = toHex(b);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

function cryptoFill(out: Uint8Array): Uint8Array {
  // getRandomValues refuses more than 65536 bytes per call.
  for (let i = 0; i < out.length; i += 65536) {
    globalThis.crypto.getRandomValues(out.subarray(i, Math.min(out.length, i + 65536)));
  }
  return out;
}

/** mulberry32: tiny, fast, good enough for test data (not for secrets). */
function seededFill(seed: number): (out: Uint8Array) => Uint8Array {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = next() & 0xff;
    return out;
  };
}

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
