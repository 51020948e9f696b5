import { allowedTo, effectiveSharing, formatSharing } from './sharing.js';
import { epochDecimal, httpDate, isoDate, pyQuote, quoteHeaderValue } from './encoding.js';
import { findAccount, isOwner, type Ctx } from './context.js';
import { containerBytes, containerCount, type Account, type Container, type ObjectNode, type ObjectVersion } from './model.js';

/** Headers every Pithos reply carries. */
export function baseHeaders(): Headers {
  return new Headers({ 'cache-control': 'no-cache, no-store, must-revalidate', vary: 'X-Auth-Token' });
}

/** Sets a header the way the server does: values of X-Account-/X-Container-/X-Object-/Content- quoted. */
export function setQuoted(h: Headers, name: string, value: string): void {
  const lower = name.toLowerCase();
  const quote = /^(x-account-|x-container-|x-object-|content-)/.test(lower);
  h.set(name, quote ? quoteHeaderValue(value) : value);
}

/** A meta header: the key after the prefix is url-quoted too. */
export function setMeta(h: Headers, prefix: string, key: string, value: string): void {
  h.set(`${prefix}${pyQuote(key, '')}`, quoteHeaderValue(value));
}

export function accountHeaders(ctx: Ctx, account: Account, until: number | undefined): Headers {
  const h = baseHeaders();
  let count = 0;
  let bytes = 0;
  for (const c of account.containers.values()) {
    if (until !== undefined && c.ctime > until) continue;
    count++;
    bytes += containerBytes(c);
  }
  h.set('X-Account-Container-Count', String(count));
  h.set('X-Account-Bytes-Used', String(bytes));
  h.set('Last-Modified', httpDate(account.mtime));
  if (until !== undefined) h.set('X-Account-Until-Timestamp', httpDate(until));
  if (isOwner(ctx)) {
    for (const [g, members] of account.groups) setMeta(h, 'X-Account-Group-', g, members.join(','));
    for (const [k, v] of Object.entries(account.meta)) setMeta(h, 'X-Account-Meta-', k, v);
    const quota = ctx.host.findUser(account.uuid) ? accountQuota(ctx) : undefined;
    if (quota !== undefined) h.set('X-Account-Policy-Quota', String(quota));
  }
  return h;
}

function accountQuota(ctx: Ctx): number | undefined {
  return (ctx.host as { pithosQuota?: (uuid: string) => number | undefined }).pithosQuota?.(ctx.req.account);
}

export function containerHeaders(ctx: Ctx, container: Container, blockSize: number, algorithm: string, until: number | undefined): Headers {
  const h = baseHeaders();
  h.set('X-Container-Object-Count', String(containerCount(container)));
  h.set('X-Container-Bytes-Used', String(containerBytes(container)));
  h.set('X-Container-Block-Size', String(blockSize));
  h.set('X-Container-Block-Hash', algorithm);
  h.set('Last-Modified', httpDate(container.mtime));
  if (until !== undefined) h.set('X-Container-Until-Timestamp', httpDate(until));
  const metaKeys = new Set<string>();
  for (const node of container.objects.values()) for (const k of Object.keys(node.versions.at(-1)?.meta ?? {})) metaKeys.add(k);
  if (metaKeys.size) setQuoted(h, 'X-Container-Object-Meta', [...metaKeys].sort().join(','));
  if (isOwner(ctx)) {
    h.set('X-Container-Policy-Quota', String(container.policy.quota));
    h.set('X-Container-Policy-Versioning', container.policy.versioning);
    if (container.policy.project) h.set('X-Container-Policy-Project', container.policy.project);
    for (const [k, v] of Object.entries(container.meta)) setMeta(h, 'X-Container-Meta-', k, v);
  }
  return h;
}

/** `inline; filename="<name>"` unless the object has its own Content-Disposition. */
function disposition(v: ObjectVersion, name: string, type: string | null): string {
  if (v.contentDisposition) return v.contentDisposition;
  const file = name.split('/').filter(Boolean).at(-1) ?? name;
  return `${type === 'attachment' ? 'attachment' : 'inline'}; filename="${file}"`;
}

