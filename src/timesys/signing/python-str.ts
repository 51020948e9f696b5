/** A parameter value as upstream's Python dict holds it. */
export type LlapiScalar = string | number | boolean;

/**
 * A parameter value: a scalar, a list (repeated key), or null/undefined (dropped before signing and
 * sending; upstream signs `None` and breaks, see docs/compat.md).
 */
export type LlapiValue = LlapiScalar | readonly LlapiScalar[] | null | undefined;

/** An endpoint's parameters, in upstream's insertion order. */
export type LlapiParams = Readonly<Record<string, LlapiValue>>;

/**
 * Python's `str()` of a scalar, which is what upstream puts in the signed message and on the wire:
 * booleans are `True`/`False`, integers decimal. JS has one number type, so `7` renders `7` even
 * where Python would have held the float `7.0`; pass the string `'7.0'` to sign that.
 */
export function pyStr(value: LlapiScalar): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  }
  return String(value);
}
