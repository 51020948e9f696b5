import { badRequest, forbidden } from './faults.js';
import { findAccount, isOwner, type Ctx } from './context.js';
import { isoDate } from './encoding.js';
import { containerBytes, containerCount, versionAt, type Account, type Container, type ObjectNode, type ObjectVersion } from './model.js';
import { objectListItem } from './reply.js';
import { allowedTo } from './sharing.js';

export const LIST_LIMIT = 10000;

/** `limit` as the server reads it: an integer in 1..10000, anything else the default. */
export function listLimit(value: string | null): number {
  if (value === null || !/^\d+$/.test(value)) return LIST_LIMIT;
  const n = Number(value);
  return n <= 0 || n > LIST_LIMIT ? LIST_LIMIT : n;
}

type MetaTest = (meta: Readonly<Record<string, string>>) => boolean;

/** The `meta` filter: comma list of `key`, `!key`, `key<op>value`. */
export function parseMetaFilter(text: string): MetaTest[] {
  const tests: MetaTest[] = [];
  for (const raw of text.split(',')) {
    const term = raw.trim();
    if (!term) continue;
    const m = /^(.+?)(!=|<=|>=|=|<|>)(.*)$/.exec(term);
    const find = (meta: Readonly<Record<string, string>>, key: string) => {
      const k = Object.keys(meta).find((x) => x.toLowerCase() === key.trim().toLowerCase());
      return k === undefined ? undefined : meta[k];
    };
    if (!m) {
      if (term.startsWith('!')) tests.push((meta) => find(meta, term.slice(1)) === undefined);
      else tests.push((meta) => find(meta, term) !== undefined);
      continue;
    }
    const [, key, op, value] = m as unknown as [string, string, string, string];
    tests.push((meta) => {
      const v = find(meta, key);
      if (v === undefined) return false;
      switch (op) {
        case '=': return v === value;
        case '!=': return v !== value;
        case '<': return v < value;
        case '>': return v > value;
        case '<=': return v <= value;
        default: return v >= value;
      }
    });
  }
  return tests;
}

type Entry = { name: string; node?: ObjectNode; version?: ObjectVersion; subdir?: boolean };