export interface ObjectHeaderOptions {
  /** Sharing headers are sent only when no version was asked for. */
  includeSharing: boolean;
  /** Data replies carry Content-Disposition. */
  includeDisposition?: boolean;
  etag?: string;
  contentLength?: number;
}

export function objectHeaders(ctx: Ctx, container: Container, node: ObjectNode, v: ObjectVersion, o: ObjectHeaderOptions): Headers {
  const h = baseHeaders();
  h.set('ETag', o.etag ?? (ctx.options.updateMd5 && v.checksum ? v.checksum : v.hash));
  h.set('Content-Length', String(o.contentLength ?? v.bytes));
  setQuoted(h, 'Content-Type', v.contentType);
  h.set('Last-Modified', httpDate(v.mtime));
  h.set('Available', 'True');
  h.set('X-Object-Hash', v.hash);
  h.set('X-Object-UUID', v.uuid);
  h.set('X-Object-Version', String(v.id));
  h.set('X-Object-Version-Timestamp', httpDate(v.mtime));
  h.set('X-Object-Modified-By', v.modifiedBy);
  for (const [k, val] of Object.entries(v.meta)) setMeta(h, 'X-Object-Meta-', k, val);
  if (v.contentEncoding) setQuoted(h, 'Content-Encoding', v.contentEncoding);
  if (o.includeDisposition || v.contentDisposition) setQuoted(h, 'Content-Disposition', disposition(v, node.name, ctx.req.query.get('disposition-type')));
  if (v.manifest) setQuoted(h, 'X-Object-Manifest', v.manifest);
  if (o.includeSharing) {
    const owner = isOwner(ctx);
    if (owner && node.sharing) setQuoted(h, 'X-Object-Sharing', formatSharing(node.sharing));
    const allowed = owner ? undefined : allowedTo(container, node.name, ctx.user.uuid, findAccount(ctx));
    if (allowed) {
      setQuoted(h, 'X-Object-Allowed-To', allowed.level);
      setQuoted(h, 'X-Object-Shared-By', `${ctx.req.account}/${container.name}/${allowed.path}`);
    } else if (owner) {
      const inherited = inheritedPath(container, node);
      if (inherited) setQuoted(h, 'X-Object-Shared-By', `${ctx.req.account}/${container.name}/${inherited}`);
    }
    if (owner && node.publicToken) setQuoted(h, 'X-Object-Public', `${ctx.base}/public/${node.publicToken}`);
  }
  return h;
}

function inheritedPath(container: Container, node: ObjectNode): string | undefined {
  if (node.sharing) return undefined;
  // Reuse the same rule as access checks: the nearest directory object with sharing.
  return allowedPathOf(container, node.name);
}

function allowedPathOf(container: Container, name: string): string | undefined {
  const eff = effectiveSharing(container, name);
  return eff && eff.path !== name ? eff.path : undefined;
}

/** One JSON listing item of an object (S `object_list`), user meta never included. */
export function objectListItem(ctx: Ctx, container: Container, node: ObjectNode, v: ObjectVersion, until: number | undefined): Record<string, unknown> {
  const item: Record<string, unknown> = {
    name: node.name,
    bytes: v.bytes,
    hash: v.checksum,
    x_object_hash: v.hash,
    content_type: v.contentType,
    x_object_uuid: v.uuid,
    x_object_version: v.id,
    x_object_version_timestamp: epochDecimal(v.mtime),
    x_object_modified_by: v.modifiedBy,
  };
  if (until === undefined) item.last_modified = isoDate(v.mtime);
  const owner = isOwner(ctx);
  if (owner && node.sharing) item.x_object_sharing = formatSharing(node.sharing);
  if (!owner) {
    const allowed = allowedTo(container, node.name, ctx.user.uuid, findAccount(ctx));
    if (allowed) {
      item.x_object_allowed_to = allowed.level;
      item.x_object_shared_by = `${ctx.req.account}/${container.name}/${allowed.path}`;
    }
  }
  if (owner && node.publicToken) item.x_object_public = `${ctx.base}/public/${node.publicToken}`;
  return item;
}
