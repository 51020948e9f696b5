import { DryRunSignal } from '../../core/dry-run.js';
import { PageTokenGuard } from '../../core/page-token-guard.js';
import { Paged, type PagedOptions } from '../../core/paged.js';
import { VMTNextCursorMissingError } from '../errors/vmt-next-cursor-missing-error.js';
import { VMTPagerError } from '../errors/vmt-pager-error.js';
import { PartialListWarning } from '../warnings/partial-list-warning.js';
import type { TurboWarning } from '../warnings/turbo-warning.js';

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

/** Options of a {@link TurboPaged}: the core's, plus what awaiting it means. */
export interface TurboPagedOptions extends PagedOptions {
  /**
   * What `await list` resolves with: `'first-page'` (default: vmt-connect returns page 1 unless
   * `fetch_all`) or `'all'` (every item, for the methods upstream forces `fetch_all` on).
   */
  awaits?: 'first-page' | 'all' | undefined;
  /** Told (never thrown) when `await` resolved with page 1 of a list that has more. */
  onWarning?: ((warning: TurboWarning) => void) | undefined;
}

const TOTAL = 'x-total-record-count';
const CURSOR = 'x-next-cursor';

/**
 * A Turbonomic list (protocols §5): `limit` + `cursor` requests, `x-next-cursor` /
 * `x-total-record-count` responses. Iterate it (`for await`), take `.pages()`, `.all()`, or
 * `await` it: like upstream's list methods it resolves with an array, page 1 unless the list was
 * made to resolve with every item (`awaits: 'all'`). Only the current page is held.
 *
 * Counters use the core `Paged` names — `page`, `fetched` (records received, before any local
 * filter), `total` (page 1's `x-total-record-count`; undefined when absent), `complete` — with
 * upstream `Pager`'s names as aliases: `recordsFetched` (= `fetched`), `recordsTotal` (= `total`,
 * -1 when the server sent none, 0 before the first page). `records` is the size of the last page;
 * `kept` counts the items handed over after a local filter (`getEntities({ type })`).
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
 * error comes from the next step of the iteration, and `complete` stays false. Awaiting page 1 of
 * a longer list tells `onWarning` (a {@link PartialListWarning}).
 *
 * A method that returns a `TurboPaged` must not be `async`: the promise machinery would await it
 * and hand back the array instead.
 */
export class TurboPaged<T> extends Paged<T> implements PromiseLike<T[]> {
  /** Records in the last page fetched (before any local filter). */
  records = 0;
  /** Items handed over so far, after the local filter (equal to `fetched` without one). */
  kept = 0;

  readonly #load: RawPageLoader;
  // Typed on unknown so that a TurboPaged<Entity> stays assignable to TurboPaged<unknown>.
  readonly #keep: ((item: unknown) => boolean) | undefined;
  readonly #options: TurboPagedOptions;
  #settled: Promise<T[]> | undefined;

  /**
   * @param load - fetches one raw page.
   * @param keep - local filter (upstream filters some lists client-side, e.g. by `className`).
   */
  constructor(load: RawPageLoader, keep?: (item: T) => boolean, options: TurboPagedOptions = {}) {
    // Paging is driven by pages() below, which checks every page against the announced total.
    super(() => Promise.reject(new VMTPagerError('TurboPaged pages through pages()')), options);
    this.#load = load;
    this.#keep = keep as ((item: unknown) => boolean) | undefined;
    this.#options = options;
  }

  /** Upstream's `records_fetched`: the same counter as `fetched`. */
  get recordsFetched(): number {
    return this.fetched;
  }

  /** Upstream's `records_total`: `total`, or -1 when page 1 announced none (0 before page 1). */
  get recordsTotal(): number {
    return this.total ?? (this.page === 0 ? 0 : -1);
  }

  /**
   * `await list`: page 1 (or every item, with `awaits: 'all'`) as an array. Settles once; a dry
   * run resolves with the request it would send. Iterating afterwards starts again from page 1.
   */
  override then<A = T[], B = never>(
    onfulfilled?: ((value: T[]) => A | PromiseLike<A>) | null | undefined,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null | undefined,
  ): Promise<A | B> {
    this.#settled ??= this.#settle();
    return this.#settled.then(onfulfilled, onrejected);
  }

