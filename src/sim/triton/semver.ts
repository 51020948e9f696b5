/**
 * Just enough semver for restify's version negotiation: ranges such as `~9||~8`, `~7.2`,
 * `^8`, `7.2.0`, `>=7.0.0 <8.0.0`, `*`. A range is OR-ed sets of AND-ed comparators.
 */
type V = [number, number, number];
type Comparator = { op: '>=' | '<' | '>' | '<=' | '='; v: V };

export function parseVersion(s: string): V | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

export function compare(a: V, b: V): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function partial(s: string): { v: V; parts: number } | undefined {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/.exec(s);
  if (!m) return undefined;
  const nums = [m[1], m[2], m[3]].filter((x) => x !== undefined && !/[xX*]/.test(x)).map(Number);
  return { v: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0], parts: nums.length };
}

function comparators(term: string): Comparator[] | undefined {
  const out: Comparator[] = [];
  for (const tok of term.trim().split(/\s+/).filter(Boolean)) {
    if (tok === '*' || /^[xX]$/.test(tok)) continue;
    const m = /^(>=|<=|>|<|=|~|\^)?(.+)$/.exec(tok);
    const p = m ? partial(m[2]!) : undefined;
    if (!m || !p) return undefined;
    const [a, b, c] = p.v;
    const op = m[1];
    if (op === '~') {
      out.push({ op: '>=', v: p.v }, { op: '<', v: p.parts >= 2 ? [a, b + 1, 0] : [a + 1, 0, 0] });
    } else if (op === '^') {
      out.push({ op: '>=', v: p.v }, { op: '<', v: a > 0 || p.parts === 1 ? [a + 1, 0, 0] : [0, b + 1, 0] });
    } else if (op === undefined || op === '=') {
      if (p.parts === 3) out.push({ op: '=', v: p.v });
      else if (p.parts === 0) continue;
      else out.push({ op: '>=', v: p.v }, { op: '<', v: p.parts === 1 ? [a + 1, 0, 0] : [a, b + 1, 0] });
    } else out.push({ op: op as Comparator['op'], v: [a, b, c] });
  }
  return out;
}

/** Parsed range, or undefined when it is not a valid range. */
export function parseRange(range: string): Comparator[][] | undefined {
  const sets = range.split('||').map(comparators);
  return sets.some((s) => s === undefined) ? undefined : (sets as Comparator[][]);
}

function holds(v: V, c: Comparator): boolean {
  const d = compare(v, c.v);
  return c.op === '>=' ? d >= 0 : c.op === '>' ? d > 0 : c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : d === 0;
}

/** semver.satisfies. */
export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  const sets = parseRange(range);
  return !!v && !!sets && sets.some((set) => set.every((c) => holds(v, c)));
}

/** semver.ltr: `version` is below every version the range admits. */
export function ltr(version: string, range: string): boolean {
  const v = parseVersion(version);
  const sets = parseRange(range);
  if (!v || !sets) return false;
  return sets.every((set) => {
    const lows = set.filter((c) => c.op === '>=' || c.op === '>' || c.op === '=');
    return lows.length > 0 && lows.some((c) => (c.op === '>' ? compare(v, c.v) <= 0 : compare(v, c.v) < 0));
  });
}

/** The highest of `versions` the range admits. */
export function maxSatisfying(versions: readonly string[], range: string): string | undefined {
  return versions
    .filter((v) => satisfies(v, range))
    .sort((a, b) => compare(parseVersion(b)!, parseVersion(a)!))[0];
}
