/**
 * Astakos, the identity and accounting service of Synnefo (kamaki `AstakosClient`,
 * `CachedAstakosClient`): authentication and the service catalog, quotas and commissions,
 * projects and memberships, user catalogs, feedback and OAuth2.
 * @module
 */
export { AstakosClient, ASTAKOS_CLIENT_OPTION_NAMES, type AstakosClientOptions, type CommissionOptions, type ServiceClientClass } from './astakos-client.js';
export { CachedAstakosClient, type CachedAstakosClientOptions } from './cached-astakos-client.js';
export * from './errors/index.js';
export { parseEndpoints, type EndpointFilter } from './catalog.js';
export { mkProvisions, type ProvisionEntries } from './provisions.js';
export type * from './types.js';
export { operations as astakosOperations } from '../generated/synnefo-astakos.meta.js';
export type { paths as AstakosPaths, components as AstakosComponents } from '../generated/synnefo-astakos.js';
