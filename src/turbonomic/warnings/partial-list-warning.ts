import { TurboWarning } from './turbo-warning.js';

/**
 * `await list` resolved with page 1 of a list that has more pages (vmt-connect's default without
 * `fetch_all`, which it does silently). Iterate the list, or pass `fetchAll: true`, for every item.
 * An opskit addition: the truncation upstream keeps is at least reported.
 */
export class PartialListWarning extends TurboWarning {
  override name = 'PartialListWarning';
  /** Records in the page the `await` resolved with. */
  readonly received: number;
  /** The total page 1 announced (`x-total-record-count`), when it announced one. */
  readonly total: number | undefined;

  constructor(received: number, total: number | undefined) {
    super(
      `resolved with page 1 only (${received}${total === undefined ? '' : ` of ${total}`} records); ` +
        'iterate the list (for await) or pass fetchAll: true for every item',
    );
    this.received = received;
    this.total = total;
  }
}
