import { OpsError } from '../../core/errors/ops-error.js';

/** Members added to a static group did not all end up in it (upstream 3.7.0 `VMTGroupValidationError`). */
export class VMTGroupValidationError extends OpsError {
  override name = 'VMTGroupValidationError';
  /** The uuids the server did not accept. */
  readonly invalid: readonly string[];

  constructor(invalid: readonly string[]) {
    super('Invalid UUID specified.', { code: 'VMT_GROUP_VALIDATION' });
    this.invalid = invalid;
  }
}
