import { ENUMERATE_STATS_OPTIONS } from '../option-names.js';
import { checkOptions } from '../../core/options.js';

/** One statistic as Turbonomic returns it (StatApiDTO): `name`, `value`, `values`, … */
export interface StatEntry {
  name?: string;
  [k: string]: unknown;
}

/** Statistics at one time (StatSnapshotApiDTO). */
export interface StatPeriod {
  date?: string;
  statistics?: readonly StatEntry[];
  [k: string]: unknown;
}

/** An element with statistics over time: `{ stats: [{ date, statistics: [...] }] }`. */
export interface StatsHolder {
  stats?: readonly StatPeriod[];
  [k: string]: unknown;
}

/** Filters of {@link enumerateStats}: each returns truthy to KEEP the element. */
export interface EnumerateStatsFilters<E> {
  entity?: ((element: E) => unknown) | undefined;
  period?: ((period: StatPeriod) => unknown) | undefined;
  stat?: ((stat: StatEntry) => unknown) | undefined;
}

/**
 * Upstream's `util.enumerate_stats`: walks `data[*].stats[*].statistics[*]` and yields
 * `[period.date, stat]`. Elements without `stats` are skipped; each filter must return truthy
 * to keep its element.
 *
 * @example
 * ```ts
 * const stats = await conn.getEntityStats(uuid, { fetchAll: true });
 * for (const [date, s] of enumerateStats(stats, { stat: (s) => s.name === 'CPU' })) console.log(date, s.value);
 * ```
 */
export function enumerateStats<E extends StatsHolder>(
  data: Iterable<E>,
  filters: EnumerateStatsFilters<E> = {},
): Generator<[date: string | undefined, stat: StatEntry], void, undefined> {
  // Checked here, not in the generator, so a misspelled filter fails at the call.
  return statsOf(data, checkOptions('enumerateStats()', filters, ENUMERATE_STATS_OPTIONS));
}

function* statsOf<E extends StatsHolder>(data: Iterable<E>, filters: EnumerateStatsFilters<E>): Generator<[date: string | undefined, stat: StatEntry], void, undefined> {
  for (const e of data) {
    if (filters.entity && !filters.entity(e)) continue;
    if (!e || !Array.isArray(e.stats)) continue;
    for (const p of e.stats) {
      if (filters.period && !filters.period(p)) continue;
      for (const s of p.statistics ?? []) {
        if (filters.stat && !filters.stat(s)) continue;
        yield [p.date, s];
      }
    }
  }
}

/** The resource kinds of a template. */
export const TEMPLATE_RESOURCES = Object.freeze(['computeResources', 'infrastructureResources', 'storageResources'] as const);

/**
 * Upstream's `util.enumerate_template_resources`: for a template (or the first of a list), yields
 * `[resourceKind, stat]` for every stat of `<kind>[0].stats`. `restype` keeps kinds and `res`
 * keeps stats (truthy to keep).
 */
export function* enumerateTemplateResources<S = Record<string, unknown>>(
  data: unknown,
  filters: { restype?: ((kind: string) => unknown) | undefined; res?: ((stat: S) => unknown) | undefined } = {},
): Generator<[kind: string, stat: S], void, undefined> {
  const template = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
  if (!template || typeof template !== 'object') return;
  for (const kind of TEMPLATE_RESOURCES) {
    if (filters.restype && !filters.restype(kind)) continue;
    const list = template[kind];
    const first = Array.isArray(list) ? (list[0] as { stats?: S[] } | undefined) : undefined;
    for (const stat of first?.stats ?? []) {
      if (filters.res && !filters.res(stat)) continue;
      yield [kind, stat];
    }
  }
}
