import { TurboWarning } from './turbo-warning.js';

/** A version check went ahead with a caveat: a snapshot build, or no base version (upstream `VMTVersionWarning`). */
export class VMTVersionWarning extends TurboWarning {
  override name = 'VMTVersionWarning';
}
