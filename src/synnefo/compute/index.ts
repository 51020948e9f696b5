/**
 * The compute part of `opskit/synnefo`: kamaki's `ComputeClient` (OpenStack Compute v2) and
 * `CycladesComputeClient` (alias `CycladesClient`) with Cyclades' extensions and waiters.
 * @module
 */
export { ComputeClient, type ListServersOptions, type CreateServerOptions, type RebuildServerOptions, type ChangesSince } from './compute-client.js';
export { CycladesComputeClient, CycladesClient, type CycladesCreateServerOptions, type CycladesListFlavorsOptions } from './cyclades-compute-client.js';
export { CALL_OPTION_NAMES, type CallOptions } from './call-options.js';
export type * from './types.js';
export { operations as computeOperations } from '../generated/synnefo-compute.meta.js';
export type { paths as ComputePaths, components as ComputeComponents } from '../generated/synnefo-compute.js';