/** Object listing entries of a container, after every filter of S `object_list`, before limit/marker. */
function listEntries(ctx: Ctx, container: Container): Entry[] {
  const q = ctx.req.query;
  const until = ctx.req.until();
  let prefix = q.get('prefix') ?? '';
  let delimiter = q.get('delimiter') ?? undefined;
  const path = q.get('path');
  let subdirs = true;
  if (path !== null) {
    prefix = path === '' || path.endsWith('/') ? path : `${path}/`;
    delimiter = '/';
    subdirs = false;
  }
  prefix = prefix.replace(/^\/+/, '');
  if (delimiter && prefix && !prefix.endsWith(delimiter)) prefix += delimiter;
  const shared = ctx.req.flag('shared');
  const publicOnly = ctx.req.flag('public');
  const metaTests = q.has('meta') ? parseMetaFilter(q.get('meta') ?? '') : [];
  const owner = isOwner(ctx);
  const accounts = findAccount(ctx);

  const objects = new Map<string, Entry>();
  const dirs = new Set<string>();
  for (const node of container.objects.values()) {
    if (!node.name.startsWith(prefix)) continue;
    const v = versionAt(node, until);
    if (!v) continue;
    if (!owner && !allowedTo(container, node.name, ctx.user.uuid, accounts)) continue;
    if (shared && !node.sharing) continue;
    if (publicOnly && !node.publicToken) continue;
    if (metaTests.length && !metaTests.every((t) => t(v.meta))) continue;
    const rest = node.name.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    if (delimiter && cut >= 0 && cut < rest.length - delimiter.length) {
      if (subdirs) dirs.add(prefix + rest.slice(0, cut + delimiter.length));
      continue;
    }
    if (delimiter && cut >= 0 && !subdirs) continue;
    if (delimiter && cut >= 0) dirs.add(node.name);
    objects.set(node.name, { name: node.name, node, version: v });
  }
  for (const d of dirs) if (!objects.has(d)) objects.set(d, { name: d, subdir: true });
  return [...objects.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Container GET: JSON (also when empty), XML, or text (204 when empty). */
export function containerListing(ctx: Ctx, container: Container, headers: Headers): Response {
  if (ctx.req.flag('public') && !isOwner(ctx)) throw forbidden('Not allowed');
  if (ctx.req.until() !== undefined && !isOwner(ctx)) throw forbidden('Not allowed');
  const marker = ctx.req.query.get('marker');
  const limit = listLimit(ctx.req.query.get('limit'));
  const entries = listEntries(ctx, container).filter((e) => marker === null || e.name > marker).slice(0, limit);
  const until = ctx.req.until();
  return render(ctx, headers, entries.map((e) => (e.subdir ? { subdir: e.name } : objectListItem(ctx, container, e.node!, e.version!, until))), 'object');
}

/** Account GET: the containers, with the user's rights applied. */
export function accountListing(ctx: Ctx, account: Account, headers: Headers): Response {
  if (ctx.req.flag('public') && !isOwner(ctx)) throw forbidden('Not allowed');
  const until = ctx.req.until();
  const marker = ctx.req.query.get('marker');
  const limit = listLimit(ctx.req.query.get('limit'));
  const shared = ctx.req.flag('shared');
  const publicOnly = ctx.req.flag('public');
  const owner = isOwner(ctx);
  const accounts = findAccount(ctx);
  const items: Record<string, unknown>[] = [];
  for (const c of [...account.containers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (marker !== null && !(c.name > marker)) continue;
    if (until !== undefined && c.ctime > until) continue;
    const nodes = [...c.objects.values()].filter((n) => versionAt(n, until));
    if (!owner && !nodes.some((n) => allowedTo(c, n.name, ctx.user.uuid, accounts))) continue;
    if (shared && !nodes.some((n) => n.sharing)) continue;
    if (publicOnly && !nodes.some((n) => n.publicToken)) continue;
    const item: Record<string, unknown> = { name: c.name, count: containerCount(c), bytes: containerBytes(c), last_modified: isoDate(c.mtime) };
    if (owner) {
      item.x_container_policy = { quota: c.policy.quota, versioning: c.policy.versioning, ...(c.policy.project ? { project: c.policy.project } : {}) };
    }
    if (until !== undefined) item.x_container_until_timestamp = until / 1000;
    items.push(item);
    if (items.length >= limit) break;
  }
  return render(ctx, headers, items, 'container');
}

/** JSON / XML / text rendering of a listing; `format` wins over a `.json`/`.xml` path and `Accept`. */
export function render(ctx: Ctx, headers: Headers, items: Record<string, unknown>[], kind: 'object' | 'container' | 'account'): Response {
  const format = serialization(ctx);
  if (format === 'json') {
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify(items), { status: 200, headers });
  }
  if (format === 'xml') {
    headers.set('content-type', 'application/xml; charset=utf-8');
    const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = items
      .map((i) => (i.subdir !== undefined ? `<subdir name="${esc(i.subdir)}"><name>${esc(i.subdir)}</name></subdir>` : `<${kind}>${Object.entries(i).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('')}</${kind}>`))
      .join('');
    return new Response(`<?xml version="1.0" encoding="UTF-8"?><${kind === 'object' ? 'container' : 'account'} name="${esc(ctx.req.container ?? ctx.req.account)}">${body}</${kind === 'object' ? 'container' : 'account'}>`, { status: 200, headers });
  }
  if (items.length === 0) return new Response(null, { status: 204, headers });
  headers.set('content-type', 'text/plain; charset=utf-8');
  return new Response(items.map((i) => `${String(i.subdir ?? i.name)}\n`).join(''), { status: 200, headers });
}

/** S `get_serialization`: `format`, then a `.json`/`.xml` path, then `Accept`, else text. */
export function serialization(ctx: Ctx): 'json' | 'xml' | 'text' {
  const f = ctx.req.query.get('format');
  if (f === 'json' || f === 'xml') return f;
  if (f !== null && f !== '' && f !== 'text' && f !== 'plain') throw badRequest(`Unsupported format ${f}`);
  const path = ctx.req.url.pathname;
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.xml')) return 'xml';
  const accept = ctx.req.headers.get('accept') ?? '';
  if (accept.includes('application/json')) return 'json';
  if (accept.includes('application/xml')) return 'xml';
  return 'text';
}
