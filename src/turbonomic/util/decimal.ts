/**
 * Just enough of Python's `decimal` for `memCast`: a value is `coef × 10^exp` with a BigInt
 * coefficient, arithmetic rounds to the default context (28 significant digits, ROUND_HALF_EVEN),
 * and `format` is `str(Decimal)`.
 */
export interface Dec {
  coef: bigint;
  exp: number;
}

export const PRECISION = 28;

/** Rounds to `PRECISION` significant digits, half to even (Python's default context). */
export function round(d: Dec): Dec {
  let { coef, exp } = d;
  const digits = coef.toString().length;
  if (digits <= PRECISION) return d;
  const drop = digits - PRECISION;
  const scale = 10n ** BigInt(drop);
  let q = coef / scale;
  const r = coef % scale;
  const half = scale / 2n;
  if (r > half || (r === half && q % 2n === 1n)) q += 1n;
  exp += drop;
  // 99…9 rounding up gains a digit.
  if (q.toString().length > PRECISION) {
    q /= 10n;
    exp += 1;
  }
  coef = q;
  return { coef, exp };
}

/** `a × b`, rounded. */
export function multiply(a: Dec, b: Dec): Dec {
  return round({ coef: a.coef * b.coef, exp: a.exp + b.exp });
}

/** `1 / 2^(10n)` = `5^(10n) × 10^(−10n)` exactly, then rounded as Python's division rounds it. */
export function reciprocalOfKibiPower(n: number): Dec {
  return round({ coef: 5n ** BigInt(10 * n), exp: -10 * n });
}

/** `Decimal.normalize()`: trailing zeros move into the exponent; zero is `0`. */
export function normalize(d: Dec): Dec {
  if (d.coef === 0n) return { coef: 0n, exp: 0 };
  let { coef, exp } = d;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp += 1;
  }
  return { coef, exp };
}

/** Python's `str(Decimal)`: plain notation unless the exponent is positive or the value is below 1E-6. */
export function format(d: Dec): string {
  const sign = d.coef < 0n ? '-' : '';
  const int = (d.coef < 0n ? -d.coef : d.coef).toString();
  const leftdigits = d.exp + int.length;
  const dotplace = d.exp <= 0 && leftdigits > -6 ? leftdigits : 1;
  let intpart: string;
  let fracpart: string;
  if (dotplace <= 0) {
    intpart = '0';
    fracpart = `.${'0'.repeat(-dotplace)}${int}`;
  } else if (dotplace >= int.length) {
    intpart = int + '0'.repeat(dotplace - int.length);
    fracpart = '';
  } else {
    intpart = int.slice(0, dotplace);
    fracpart = `.${int.slice(dotplace)}`;
  }
  const e = leftdigits - dotplace;
  const exp = leftdigits === dotplace ? '' : `E${e >= 0 ? '+' : ''}${e}`;
  return sign + intpart + fracpart + exp;
}
