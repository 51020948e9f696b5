import type { PrivateKey } from './private-key.js';
import type { PrivateKeyData } from './types.js';

// Private numbers live here rather than on the key object, so logging, JSON-serialising or
// structured-cloning a PrivateKey can never reveal them.
const store = new WeakMap<PrivateKey, PrivateKeyData>();

/** Internal: attach private numbers to a key. */
export function setMaterial(key: PrivateKey, data: PrivateKeyData): void {
  store.set(key, data);
}

/** Internal: the private numbers of a key made by this module. */
export function materialOf(key: PrivateKey): PrivateKeyData {
  const data = store.get(key);
  if (data === undefined) throw new TypeError('not a private key parsed by opskit');
  return data;
}
