import { CORE_OPTION_NAMES, namesOf } from '../core/options.js';
import type { CoreOptions } from '../core/types.js';
import type { RawRequestOptions } from './connection/connection-core.js';
import type { EntitiesOptions, EntityStatsOptions } from './connection/entity-methods.js';
import type { GroupStatsOptions, SearchByNameOptions, SearchOptions } from './connection/group-methods.js';
import type { MarketStatsOptions } from './connection/market-methods.js';
import type { CacheableListOptions, ConnectionOptions, ListOptions } from './connection/options.js';
import type { SupplychainOptions } from './dto/supplychain.js';
import type { RequestOptions } from './transport/transport.js';
import type { EnumerateStatsFilters } from './util/enumerate-stats.js';
import type { VersionSpecOptions } from './version/version-spec.js';


const freeze = (...lists: (readonly string[])[]): readonly string[] => Object.freeze(lists.flat());

/** `new Connection(…)` (also `Session`, `VMTConnection`): its own names plus every core client option. */
export const CONNECTION_OPTIONS = freeze(
  namesOf<Omit<ConnectionOptions, keyof CoreOptions>>()(
    'host', 'url', 'username', 'password', 'auth', 'baseUrl', 'reqVersions', 'disableHateoas', 'ssl', 'resultsLimit', 'credentials', 'onWarning',
  ),
  CORE_OPTION_NAMES,
);

/** Per-call options of every method. */
export const REQUEST_OPTIONS = namesOf<RequestOptions>()('limit', 'disableHateoas', 'signal', 'timeout');
/** A list method's options. */
export const LIST_OPTIONS = freeze(namesOf<Omit<ListOptions, keyof RequestOptions>>()('fetchAll'), REQUEST_OPTIONS);
/** A list that can come from the inventory cache. */
export const CACHEABLE_LIST_OPTIONS = freeze(namesOf<Omit<CacheableListOptions, keyof ListOptions>>()('cache'), LIST_OPTIONS);

/** `getGroups`, `getMarkets`, `getScenarios`, `getTargets`, `getTemplates`, `getUsers`: a list, or one by `uuid`. */
export const LIST_OR_ONE_OPTIONS = freeze(['uuid'], LIST_OPTIONS);
/** `getGroups`, `getClusters`. */
export const CACHEABLE_LIST_OR_ONE_OPTIONS = freeze(['uuid'], CACHEABLE_LIST_OPTIONS);

/** `getEntities`. */
export const ENTITIES_OPTIONS = freeze(namesOf<Omit<EntitiesOptions, keyof CacheableListOptions>>()('type', 'market'), ['uuid', 'detail'], CACHEABLE_LIST_OPTIONS);
/** `getVirtualMachines` and the other typed shortcuts (upstream: `uuid`, `market`). */
export const TYPED_ENTITIES_OPTIONS = freeze(['market', 'uuid'], CACHEABLE_LIST_OPTIONS);

/** `getEntityStats`. */
export const ENTITY_STATS_OPTIONS = freeze(
  namesOf<Omit<EntityStatsOptions, keyof ListOptions>>()('dto', 'startDate', 'endDate', 'stats', 'relatedType'),
  LIST_OPTIONS,
);

/** `search`. */
export const SEARCH_OPTIONS = freeze(
  namesOf<Omit<SearchOptions, keyof ListOptions>>()(
    'uuid', 'dto', 'q', 'types', 'scopes', 'state', 'environmentType', 'groupType', 'detailType', 'entityTypes', 'regex', 'probeTypes', 'queryType',
  ),
  LIST_OPTIONS,
);

/** `searchByName`. */
export const SEARCH_BY_NAME_OPTIONS = freeze(namesOf<Omit<SearchByNameOptions, keyof RequestOptions>>()('type', 'caseSensitive', 'fromCache'), REQUEST_OPTIONS);

/** `getGroupStats`. */
export const GROUP_STATS_OPTIONS = freeze(namesOf<Omit<GroupStatsOptions, keyof RequestOptions>>()('statsFilter', 'startDate', 'endDate'), REQUEST_OPTIONS);

/** `getMarketStats`. */
export const MARKET_STATS_OPTIONS = freeze(namesOf<Omit<MarketStatsOptions, keyof RequestOptions>>()('uuid', 'filter'), REQUEST_OPTIONS);
/** `getMarketEntitiesStats`. */
export const MARKET_ENTITIES_STATS_OPTIONS = freeze(MARKET_STATS_OPTIONS, ['fetchAll']);

/** `getSupplychains`. */
export const SUPPLYCHAIN_OPTIONS = freeze(namesOf<SupplychainOptions>()('types', 'states', 'detail', 'environment', 'aspects', 'health'), REQUEST_OPTIONS);
/** The wire names of `getSupplychains`' query, which users of the raw API write. */
export const SUPPLYCHAIN_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  entity_states: 'states', entityStates: 'states', detail_type: 'detail', detailType: 'detail',
  environment_type: 'environment', environmentType: 'environment', aspect_names: 'aspects', aspectNames: 'aspects',
});

/** `request`. */
export const RAW_REQUEST_OPTIONS = freeze(
  namesOf<Omit<RawRequestOptions, keyof RequestOptions>>()('method', 'query', 'dto', 'uuid', 'pager', 'fetchAll'),
  REQUEST_OPTIONS,
);

/** `new VersionSpec(versions, …)`. */
export const VERSION_SPEC_OPTIONS = namesOf<VersionSpecOptions>()('exclude', 'required', 'snapshot', 'cmpBase', 'onWarning');
/** Upstream's `VMTVersion(versions, exclude, require)` spells `required` as `require`. */
export const VERSION_SPEC_ALIASES: Readonly<Record<string, string>> = Object.freeze({ require: 'required' });

/** `enumerateStats(data, …)`. */
export const ENUMERATE_STATS_OPTIONS = namesOf<EnumerateStatsFilters<unknown>>()('entity', 'period', 'stat');

