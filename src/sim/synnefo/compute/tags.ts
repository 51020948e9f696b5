import type { Hono } from 'hono';
import { attribute, empty, fault, jsonBody, reply } from '../cyclades-http.js';
import { begin } from '../cyclades-request.js';
import { ownedServer } from '../cyclades-state.js';
import type { SynnefoSimHost } from '../host.js';

function checkTag(tag: string): string {
  if (tag === '' || tag.length > 60 || /[/,]/.test(tag)) throw fault.badRequest(`Invalid tag '${tag}'`);
  return tag;
}

function render(tags: Map<string, string>): Response {
  const entries = [...tags].filter(([, s]) => s !== 'PENDDEL');
  return reply({ tags: entries.map(([t]) => t), statuses: entries.map(([, s]) => s) });
}

/**
 * Server tags. New tags are `PENDADD` until the next read of the server settles them (Cyclades
 * applies them through a backend job); the simulator makes them ACTIVE at once on the next request.
 */
export function tagRoutes(app: Hono, host: SynnefoSimHost): void {
  const settleTags = (tags: Map<string, string>) => {
    for (const [t, s] of tags) if (s === 'PENDADD') tags.set(t, 'ACTIVE');
  };
  app.get('/servers/:id{[0-9]+}/tags', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    settleTags(server.tags);
    return render(server.tags);
  });
  app.put('/servers/:id{[0-9]+}/tags', async (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const tags = attribute<unknown[]>(await jsonBody(c), 'tags', 'array')!;
    if (tags.length > 50) throw fault.badRequest('Too many tags (at most 50)');
    const next = new Map<string, string>();
    for (const t of tags) next.set(checkTag(String(t)), server.tags.get(String(t)) === 'ACTIVE' ? 'ACTIVE' : 'PENDADD');
    server.tags = next;
    server.updated = r.now;
    return render(next);
  });
  app.delete('/servers/:id{[0-9]+}/tags', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    if (server.tags.size === 0) return new Response(null, { status: 404 });
    server.tags = new Map();
    server.updated = r.now;
    return empty(204);
  });
  app.get('/servers/:id{[0-9]+}/tags/:tag', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    settleTags(server.tags);
    const status = server.tags.get(c.req.param('tag'));
    if (status === undefined) return new Response(null, { status: 404 });
    return empty(204, { 'tag-status': status });
  });
  app.put('/servers/:id{[0-9]+}/tags/:tag', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    const tag = checkTag(c.req.param('tag'));
    if (server.tags.has(tag)) return empty(204, { 'tag-status': server.tags.get(tag)! });
    if (server.tags.size >= 50) throw fault.badRequest('Too many tags (at most 50)');
    server.tags.set(tag, 'PENDADD');
    server.updated = r.now;
    return empty(201, { 'tag-status': 'PENDADD' });
  });
  app.delete('/servers/:id{[0-9]+}/tags/:tag', (c) => {
    const r = begin(host, c);
    const server = ownedServer(r.state, r.user, c.req.param('id'));
    if (!server.tags.delete(c.req.param('tag'))) return new Response(null, { status: 404 });
    server.updated = r.now;
    return empty(204);
  });
}
