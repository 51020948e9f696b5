import { ConfigError } from '../../core/errors/config-error.js';
import type { Query } from '../transport/query.js';
import type { SearchRequest } from '../types.js';

/**
 * Search classes and the `filterType` prefix of their by-name filter (upstream
 * `_class_filter_prefix`), in the order `searchByName` tries them when no type is given.
 */
export const classFilterPrefix: Readonly<Record<string, string>> = Object.freeze({
  Application: 'apps',
  ApplicationServer: 'appSrvs',
  Database: 'database',
  Storage: 'storage',
  DiskArray: 'diskarray',
  Cluster: 'clusters',
  Group: 'groups',
  Namespace: 'namespaces',
  PhysicalMachine: 'pms',
  StorageCluster: 'storageClusters',
  StorageController: 'storagecontroller',
  Switch: 'switch',
  VirtualDataCenter: 'vdcs',
  VirtualApplication: 'vapps',
  VirtualMachine: 'vms',
});

/** Lower-cased type names and aliases → search class (upstream `_entity_filter_class`). */
export const entityFilterClass: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(Object.keys(classFilterPrefix).map((c) => [c.toLowerCase(), c])),
  vm: 'VirtualMachine',
  pm: 'PhysicalMachine',
  ds: 'Storage',
  db: 'Database',
  vdc: 'VirtualDataCenter',
});

/** The classes `searchByName` tries for `type` (a name, an alias, or a list of them). */
export function searchClasses(type: string | readonly string[] | undefined): string[] {
  if (type === undefined) return Object.keys(classFilterPrefix);
  return (typeof type === 'string' ? [type] : [...type]).map((t) => {
    const c = entityFilterClass[t.toLowerCase()];
    if (c === undefined) throw new ConfigError(`searchByName: unknown type ${JSON.stringify(t)}; known: ${Object.keys(entityFilterClass).join(', ')}`);
    return c;
  });
}

/** Upstream `_search_criteria` operators: `=`→EQ, `!=`/`<>`→NEQ, `>`→GT, `>=`→GTE, `<`→LT, `<=`→LTE; others unchanged. */
export function searchOperator(op: string): string {
  const map: Record<string, string> = { '=': 'EQ', '!=': 'NEQ', '<>': 'NEQ', '>': 'GT', '>=': 'GTE', '<': 'LT', '<=': 'LTE' };
  return map[op] ?? op;
}

/** The by-name criteria body for one class (upstream `_search_criteria`). */
export function searchByNameDto(className: string, name: string, caseSensitive: boolean, op = '='): SearchRequest {
  const prefix = classFilterPrefix[className];
  if (prefix === undefined) throw new ConfigError(`searchByName: no by-name filter for class ${JSON.stringify(className)}`);
  return {
    className,
    criteriaList: [{ expType: searchOperator(op), expVal: name, caseSensitive, filterType: `${prefix}ByName` }],
  };
}

/** Query arguments of `GET search`. */
export interface SearchQueryOptions {
  q?: string | undefined;
  types?: string | readonly string[] | undefined;
  scopes?: string | readonly string[] | undefined;
  state?: string | undefined;
  environmentType?: string | undefined;
  groupType?: string | undefined;
  detailType?: string | undefined;
  entityTypes?: string | readonly string[] | undefined;
  regex?: boolean | undefined;
  probeTypes?: string | readonly string[] | undefined;
  /** `REGEX`, `EXACT` or `CONTAINS` (any case; sent as written); anything else is not sent. */
  queryType?: string | undefined;
}

const QUERY_TYPES = new Set(['REGEX', 'EXACT', 'CONTAINS']);

/** The `GET search` query in upstream's key order. */
export function searchQuery(o: SearchQueryOptions): Query {
  return {
    q: o.q,
    types: o.types,
    scopes: o.scopes,
    state: o.state,
    environment_type: o.environmentType,
    group_type: o.groupType,
    detail_type: o.detailType,
    entity_types: o.entityTypes,
    regex: o.regex,
    probe_types: o.probeTypes,
    query_type: o.queryType !== undefined && QUERY_TYPES.has(o.queryType.toUpperCase()) ? o.queryType : undefined,
  };
}

/** True when any query argument is set (they cannot be combined with `uuid` or `dto`). */
export function hasSearchQuery(o: SearchQueryOptions): boolean {
  return Object.values(searchQuery(o)).some((v) => v !== undefined);
}
