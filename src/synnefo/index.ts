/**
 * `opskit/synnefo`: Synnefo / OpenStack (kamaki.clients): Astakos, Cyclades compute, network,
 * Plankton images, block storage and Pithos+ object storage.
 * @module
 */
export {};
/** Placeholder until the family lands (replace this file). */
export const family = 'synnefo';
