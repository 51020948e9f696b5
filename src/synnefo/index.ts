/**
 * `opskit/synnefo`: Synnefo / OpenStack (kamaki.clients): the base client, Astakos identity and
 * quotas, Cyclades compute, network, Plankton images, block storage and Pithos+ object storage.
 * @module
 */
export * from './base/index.js';
export * from './astakos/index.js';
export * from './compute/index.js';
export * from './network/index.js';
export * from './image/index.js';
export * from './volume/index.js';
export * from './pithos/index.js';
