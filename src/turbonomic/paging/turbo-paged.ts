import { PaginationError } from '../../core/errors/pagination-error.js';
import { Paged, type PagedOptions } from '../../core/paged.js';
import { VMTNextCursorMissingError } from '../errors/vmt-next-cursor-missing-error.js';
import { VMTPagerError } from '../errors/vmt-pager-error.js';

/** One raw page: the parsed body and the response headers. */
export interface RawPage {
  body: unknown;
  headers: Headers;
}

/** Fetches a page: `cursor` undefined for the first one. */
export type RawPageLoader = (cursor: string | undefined, signal: AbortSignal | undefined) => Promise<RawPage>;

/**
 * A Turbonomic list (protocols §5): `limit` + `cursor` requests, `x-next-cursor` /
 * `x-total-record-count` responses. Iterate it (`for await`), take `.pages()`, or `.all()`.
 * Only the current page is held. Counters follow upstream's `Pager`: `page`, `records` (items in
 * the last page), `recordsFetched`, `recordsTotal` (from page 1; -1 when the server sent none),
 * `complete`.
 *
 * Ends when `x-next-cursor` is absent. An EMPTY `x-next-cursor` ends it too, unless page 1 reported
 * a positive total and fewer records have arrived: then `VMTNextCursorMissingError` (the cursor was
 * lost or expired). A cursor the server already gave ends with `VMTPagerError`, never a loop.
 */
export class TurboPaged<T> extends Paged<T> {
  /** Records in the last page fetched (before any local filter). */
  records = 0;
  /** Records received so far (before any local filter). */
  recordsFetched = 0;
  /** Total from page 1's `x-total-record-count`; -1 when absent, 0 before the first page. */
  recordsTotal = 0;

  /**
   * @param load - fetches one raw page.
   * @param keep - local filter (upstream filters some lists client-side, e.g. by `className`).
   */
  constructor(load: RawPageLoader, keep?: (item: T) => boolean, options: PagedOptions = {}) {
    // Counters live on `this`, which does not exist before super(); the loader reaches it through `self`.
    let self: TurboPaged<T> | undefined;
    super(async (token, ctx) => {
      const me = self as TurboPaged<T>;
      const first = token === undefined;
      if (first) me.records = me.recordsFetched = me.recordsTotal = 0;
      const { body, headers } = await load(token === undefined ? undefined : String(token), ctx.signal);
      // A single object is one record (upstream counts an object's keys here).
      const raw = (Array.isArray(body) ? body : body === undefined || body === null || body === '' ? [] : [body]) as T[];
      me.records = raw.length;
      me.recordsFetched += raw.length;
      if (first) {
        const total = Number(headers.get('x-total-record-count') ?? -1);
        me.recordsTotal = Number.isFinite(total) ? total : -1;
      }
      let next: string | undefined;
      if (headers.has('x-next-cursor')) {
        const cursor = headers.get('x-next-cursor') ?? '';
        if (cursor !== '') next = cursor;
        else if (me.recordsTotal > 0 && me.recordsFetched < me.recordsTotal) {
          throw new VMTNextCursorMissingError(me.recordsFetched, me.recordsTotal);
        }
      }
      return { items: keep ? raw.filter(keep) : raw, next, total: me.recordsTotal >= 0 ? me.recordsTotal : undefined };
    }, options);
    self = this;
  }

  override async *pages(): AsyncGenerator<T[], void, undefined> {
    try {
      yield* super.pages();
    } catch (e) {
      if (e instanceof PaginationError && !(e instanceof VMTPagerError)) throw new VMTPagerError(e.message);
      throw e;
    }
  }
}
