import { SimError } from '../app.js';
import { view, scopeIndexes } from './lookup.js';
import { indexSource, type Source } from './paging.js';
import type { Json, Stored, TurbonomicState } from './types.js';

/** By-name filter prefix of each searchable class (what the server accepts as `<prefix>ByName`). */
export const NAME_FILTER_PREFIX: Readonly<Record<string, string>> = {
  Application: 'apps', ApplicationServer: 'appSrvs', Database: 'database', DiskArray: 'diskarray', Cluster: 'clusters',
  Group: 'groups', Namespace: 'namespaces', PhysicalMachine: 'pms', Storage: 'storage', StorageCluster: 'storageClusters',
  StorageController: 'storagecontroller', Switch: 'switch', VirtualApplication: 'vapps', VirtualDataCenter: 'vdcs',
  VirtualMachine: 'vms', DataCenter: 'datacenters',
};

/** The `GET search/criteria` list: one by-name filter per class, plus state filters. */
export function searchCriteria(): Json[] {
  const out: Json[] = Object.entries(NAME_FILTER_PREFIX).map(([cls, prefix]) => ({
    filterType: `${prefix}ByName`, elements: cls, filterCategory: 'property', inputType: 'text', loadOptions: false,
  }));
  out.push({ filterType: 'vmsByState', elements: 'VirtualMachine', filterCategory: 'property', inputType: '*', loadOptions: true });
  return out;
}

const GROUP_CLASSES = new Set(['Group', 'Cluster']);

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(true|yes|1|on)$/i.test(v);
}

function list(v: string | undefined): string[] | undefined {
  return v === undefined || v === '' ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A name test for `GET search?q=…`: CONTAINS (default, any case), EXACT, or REGEX (`regex=true` too). */
function nameTest(q: string | undefined, queryType: string | undefined, regex: boolean): ((name: string) => boolean) | undefined {
  if (q === undefined || q === '') return undefined;
  const type = (queryType ?? (regex ? 'REGEX' : 'CONTAINS')).toUpperCase();
  if (type === 'EXACT') return (n) => n.toLowerCase() === q.toLowerCase();
  if (type === 'REGEX') {
    let re: RegExp;
    try {
      re = new RegExp(q, 'i');
    } catch {
      throw new SimError(400, 'BAD_REQUEST', `invalid regular expression ${JSON.stringify(q)}`);
    }
    return (n) => re.test(n);
  }
  const lower = q.toLowerCase();
  return (n) => n.toLowerCase().includes(lower);
}

/** Groups then entities, as one paged source, each filtered. */
function combined(state: TurbonomicState, groups: Stored[], keepEntity: ((i: number) => boolean) | undefined, entities: boolean): Source<Json> {
  const inv = state.inventory;
  const g = groups.length;
  const size = g + (entities ? inv.size : 0);
  return indexSource<Json>(
    size,
    (p) => (p < g ? view(groups[p] as Stored) : inv.entity(p - g)),
    (p) => p < g || !keepEntity || keepEntity(p - g),
  );
}

/** `GET search?…`: entities and groups matching the query arguments. */
export function querySource(state: TurbonomicState, q: Record<string, string | undefined>): Source<Json> {
  const inv = state.inventory;
  const types = list(q.types);
  const entityTypes = list(q.entity_types);
  const match = nameTest(q.q, q.query_type, truthy(q.regex));
  const wantGroups = !types || types.some((t) => GROUP_CLASSES.has(t));
  const entityClasses = types?.filter((t) => !GROUP_CLASSES.has(t));
  const wantEntities = !types || (entityClasses?.length ?? 0) > 0;
  let scope: Set<number> | undefined;
  for (const s of list(q.scopes) ?? []) {
    const idx = scopeIndexes(state, s);
    if (idx === undefined) {
      scope = undefined;
      break;
    }
    scope ??= new Set();
    for (const i of idx) scope.add(i);
  }
  const groups = wantGroups
    ? state.groups.filter((grp) =>
        (!types || types.includes(String(grp.className))) &&
        (!q.group_type || grp.groupType === q.group_type) &&
        (!q.environment_type || grp.environmentType === q.environment_type) &&
        (!match || match(String(grp.displayName))))
    : [];
  const classes = entityClasses && entityClasses.length > 0 ? new Set(entityClasses) : undefined;
  const keep = (i: number) =>
    (!classes || classes.has(inv.classOf(i))) &&
    (!entityTypes || entityTypes.includes(inv.classOf(i))) &&
    (!scope || scope.has(i)) &&
    (!q.state || inv.stateOf(i) === q.state) &&
    (!q.environment_type || inv.entity(i).environmentType === q.environment_type) &&
    (!match || match(inv.nameOf(i)));
  const unfiltered = !classes && !entityTypes && !scope && !q.state && !q.environment_type && !match;
  return combined(state, groups, unfiltered ? undefined : keep, wantEntities);
}

/** A criterion of `POST search` as a predicate on a display name (or state). */
function criterion(className: string, c: Json): (name: string, state: string) => boolean {
  const filterType = String(c.filterType ?? '');
  const expType = String(c.expType ?? 'EQ').toUpperCase();
  const value = String(c.expVal ?? '');
  const flags = c.caseSensitive === true ? '' : 'i';
  const prefix = NAME_FILTER_PREFIX[className];
  const byState = filterType === 'vmsByState' && className === 'VirtualMachine';
  if (!byState && (prefix === undefined || filterType !== `${prefix}ByName`)) {
    throw new SimError(400, 'BAD_REQUEST', `Unsupported filter type ${JSON.stringify(filterType)} for class ${JSON.stringify(className)}`);
  }
  let re: RegExp;
  try {
    // EQ and RXEQ values are regular expressions on the real server, matched against the whole name.
    re = new RegExp(`^(?:${value})$`, flags);
  } catch {
    re = new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags);
  }
  const test = (s: string) => re.test(s);
  if (expType === 'EQ' || expType === 'RXEQ') return byState ? (_n, st) => test(st) : (n) => test(n);
  if (expType === 'NEQ' || expType === 'RXNEQ') return byState ? (_n, st) => !test(st) : (n) => !test(n);
  throw new SimError(400, 'BAD_REQUEST', `Unsupported expType ${JSON.stringify(expType)} for ${filterType}`);
}

/** `POST search` with a criteria body. */
export function criteriaSource(state: TurbonomicState, body: unknown): Source<Json> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SimError(400, 'BAD_REQUEST', 'search body must be a JSON object');
  const b = body as Json;
  const className = b.className;
  if (typeof className !== 'string' || className === '') throw new SimError(400, 'BAD_REQUEST', 'className is required');
  const criteria = (Array.isArray(b.criteriaList) ? b.criteriaList : []).map((c) => criterion(className, c as Json));
  const or = String(b.logicalOperator ?? 'AND').toUpperCase() === 'OR';
  const ok = (name: string, st: string) => criteria.length === 0 || (or ? criteria.some((f) => f(name, st)) : criteria.every((f) => f(name, st)));
  if (GROUP_CLASSES.has(className)) {
    const groups = state.groups.filter((g) => g.className === className && ok(String(g.displayName), 'ACTIVE'));
    return combined(state, groups, undefined, false);
  }
  const inv = state.inventory;
  return combined(state, [], (i) => inv.classOf(i) === className && ok(inv.nameOf(i), inv.stateOf(i)), true);
}
