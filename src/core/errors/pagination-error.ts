import { OpsError } from './ops-error.js';

/** A paginator refused to go on: the server repeated a cursor, or a page broke the paging contract. */
export class PaginationError extends OpsError {
  static override readonly kind: string = 'opskit:PaginationError';
  override name = 'PaginationError';

  constructor(message: string) {
    super(message, { code: 'PAGINATION' });
  }
}
