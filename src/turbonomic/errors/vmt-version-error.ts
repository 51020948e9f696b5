import { OpsError } from '../../core/errors/ops-error.js';

/** The server's version is not accepted (upstream `VMTVersionError`). */
export class VMTVersionError extends OpsError {
  override name = 'VMTVersionError';

  constructor(message = 'Your version of Turbonomic does not meet the minimum required version for this program to run.') {
    super(message, { code: 'VMT_VERSION' });
  }
}
