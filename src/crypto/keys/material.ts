import { fail } from '../args/check.js';
import type { PrivateKey } from './private-key.js';
import type { PrivateKeyData } from './types.js';

// Private numbers live here rather than on the key object, so logging, JSON-serialising or
// structured-cloning a PrivateKey can never reveal them.
const store = new WeakMap<PrivateKey, PrivateKeyData>();

/** Internal: attach private numbers to a key. */
export function setMaterial(key: PrivateKey, data: PrivateKeyData): void {
  store.set(key, data);
}

/**
 * Internal: the private numbers of a key made by this module. `what` names the argument in the
 * ConfigError anything else gets (a plain object, a key text, a PrivateKey from another copy of
 * opskit, whose numbers this copy cannot see).
 */
export function materialOf(key: unknown, what = 'key'): PrivateKeyData {
  const data = typeof key === 'object' && key !== null ? store.get(key as PrivateKey) : undefined;
  if (data === undefined) fail(what, 'a PrivateKey (from parsePrivateKey or generatePrivateKey)', key);
  return data;
}
