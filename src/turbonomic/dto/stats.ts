import type { StatPeriodInput, StatScopesInput } from '../types.js';

/** A point in time as Turbonomic takes it: epoch milliseconds or a relative string (`-1d`). */
export type StatTime = number | string;

/** Options of `getEntityStats` that build its body. */
export interface EntityStatsDtoOptions {
  startDate?: StatTime | undefined;
  endDate?: StatTime | undefined;
  /** Statistic names (`CPU`, `Mem`, …). */
  stats?: readonly string[] | undefined;
  relatedType?: string | undefined;
}

/**
 * Upstream's `POST stats` body: `{ scopes, period: { startDate?, endDate?, statistics? }, relatedType? }`,
 * with `period` present only when it has something in it. Dates pass unchanged.
 */
export function entityStatsDto(scope: readonly string[], options: EntityStatsDtoOptions = {}): StatScopesInput {
  const period: StatPeriodInput = {};
  if (options.startDate !== undefined && options.startDate !== null) period.startDate = options.startDate;
  if (options.endDate !== undefined && options.endDate !== null) period.endDate = options.endDate;
  if (options.stats) period.statistics = options.stats.map((name) => ({ name }));
  const dto: StatScopesInput = { scopes: [...scope] };
  if (Object.keys(period).length > 0) dto.period = period;
  if (options.relatedType) dto.relatedType = options.relatedType;
  return dto;
}

/**
 * Upstream's `POST groups/{uuid}/stats` body: a FLAT period, `{ statistics?, startDate?, endDate? }`;
 * `statistics` only when the list is non-empty.
 */
export function groupStatsDto(stats: readonly string[] | undefined, startDate?: StatTime, endDate?: StatTime): StatPeriodInput {
  const dto: StatPeriodInput = {};
  if (stats && stats.length > 0) dto.statistics = stats.map((name) => ({ name }));
  if (startDate !== undefined && startDate !== null) dto.startDate = startDate;
  if (endDate !== undefined && endDate !== null) dto.endDate = endDate;
  return dto;
}
