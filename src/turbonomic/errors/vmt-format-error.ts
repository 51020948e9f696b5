import { OpsError } from '../../core/errors/ops-error.js';

/** An argument has the wrong shape, e.g. a version list that is not a list (upstream `VMTFormatError`). */
export class VMTFormatError extends OpsError {
  override name = 'VMTFormatError';

  constructor(message = 'Invalid input format') {
    super(message, { code: 'VMT_FORMAT' });
  }
}
