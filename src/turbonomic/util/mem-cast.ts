import { VMTFormatError } from '../errors/vmt-format-error.js';
import { format, multiply, normalize, reciprocalOfKibiPower, round, type Dec } from './decimal.js';

/** Base-2 units, each 1024 times the previous (upstream's list). */
export const MEM_UNITS = 'BKMGTPEZY';

const EMBEDDED = /^(\d+)([BKMGTPEZY])B?$/i;

function unitIndex(unit: string, what: string): number {
  const i = MEM_UNITS.indexOf(unit.charAt(0).toUpperCase());
  if (unit === '' || i < 0) throw new VMTFormatError(`unknown ${what} unit ${JSON.stringify(unit)}; use one of ${MEM_UNITS.split('').join(' ')}`);
  return i;
}

/**
 * Upstream's `util.mem_cast` as Python prints its `Decimal` result: converts `value` from `src`
 * (default `B`) to `unit` (default `G`), 1024 per step. Only the first letter of a unit counts
 * (`'Gigabytes'` is G, `'b'` is bytes). A value with an embedded unit (`'16G'`, `'5kb'`, spaces
 * ignored) overrides `src`; otherwise it must be whole digits. Arithmetic is Python's default
 * decimal context (28 digits, half-even); the result is normalised, so it may be scientific
 * (`'1000','B','B'` → `'1E+3'`).
 * @throws VMTFormatError for anything else (`'1.5G'`, `'-1'`, `'1.5'`), or an unknown unit.
 */
export function memCastDecimal(value: string | number, unit = 'G', src = 'B'): string {
  const raw = String(value);
  const v = raw.replace(/ /g, '');
  let digits: string;
  let from = src;
  const m = EMBEDDED.exec(v);
  if (m) {
    digits = m[1] as string;
    from = m[2] as string;
  } else if (/^\d+$/.test(v)) {
    digits = v;
  } else {
    throw new VMTFormatError(`'${raw}' is not a recognized value`);
  }
  const offset = unitIndex(unit, 'target') - unitIndex(from, 'source');
  const n: Dec = { coef: BigInt(digits), exp: 0 };
  const result = offset <= 0 ? round({ coef: n.coef * 1024n ** BigInt(-offset), exp: 0 }) : multiply(n, reciprocalOfKibiPower(offset));
  return format(normalize(result));
}

/** {@link memCastDecimal} as a number (`memCast('16G', 'M')` → 16384). */
export function memCast(value: string | number, unit = 'G', src = 'B'): number {
  return Number(memCastDecimal(value, unit, src));
}
