import { OpsError } from '../../core/errors/ops-error.js';

/**
 * The error every decoder throws on malformed input: an `OpsError` with code `ENCODING`.
 * Messages give the format and the offset, never the input, which may be a secret.
 */
export function encodingError(message: string, cause?: unknown): OpsError {
  return new OpsError(message, { code: 'ENCODING', cause });
}