  async #settle(): Promise<T[]> {
    try {
      if (this.#options.awaits === 'all') {
        const out: T[] = [];
        for await (const page of this.pages()) for (const item of page) out.push(item);
        return out;
      }
      const pages = this.pages();
      try {
        const first = await pages.next();
        const items = first.done ? [] : first.value;
        if (!this.complete) this.#options.onWarning?.(new PartialListWarning(this.fetched, this.total));
        return items;
      } finally {
        await pages.return(undefined);
      }
    } catch (e) {
      if (e instanceof DryRunSignal) return e.request as unknown as T[];
      throw e;
    }
  }

  /** Pages in order (each call starts again from page 1); see the class for how a list ends. */
  override async *pages(): AsyncGenerator<T[], void, undefined> {
    this.page = this.fetched = this.records = this.kept = 0;
    this.total = undefined;
    this.complete = false;
    const { signal, maxPages } = this.#options;
    const seen = new PageTokenGuard();
    let cursor = this.#options.start === undefined ? undefined : String(this.#options.start);
    if (cursor !== undefined) seen.add(cursor);
    for (;;) {
      signal?.throwIfAborted();
      // The page is taken apart in #take, whose frame is gone by the next await: a suspended
      // generator keeps every local it ever set, so a page held in one here would still be alive
      // (and copied by every young-generation GC, then promoted) while the next page is fetched.
      let page: { items: T[] | undefined; verdict: PageVerdict } | undefined = this.#take(await this.#load(cursor, signal), cursor, seen);
      const { verdict } = page;
      const stop = verdict.next === undefined || (maxPages !== undefined && this.page >= maxPages);
      // The items that arrived are handed over before the error that follows them.
      if ((page.items as T[]).length > 0 || !verdict.error) yield page.items as T[];
      // Drop the page before the next one is fetched.
      page = undefined;
      if (verdict.error) throw verdict.error;
      if (stop) return;
      seen.add(verdict.next as string);
      cursor = verdict.next;
    }
  }

  /** Counts one raw page and judges how the list goes on; the items are handed over in a box the caller can empty. */
  #take({ body, headers }: RawPage, cursor: string | undefined, seen: Pick<PageTokenGuard, 'has'>): { items: T[] | undefined; verdict: PageVerdict } {
    // A single object is one record (upstream counts an object's keys here).
    const raw = (Array.isArray(body) ? body : body === undefined || body === null || body === '' ? [] : [body]) as T[];
    this.page++;
    this.records = raw.length;
    this.fetched += raw.length;
    let malformed: VMTPagerError | undefined;
    if (this.page === 1) {
      const total = totalOf(headers);
      if (typeof total === 'number') this.total = total;
      else malformed = total;
    }
    const verdict = malformed ? { next: undefined, error: malformed } : this.#verdict(headers, cursor, raw.length, seen);
    const items = this.#keep ? raw.filter(this.#keep) : raw;
    this.kept += items.length;
    if (verdict.next === undefined && verdict.error === undefined) this.complete = true;
    return { items, verdict };
  }

  /** How the list goes on after a page of `count` records fetched with `cursor`. */
  #verdict(headers: Headers, cursor: string | undefined, count: number, seen: Pick<PageTokenGuard, 'has'>): PageVerdict {
    const total = this.recordsTotal;
    const fetched = this.fetched;
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

/** Page 1's `x-total-record-count`: a whole number, undefined when absent, or the error for a malformed one. */
function totalOf(headers: Headers): number | undefined | VMTPagerError {
  const text = headers.get(TOTAL);
  if (text === null) return undefined;
  const trimmed = text.trim();
  if (/^\d{1,15}$/.test(trimmed)) return Number(trimmed);
  return new VMTPagerError(`${TOTAL} is not a record count (${JSON.stringify(text.slice(0, 32))}); the list cannot be checked for completeness`);
}
