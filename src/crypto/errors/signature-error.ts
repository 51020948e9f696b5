import { OpsError } from '../../core/errors/ops-error.js';

/** A signature could not be produced or did not verify. The message never contains key material. */
export class SignatureError extends OpsError {
  override name = 'SignatureError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { code: 'SIGNATURE', ...options });
  }
}
