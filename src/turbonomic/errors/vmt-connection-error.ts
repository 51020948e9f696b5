import { OpsError } from '../../core/errors/ops-error.js';

/**
 * The connection could not be made or used (upstream `VMTConnectionError`): missing credentials,
 * or a network failure (the original `NetworkError` is the `cause`).
 */
export class VMTConnectionError extends OpsError {
  override name = 'VMTConnectionError';

  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, { code: options?.code ?? 'VMT_CONNECTION', cause: options?.cause });
  }
}
