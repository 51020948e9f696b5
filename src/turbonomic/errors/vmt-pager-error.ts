import { PaginationError } from '../../core/errors/pagination-error.js';

/**
 * Paging went wrong, e.g. the server handed back a cursor it had already given (upstream defines
 * `VMTPagerError` but never raises it; opskit raises it instead of looping forever). A
 * `PaginationError`, so generic opskit code catches it too.
 */
export class VMTPagerError extends PaginationError {
  override name = 'VMTPagerError';
}
