import type { Context } from 'hono';
import { SimError } from '../app.js';
import type { TurbonomicState } from './types.js';

/** A list the simulator pages over: `read` continues from a position (which may skip non-matching items). */
export interface Source<T> {
  total(): number;
  read(pos: number, limit: number): { items: T[]; pos: number };
}

/** A source over an array already in memory. */
export function arraySource<T>(items: readonly T[]): Source<T> {
  return {
    total: () => items.length,
    read: (pos, limit) => ({ items: items.slice(pos, pos + limit), pos: Math.min(items.length, pos + limit) }),
  };
}

/**
 * A source over `size` positions, keeping those `keep` accepts and turning each into an item with
 * `make` (the lazy inventory: nothing is materialised beyond one page). `count` may be given when
 * the number of matches is known without a scan.
 */
export function indexSource<T>(size: number, make: (i: number) => T, keep?: (i: number) => boolean, count?: () => number): Source<T> {
  let total: number | undefined;
  return {
    total() {
      if (total === undefined) {
        if (count) total = count();
        else if (!keep) total = size;
        else {
          let n = 0;
          for (let i = 0; i < size; i++) if (keep(i)) n++;
          total = n;
        }
      }
      return total;
    },
    read(pos, limit) {
      const items: T[] = [];
      let i = pos;
      for (; i < size && items.length < limit; i++) if (!keep || keep(i)) items.push(make(i));
      return { items, pos: i };
    },
  };
}

/** Page-size settings. */
export interface PageSettings {
  pageSize: number;
  maxPageSize: number;
}

/**
 * Answers one page of `source` the way Turbonomic pages (protocols §5): `limit` (default
 * `pageSize`), `cursor`; `x-total-record-count` on every page and `x-next-cursor` while more
 * remain. An unknown or expired cursor answers an empty page with an EMPTY `x-next-cursor`,
 * which clients read as "cursor lost". `state.quirks` can make the server misbehave.
 */
export function pageResponse<T>(c: Context, state: TurbonomicState, source: Source<T>, settings: PageSettings): Response {
  const raw = c.req.query('limit');
  let limit = settings.pageSize;
  if (raw !== undefined) {
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(n >= 1 && n <= settings.maxPageSize)) throw new SimError(400, 'BAD_REQUEST', `limit must be an integer from 1 to ${settings.maxPageSize}`);
    limit = n;
  }
  const quirks = state.quirks;
  const total = source.total();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (quirks.totalHeader !== undefined) headers['x-total-record-count'] = quirks.totalHeader;
  else if (!quirks.omitTotal) headers['x-total-record-count'] = String(total);
  const cursor = c.req.query('cursor');
  let pos = 0;
  let seen = 0;
  if (cursor !== undefined) {
    const at = state.cursors.resolve(cursor);
    if (at === undefined) {
      if (!quirks.expiredWithoutCursor) headers['x-next-cursor'] = '';
      return new Response('[]', { status: 200, headers });
    }
    ({ pos, seen } = at);
  }
  const from = seen;
  const page = source.read(pos, limit);
  seen += page.items.length;
  if (seen < total && page.items.length > 0) {
    const misbehave = from >= (quirks.afterRecords ?? 0);
    if (misbehave && quirks.emptyCursor) headers['x-next-cursor'] = '';
    else if (misbehave && quirks.dropCursor) {
      // no header at all: the list simply looks finished
    } else if (misbehave && quirks.repeatCursor && cursor !== undefined) headers['x-next-cursor'] = cursor;
    else headers['x-next-cursor'] = state.cursors.issue({ pos: page.pos, seen });
  }
  return new Response(JSON.stringify(page.items), { status: 200, headers });
}
