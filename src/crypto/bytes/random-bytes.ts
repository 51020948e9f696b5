import { OpsError } from '../../core/errors/ops-error.js';
import { checkInteger } from '../args/check.js';

// getRandomValues refuses more than 65,536 bytes per call (Web Crypto API, getRandomValues).
const MAX_CHUNK = 65536;
// Larger typed arrays fail to allocate in some engines (a raw RangeError); nobody needs 2 GiB of random.
const MAX_LENGTH = 2 ** 31 - 1;

/**
 * Returns `length` cryptographically secure random bytes from `crypto.getRandomValues`,
 * which every supported runtime has, including browsers on non-secure origins where
 * `crypto.subtle` is missing.
 * @throws ConfigError for a `length` that is not an integer from 0 to 2^31 - 1.
 * @throws OpsError (code `NO_RANDOM`) when the runtime has no `crypto.getRandomValues`.
 */
export function randomBytes(length: number): Uint8Array {
  checkInteger(length, 'randomBytes: length', 0, MAX_LENGTH);
  const source = globalThis.crypto;
  if (typeof source?.getRandomValues !== 'function') {
    throw new OpsError('randomBytes: crypto.getRandomValues is not available in this runtime', { code: 'NO_RANDOM' });
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += MAX_CHUNK) source.getRandomValues(out.subarray(i, i + MAX_CHUNK));
  return out;
}
