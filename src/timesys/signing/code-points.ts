/**
 * Orders strings by Unicode code point, as Python's `sorted` does. JS's default sort compares
 * UTF-16 code units, which disagrees for astral characters against U+E000–U+FFFF; `localeCompare`
 * disagrees almost everywhere.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) as number;
    const cb = b.codePointAt(j) as number;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}
