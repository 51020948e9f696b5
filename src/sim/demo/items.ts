import type { Hono } from 'hono/tiny';
import { readJson, SimError } from '../app.js';
import type { SimContext } from '../define-sim.js';
import type { DemoCredentials, DemoItem, DemoState } from './types.js';

type Ctx = SimContext<DemoState, DemoCredentials>;

/** Paging knobs the item routes need from the simulator options. */
export interface ItemRouteOptions {
  pageSize: number;
  maxPageSize: number;
  repeatCursor: boolean;
}

/** `/items` and `/items/{id}`: cursor-paged list and CRUD. */
export function itemRoutes(app: Hono, ctx: Ctx, options: ItemRouteOptions): void {
  const { items, cursors } = ctx.state;

  app.get('/items', (c) => {
    const limit = parseLimit(c.req.query('limit'), options);
    const cursor = c.req.query('cursor');
    let offset = 0;
    if (cursor !== undefined) {
      const position = cursors.resolve(cursor);
      if (position === undefined) throw new SimError(400, 'InvalidCursor', 'cursor is unknown or expired');
      offset = position;
    }
    const all = items.list();
    const page = all.slice(offset, offset + limit);
    const headers: Record<string, string> = { 'x-total-count': String(all.length) };
    if (offset + limit < all.length) {
      // The repeat mode reproduces a real server bug: it hands back the cursor it received.
      headers['x-next-cursor'] =
        options.repeatCursor && cursor !== undefined ? cursor : cursors.issue(offset + limit);
    }
    return c.json(page, 200, headers);
  });

  app.post('/items', async (c) => {
    const input = parseItemInput(await readJson(c));
    const at = iso(ctx);
    const item = items.insert({ ...input, createdAt: at, updatedAt: at });
    return c.json(item, 201, { location: `/items/${encodeURIComponent(item.id)}` });
  });

  app.get('/items/:id', (c) => c.json(mustFind(ctx, c.req.param('id'))));

  app.put('/items/:id', async (c) => {
    const existing = mustFind(ctx, c.req.param('id'));
    const input = parseItemInput(await readJson(c));
    return c.json(items.update(existing.id, { ...input, updatedAt: iso(ctx) }));
  });

  app.delete('/items/:id', (c) => {
    const existing = mustFind(ctx, c.req.param('id'));
    items.remove(existing.id);
    return c.body(null, 204);
  });
}

function mustFind(ctx: Ctx, id: string): DemoItem {
  const item = ctx.state.items.get(id);
  if (item === undefined) throw new SimError(404, 'NotFound', `item ${JSON.stringify(id)} not found`);
  return item;
}

function parseLimit(raw: string | undefined, options: ItemRouteOptions): number {
  if (raw === undefined) return options.pageSize;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= options.maxPageSize)) {
    throw new SimError(400, 'InvalidParameter', `limit must be an integer from 1 to ${options.maxPageSize}`);
  }
  return n;
}

function parseItemInput(body: unknown): Pick<DemoItem, 'name' | 'quantity' | 'tags'> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SimError(400, 'ValidationError', 'body must be a JSON object');
  }
  const { name, quantity = 0, tags = [] } = body as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    throw new SimError(400, 'ValidationError', 'name must be a non-empty string of at most 200 characters');
  }
  if (!Number.isInteger(quantity) || (quantity as number) < 0) {
    throw new SimError(400, 'ValidationError', 'quantity must be a non-negative integer');
  }
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    throw new SimError(400, 'ValidationError', 'tags must be an array of strings');
  }
  return { name, quantity: quantity as number, tags: [...(tags as string[])] };
}

function iso(ctx: Ctx): string {
  return new Date(ctx.clock.now()).toISOString();
}
