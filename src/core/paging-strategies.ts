import { PaginationError } from './errors/pagination-error.js';
import type { Page, PageContext, PageLoader } from './paged.js';

/**
 * Cursor paging: the server returns the next cursor (body or header); no cursor means done.
 * `fetch` returns items plus the next cursor as-is.
 */
export function cursorPaging<T>(fetch: (cursor: string | undefined, ctx: PageContext) => Promise<Page<T>>): PageLoader<T> {
  return (token, ctx) => fetch(token === undefined ? undefined : String(token), ctx);
}

/**
 * Offset/limit paging: the next offset is this offset plus the items received. A short or empty
 * page, or reaching the reported total, ends the list.
 */
export function offsetPaging<T>(options: {
  limit: number;
  fetch: (offset: number, limit: number, ctx: PageContext) => Promise<{ items: T[]; total?: number | undefined }>;
}): PageLoader<T> {
  const { limit } = options;
  if (!(limit > 0)) throw new PaginationError(`offset paging needs a positive limit, got ${limit}`);
  return async (token, ctx) => {
    const offset = token === undefined ? 0 : Number(token);
    const { items, total } = await options.fetch(offset, limit, ctx);
    const end = offset + items.length;
    const more = items.length > 0 && items.length >= limit && (total === undefined || end < total);
    return { items, total, next: more ? end : undefined };
  };
}

/**
 * Marker paging (OpenStack/Swift style): the next request starts after the last item's marker.
 * A page shorter than the limit ends the list.
 */
export function markerPaging<T>(options: {
  limit: number;
  marker: (item: T) => string;
  fetch: (marker: string | undefined, limit: number, ctx: PageContext) => Promise<{ items: T[]; total?: number | undefined }>;
}): PageLoader<T> {
  const { limit } = options;
  if (!(limit > 0)) throw new PaginationError(`marker paging needs a positive limit, got ${limit}`);
  return async (token, ctx) => {
    const { items, total } = await options.fetch(token === undefined ? undefined : String(token), limit, ctx);
    const last = items[items.length - 1];
    const more = last !== undefined && items.length >= limit;
    return { items, total, next: more ? options.marker(last) : undefined };
  };
}
