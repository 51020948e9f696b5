/**
 * `opskit/mist`: the mist.io API (`mist.client` 0.1.1): MistClient, Backend, Machine, Key.
 * @module
 */
export {};
/** Placeholder until the family lands (replace this file). */
export const family = 'mist';
