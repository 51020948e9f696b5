/**
 * The network part of `opskit/synnefo`: kamaki's `NetworkClient` (OpenStack Neutron v2.0) and
 * `CycladesNetworkClient`, with port waiters and batch creates that roll back.
 * @module
 */
export { NetworkClient, type CreateNetworkOptions, type CreateSubnetOptions, type UpdateSubnetOptions, type PortOptions, type FloatingipOptions } from './network-client.js';
export { CycladesNetworkClient, NETWORK_TYPES, type CycladesCreateNetworkOptions, type CycladesCreatePortOptions } from './cyclades-network-client.js';
export { BatchCreateError } from './batch-create-error.js';
export type * from './types.js';
export { operations as networkOperations } from '../generated/synnefo-network.meta.js';
export type { paths as NetworkPaths, components as NetworkComponents } from '../generated/synnefo-network.js';
