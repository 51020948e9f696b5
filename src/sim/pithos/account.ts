import { accountOf, isOwner, now, requireOwner, type Ctx } from './context.js';
import { parseHttpDate } from './encoding.js';
import { badRequest, forbidden, preconditionFailed } from './faults.js';
import { accountListing } from './listing.js';
import { baseHeaders, accountHeaders } from './reply.js';

/** If-Modified-Since (304) and If-Unmodified-Since (412) of an account or container read. */
export function checkContainerPreconditions(ctx: Ctx, mtime: number): Response | undefined {
  const seconds = Math.floor(mtime / 1000);
  const since = parseHttpDate(ctx.req.header('if-modified-since'));
  if (since !== undefined && seconds <= Math.floor(since / 1000)) return new Response(null, { status: 304, headers: baseHeaders() });
  const unmodified = parseHttpDate(ctx.req.header('if-unmodified-since'));
  if (unmodified !== undefined && seconds > Math.floor(unmodified / 1000)) throw preconditionFailed('Resource has been modified');
  return undefined;
}

export function accountRead(ctx: Ctx): Response {
  const account = accountOf(ctx);
  const until = ctx.req.until();
  if (until !== undefined && !isOwner(ctx)) throw forbidden('Not allowed');
  const nm = checkContainerPreconditions(ctx, account.mtime);
  if (nm) return nm;
  const headers = accountHeaders(ctx, account, until);
  if (ctx.req.method === 'HEAD') return new Response(null, { status: 204, headers });
  return accountListing(ctx, account, headers);
}

/** POST: meta and groups, merged with `update`, replaced without it (S `account_update`). */
export function accountPost(ctx: Ctx): Response {
  requireOwner(ctx);
  const account = accountOf(ctx);
  const update = ctx.req.flag('update');
  const meta = ctx.req.prefixed('x-account-meta-');
  const groups = new Map<string, string[]>();
  let groupHeaders = 0;
  for (const [k] of ctx.req.headers) {
    if (!k.startsWith('x-account-group-')) continue;
    groupHeaders++;
    const name = (ctx.req.header(k) === undefined ? '' : decodeURIComponentSafe(k.slice('x-account-group-'.length))).toLowerCase();
    if (name === '' || /[-_]/.test(name)) throw badRequest('Bad group name');
    const members = (ctx.req.header(k) ?? '').replace(/ /g, '').split(',').filter(Boolean);
    for (const m of members) if (!ctx.host.findUser(m)) throw badRequest(`Bad X-Account-Group header value: unknown user ${m}`);
    groups.set(name, members);
  }
  if (groupHeaders > 32) throw badRequest('Too many groups');
  if (update) {
    for (const [k, v] of Object.entries(meta)) {
      if (v === '') delete account.meta[k];
      else account.meta[k] = v;
    }
    for (const [g, members] of groups) {
      if (members.length === 0) account.groups.delete(g);
      else account.groups.set(g, members);
    }
  } else {
    account.meta = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== ''));
    if (groupHeaders > 0) account.groups = new Map([...groups].filter(([, m]) => m.length > 0));
  }
  if (Object.keys(account.meta).length > 32) throw badRequest('Too many metadata entries');
  account.mtime = now(ctx);
  return new Response(null, { status: 202, headers: baseHeaders() });
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
