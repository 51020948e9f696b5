export { enumerateStats, enumerateTemplateResources, TEMPLATE_RESOURCES, type EnumerateStatsFilters, type StatsHolder, type StatPeriod, type StatEntry } from './enumerate-stats.js';
export { memCast, memCastDecimal, MEM_UNITS } from './mem-cast.js';
export { strToBool } from './str-to-bool.js';
