import { VMTConnectionError } from './vmt-connection-error.js';

/**
 * The server sent an empty `x-next-cursor` before all `x-total-record-count` records arrived:
 * the cursor was lost or expired (upstream `VMTNextCursorMissingError`).
 */
export class VMTNextCursorMissingError extends VMTConnectionError {
  override name = 'VMTNextCursorMissingError';
  readonly recordsFetched: number;
  readonly recordsTotal: number;

  constructor(recordsFetched: number, recordsTotal: number) {
    super(
      `Expected a follow-up cursor, none provided. Received ${recordsFetched} of ${recordsTotal} expected values.`,
      { code: 'VMT_NEXT_CURSOR_MISSING' },
    );
    this.recordsFetched = recordsFetched;
    this.recordsTotal = recordsTotal;
  }
}
