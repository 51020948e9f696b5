import { VMTVersionWarning } from './vmt-version-warning.js';

/** An optional version requirement was not met (upstream `VMTMinimumVersionWarning`). */
export class VMTMinimumVersionWarning extends VMTVersionWarning {
  override name = 'VMTMinimumVersionWarning';
}
