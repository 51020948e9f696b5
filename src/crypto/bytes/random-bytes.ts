import { OpsError } from '../../core/errors/ops-error.js';

// getRandomValues refuses more than 65,536 bytes per call (Web Crypto API, getRandomValues).
const MAX_CHUNK = 65536;

/**
 * Returns `length` cryptographically secure random bytes from `crypto.getRandomValues`,
 * which every supported runtime has, including browsers on non-secure origins where
 * `crypto.subtle` is missing.
 * @throws RangeError for a negative or non-integer length.
 * @throws OpsError (code `NO_RANDOM`) when the runtime has no `crypto.getRandomValues`.
 */
export function randomBytes(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`randomBytes: length must be a non-negative integer, got ${String(length)}`);
  }
  const source = globalThis.crypto;
  if (typeof source?.getRandomValues !== 'function') {
    throw new OpsError('randomBytes: crypto.getRandomValues is not available in this runtime', { code: 'NO_RANDOM' });
  }
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += MAX_CHUNK) source.getRandomValues(out.subarray(i, i + MAX_CHUNK));
  return out;
}
