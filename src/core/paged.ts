import { DryRunSignal } from './dry-run.js';
import { PaginationError } from './errors/pagination-error.js';
import { PageTokenGuard } from './page-token-guard.js';

/** Where the next page starts: a cursor, an offset or a marker. */
export type PageToken = string | number;

/** One page as a loader returns it. `next` undefined/null means this was the last page. */
export interface Page<T> {
  items: T[];
  next?: PageToken | null | undefined;
  /** Total number of items across all pages, when the server says. */
  total?: number | undefined;
}

export interface PageContext {
  /** 1-based number of the page being fetched. */
  page: number;
  signal?: AbortSignal | undefined;
}

/** Fetches the page that starts at `token` (undefined for the first page). */
export type PageLoader<T> = (token: PageToken | undefined, ctx: PageContext) => Promise<Page<T>>;

export interface PagedOptions {
  /** Token of the first page (e.g. a starting cursor or offset). */
  start?: PageToken;
  /** Stop after this many pages (no error). */
  maxPages?: number;
  signal?: AbortSignal;
}

/**
 * A lazily fetched list: `for await (const item of paged)` yields items, `.pages()` yields pages,
 * `.all()` (or `await paged`) collects. Only the current page is held, so memory stays flat however long the list.
 * A server that hands back a token it already gave ends iteration with a PaginationError instead
 * of looping forever, and so does a list that ends short of the total the server announced; both
 * after the page's items are yielded.
 */
export class Paged<T> implements AsyncIterable<T>, PromiseLike<T[]> {
  /** Pages fetched so far. */
  page = 0;
  /** Items yielded so far. */
  fetched = 0;
  /** Total reported by the server, when known. */
  total: number | undefined;
  /** True once the last page has been read and, when the server announced a total, every item arrived. */
  complete = false;
  readonly #loader: PageLoader<T>;
  readonly #options: PagedOptions;
  #awaited: Promise<T[]> | undefined;

  constructor(loader: PageLoader<T>, options: PagedOptions = {}) {
    this.#loader = loader;
    this.#options = options;
  }

  /** Pages in order. Each call starts again from the first page. */
  async *pages(): AsyncGenerator<T[], void, undefined> {
    this.page = 0;
    this.fetched = 0;
    this.complete = false;
    const seen = new PageTokenGuard();
    let token = this.#options.start;
    if (token !== undefined) seen.add(String(token));
    for (;;) {
      this.#options.signal?.throwIfAborted();
      // `let`, emptied after the yield: a suspended generator keeps the locals it set, so the page
      // would otherwise stay alive (and be copied by young-generation GCs) while the next is fetched.
      let result: Page<T> | undefined = await this.#loader(token, { page: this.page + 1, signal: this.#options.signal });
      if (!result || !Array.isArray(result.items)) throw new PaginationError(`page ${this.page + 1} has no item list`);
      this.page++;
      this.fetched += result.items.length;
      if (result.total !== undefined) this.total = result.total;
      const next = result.next;
      const stopped = this.#options.maxPages !== undefined && this.page >= this.#options.maxPages;
      const ended = next === undefined || next === null || next === '';
      // Each problem is raised after this page's items are handed over: nothing that arrived is lost.
      let problem: string | undefined;
      if (!ended && !stopped) {
        const key = String(next);
        if (seen.has(key)) problem = `the server repeated page token ${JSON.stringify(key.slice(0, 64))} after page ${this.page}; stopping instead of looping`;
        seen.add(key);
      } else if (ended && this.total !== undefined && this.fetched !== this.total) {
        problem = `the list ended after ${this.fetched} of the ${this.total} items the server announced; some were not delivered`;
      }
      if (ended && !problem) this.complete = true;
      yield result.items;
      result = undefined;
      if (problem) throw new PaginationError(problem);
      if (ended || stopped) return;
      token = next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    // Not `for await (const items of this.pages()) yield* items`, which keeps the last page alive
    // while the next is fetched; this does what that loop does: an error from pages() ends it
    // there, and leaving early (break, return, a throw at a yield) ends pages() too.
    const pages = this.pages();
    let finished = false;
    try {
      for (;;) {
        let step: IteratorResult<T[], void> | undefined;
        try {
          step = await pages.next();
        } catch (e) {
          finished = true;
          throw e;
        }
        if (step.done) {
          finished = true;
          return;
        }
        let items: T[] | undefined = step.value;
        step = undefined;
        for (let i = 0; i < items.length; i++) yield items[i] as T;
        items = undefined;
      }
    } finally {
      if (!finished) await pages.return(undefined);
    }
  }

  /**
   * Every item in one array. With a dry-run client this resolves with the first page's
   * DryRunRequest instead (typed as the list so facades keep one signature).
   */
  async all(): Promise<T[]> {
    const out: T[] = [];
    try {
      for await (const items of this.pages()) for (const item of items) out.push(item);
    } catch (e) {
      if (e instanceof DryRunSignal) return e.request as unknown as T[];
      throw e;
    }
    return out;
  }

  /**
   * `await list` gives every item, as `all()` does (a port from a Python client expects a list,
   * with `.length`): fetched once, however often it is awaited. Iterate instead to keep memory
   * flat on long lists.
   */
  then<R1 = T[], R2 = never>(onFulfilled?: ((items: T[]) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2> {
    return (this.#awaited ??= this.all()).then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T[] | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T[]> {
    return this.then().finally(onFinally);
  }

  /** The first item, fetching only as far as needed. */
  async first(): Promise<T | undefined> {
    for await (const item of this) return item;
    return undefined;
  }
}
