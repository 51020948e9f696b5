import { VMTConnectionError } from './vmt-connection-error.js';

/**
 * A list ended before every record arrived (upstream `VMTNextCursorMissingError`): the server
 * dropped `x-next-cursor` or sent an empty one before the `x-total-record-count` records came,
 * or answered a cursor with an empty page because the cursor expired or was lost.
 * `recordsTotal` is -1 when the server announced no total.
 */
export class VMTNextCursorMissingError extends VMTConnectionError {
  override name = 'VMTNextCursorMissingError';
  readonly recordsFetched: number;
  readonly recordsTotal: number;

  constructor(recordsFetched: number, recordsTotal: number) {
    super(
      recordsTotal >= 0
        ? `Expected a follow-up cursor, none provided. Received ${recordsFetched} of ${recordsTotal} expected values.`
        : `The server answered a cursor with an empty page (the cursor expired or was lost). Received ${recordsFetched} values; the server announced no total.`,
      { code: 'VMT_NEXT_CURSOR_MISSING' },
    );
    this.recordsFetched = recordsFetched;
    this.recordsTotal = recordsTotal;
  }
}
