import { OpsError } from '../../core/errors/ops-error.js';

/**
 * Key material could not be used: wrong encoding, wrong length or unsupported type.
 * The message names the problem and never contains the key itself.
 */
export class KeyParseError extends OpsError {
  override name = 'KeyParseError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { code: 'KEY_PARSE', ...options });
  }
}
