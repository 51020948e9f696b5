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

/** What one page says about the rest of the list. */
interface PageVerdict {
  /** The cursor of the next page; undefined when the list ends here. */
  next: string | undefined;
  /** Thrown after the page's items were handed over: the list ended before it was whole. */
  error?: Error | undefined;
}

const TOTAL = 'x-total-record-count';
const CURSOR = 'x-next-cursor';

/**
 * A Turbonomic list (protocols §5): `limit` + `cursor` requests, `x-next-cursor` /
 * `x-total-record-count` responses. Iterate it (`for await`), take `.pages()`, or `.all()`.
 * Only the current page is held. Counters follow upstream's `Pager`: `page`, `records` (items in
 * the last page), `recordsFetched`, `recordsTotal` (from page 1; -1 when the server sent none),
 * `complete`.
 *
 * Nothing is lost silently (unlike upstream, which ends quietly on a dropped cursor):
 * - The list ends when a page has no (or an empty) `x-next-cursor`. It is `complete` only if
 *   page 1 announced no total, or exactly that many records arrived.
 * - Fewer records than announced: `VMTNextCursorMissingError` (the cursor was dropped, lost or
 *   expired); more than announced, or a malformed total: `VMTPagerError`.
 * - An empty page answered to a cursor request is a lost cursor (`VMTNextCursorMissingError`),
 *   unless every announced record has already arrived.
 * - A cursor the server already gave: `VMTPagerError`, never a loop.
 * In every case the items of the page that revealed the problem are handed over first; the
 * error comes from the next step of the iteration, and `complete` stays false.
 */
export class TurboPaged<T> extends Paged<T> {
  /** Records in the last page fetched (before any local filter). */
  records = 0;
  /** Records received so far (before any local filter). */
  recordsFetched = 0;
  /** Total from page 1's `x-total-record-count`; -1 when absent, 0 before the first page. */
  recordsTotal = 0;

  readonly #load: RawPageLoader;
  // Typed on unknown so that a TurboPaged<Entity> stays assignable to TurboPaged<unknown>.
  readonly #keep: ((item: unknown) => boolean) | undefined;
  readonly #options: PagedOptions;

  /**
   * @param load - fetches one raw page.
   * @param keep - local filter (upstream filters some lists client-side, e.g. by `className`).
   */
  constructor(load: RawPageLoader, keep?: (item: T) => boolean, options: PagedOptions = {}) {
    // Paging is driven by pages() below, which checks every page against the announced total.
    super(() => Promise.reject(new VMTPagerError('TurboPaged pages through pages()')), options);
    this.#load = load;
    this.#keep = keep as ((item: unknown) => boolean) | undefined;
    this.#options = options;
  }

  /** Pages in order (each call starts again from page 1); see the class for how a list ends. */
  override async *pages(): AsyncGenerator<T[], void, undefined> {
    this.page = this.fetched = this.records = this.recordsFetched = this.recordsTotal = 0;
    this.total = undefined;
    this.complete = false;
    const { signal, maxPages } = this.#options;
    const seen = new Set<string>();
    let cursor = this.#options.start === undefined ? undefined : String(this.#options.start);
    if (cursor !== undefined) seen.add(cursor);
    for (;;) {
      signal?.throwIfAborted();
      const { body, headers } = await this.#load(cursor, signal);
      // A single object is one record (upstream counts an object's keys here).
      const raw = (Array.isArray(body) ? body : body === undefined || body === null || body === '' ? [] : [body]) as T[];
      this.page++;
      this.records = raw.length;
      this.recordsFetched += raw.length;
      let malformed: VMTPagerError | undefined;
      if (this.page === 1) {
        const total = totalOf(headers);
        if (typeof total === 'number') this.recordsTotal = total;
        else [this.recordsTotal, malformed] = [-1, total];
        if (this.recordsTotal >= 0) this.total = this.recordsTotal;
      }
      const verdict = malformed ? { next: undefined, error: malformed } : this.#verdict(headers, cursor, raw.length, seen);
      const items = this.#keep ? raw.filter(this.#keep) : raw;
      this.fetched += items.length;
      const stop = verdict.next === undefined || (maxPages !== undefined && this.page >= maxPages);
      if (verdict.next === undefined && verdict.error === undefined) this.complete = true;
      // The items that arrived are handed over before the error that follows them.
      if (items.length > 0 || !verdict.error) yield items;
      if (verdict.error) throw verdict.error;
      if (stop) return;
      seen.add(verdict.next as string);
      cursor = verdict.next;
    }
  }

  /** How the list goes on after a page of `count` records fetched with `cursor`. */
  #verdict(headers: Headers, cursor: string | undefined, count: number, seen: ReadonlySet<string>): PageVerdict {
    const total = this.recordsTotal;
    const fetched = this.recordsFetched;
    if (total >= 0 && fetched > total) {
      return { next: undefined, error: new VMTPagerError(`received ${fetched} records, more than the ${total} announced by ${TOTAL} on page 1; the list changed or the server pages wrongly`) };
    }
    const next = headers.get(CURSOR) ?? '';
    const whole = total >= 0 && fetched === total;
    if (cursor !== undefined && count === 0 && !whole) {
      // The answer to a cursor that expired or was lost: an empty page, whatever the headers say.
      return { next: undefined, error: new VMTNextCursorMissingError(fetched, total) };
    }
    if (next === '') {
      return total >= 0 && !whole ? { next: undefined, error: new VMTNextCursorMissingError(fetched, total) } : { next: undefined };
    }
    if (seen.has(next)) {
      return {
        next: undefined,
        error: new VMTPagerError(`the server repeated cursor ${JSON.stringify(next.slice(0, 64))} after page ${this.page}; stopping instead of looping (${fetched} records received)`),
      };
    }
    return { next };
  }
}

/** Page 1's `x-total-record-count`: a whole number, -1 when absent, or the error for a malformed one. */
function totalOf(headers: Headers): number | VMTPagerError {
  const text = headers.get(TOTAL);
  if (text === null) return -1;
  const trimmed = text.trim();
  if (/^\d{1,15}$/.test(trimmed)) return Number(trimmed);
  return new VMTPagerError(`${TOTAL} is not a record count (${JSON.stringify(text.slice(0, 32))}); the list cannot be checked for completeness`);
}
