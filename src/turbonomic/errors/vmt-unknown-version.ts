import { OpsError } from '../../core/errors/ops-error.js';

/** The version could not be determined: no base path answered, or an unknown product version (upstream `VMTUnknownVersion`). */
export class VMTUnknownVersion extends OpsError {
  override name = 'VMTUnknownVersion';

  constructor(message = 'Unable to determine version', options?: { cause?: unknown }) {
    super(message, { code: 'VMT_UNKNOWN_VERSION', cause: options?.cause });
  }
}
