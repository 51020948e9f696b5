/**
 * `opskit/turbonomic`: the Turbonomic REST API (XL and Classic), a port of the `vmt-connect`
 * Python client: `Connection` (alias `Session`) with every upstream method, `TurboPaged` cursor
 * lists, `Version` / `VersionSpec`, upstream-named errors, Fernet credentials and the `util`
 * helpers. Runs in browsers, Node, Deno and Bun.
 *
 * @packageDocumentation
 */
export { Connection, Session, VMTConnection } from './connection/connection.js';
export { ConnectionCore, PROBE_BASES, SYSTEM_MARKET_NAMES, CACHE_TTL_MS, type RawRequestOptions } from './connection/connection-core.js';
export { encodeAuth, splitAuth } from './auth-string.js';
export { GroupMethods, type SearchOptions, type SearchByNameOptions, type GroupStatsOptions } from './connection/group-methods.js';
export { EntityMethods, type EntitiesOptions, type EntityStatsOptions } from './connection/entity-methods.js';
export { MarketMethods, type MarketStatsOptions } from './connection/market-methods.js';
export type { ConnectionOptions, ListOptions, CacheableListOptions, FetchAll, Collected, ListResult } from './connection/options.js';
export type { RequestOptions } from './transport/transport.js';
export { serializeQuery, type Query, type QueryValue } from './transport/query.js';
export { CookieJar } from './transport/cookie-jar.js';
export { TurboPaged, type TurboPagedOptions } from './paging/turbo-paged.js';
export * from './errors/index.js';
export * from './warnings/index.js';
export * from './version/index.js';
export { encryptCredential, decryptCredential, encryptAuth, newCredentialKey, parseCredential } from './credential.js';
export * from './util/index.js';
export { entityStatsDto, groupStatsDto, type EntityStatsDtoOptions, type StatTime } from './dto/stats.js';
export { searchByNameDto, searchOperator, searchClasses, searchQuery, classFilterPrefix, entityFilterClass, type SearchQueryOptions } from './dto/search.js';
export { supplychainQuery, type SupplychainOptions } from './dto/supplychain.js';
export type * from './types.js';
export type { paths as TurbonomicPaths, components as TurbonomicComponents } from './generated/turbonomic.js';
export { operations as turbonomicOperations } from './generated/turbonomic.meta.js';
