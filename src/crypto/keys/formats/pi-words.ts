/**
 * The first `count` 32-bit words of π's fractional part in hexadecimal (0x243f6a88, 0x85a308d3,
 * …): Blowfish's initial state. Computed with Machin's formula (π = 16·atan(1/5) − 4·atan(1/239))
 * in bigint fixed point instead of shipping a 4 kB constant table; 64 guard bits absorb the
 * truncation error of the series.
 */
export function piWords(count: number): Uint32Array {
  const guard = 64n;
  const bits = BigInt(count) * 32n + guard;
  const one = 1n << bits;
  const atanInv = (x: bigint): bigint => {
    const x2 = x * x;
    let power = one / x;
    let sum = 0n;
    for (let k = 0n; power !== 0n; k++) {
      const term = power / (2n * k + 1n);
      sum += k & 1n ? -term : term;
      power /= x2;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  const frac = (pi - 3n * one) >> guard;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = Number((frac >> (32n * BigInt(count - 1 - i))) & 0xffffffffn);
  return out;
}
