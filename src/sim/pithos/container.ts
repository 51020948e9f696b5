import { accountOf, containerOf, deleteNode, findAccount, isOwner, now, requireOwner, type Ctx } from './context.js';
import { badRequest, conflict, forbidden, itemNotFound, tooLarge } from './faults.js';
import { containerListing } from './listing.js';
import { containerBytes, containerCount, currentVersion, versionAt, type Container, type ContainerPolicy } from './model.js';
import { checkContainerPreconditions } from './account.js';
import { baseHeaders, containerHeaders } from './reply.js';
import { allowedTo } from './sharing.js';

const OCTET = 'application/octet-stream';

/** Policy headers of a PUT/POST: only quota, versioning and project exist (400 otherwise). */
function policyChanges(ctx: Ctx, update: boolean): Partial<ContainerPolicy> | undefined {
  const out: Partial<ContainerPolicy> = {};
  let any = false;
  for (const [k] of ctx.req.headers) {
    if (!k.startsWith('x-container-policy-')) continue;
    any = true;
    const key = k.slice('x-container-policy-'.length);
    const value = (ctx.req.header(k) ?? '').trim();
    if (key === 'quota') {
      if (value === '' && update) out.quota = 0;
      else if (!/^\d+$/.test(value)) throw badRequest('Invalid quota policy');
      else out.quota = Number(value);
    } else if (key === 'versioning') {
      if (value === '' && update) out.versioning = 'auto';
      else if (value !== 'auto' && value !== 'none') throw badRequest('Invalid versioning policy');
      else out.versioning = value;
    } else if (key === 'project') {
      out.project = value || undefined;
    } else throw badRequest(`Invalid policy header ${k}`);
  }
  return any ? out : undefined;
}

function mergeMeta(meta: Record<string, string>, sent: Record<string, string>): Record<string, string> {
  const out = { ...meta };
  for (const [k, v] of Object.entries(sent)) {
    if (v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

export function containerRead(ctx: Ctx): Response {
  const account = accountOf(ctx);
  const container = containerOf(ctx, ctx.req.container as string, account);
  const until = ctx.req.until();
  if (!isOwner(ctx)) {
    if (until !== undefined) throw forbidden('Not allowed');
    const visible = [...container.objects.values()].some((n) => currentVersion(n) && allowedTo(container, n.name, ctx.user.uuid, findAccount(ctx)));
    if (!visible) throw forbidden('Not allowed');
  }
  const nm = checkContainerPreconditions(ctx, until !== undefined ? until : container.mtime);
  if (nm) return nm;
  const headers = containerHeaders(ctx, container, ctx.state.blocks.blockSize, ctx.state.blocks.algorithm, until);
  if (until !== undefined) {
    let count = 0;
    let bytes = 0;
    for (const n of container.objects.values()) {
      const v = versionAt(n, until);
      if (v) {
        count++;
        bytes += v.bytes;
      }
    }
    headers.set('X-Container-Object-Count', String(count));
    headers.set('X-Container-Bytes-Used', String(bytes));
  }
  if (ctx.req.method === 'HEAD') return new Response(null, { status: 204, headers });
  return containerListing(ctx, container, headers);
}

export function containerPut(ctx: Ctx): Response {
  requireOwner(ctx);
  const account = accountOf(ctx);
  const name = ctx.req.container as string;
  const existing = account.containers.get(name);
  const policy = policyChanges(ctx, false);
  const meta = ctx.req.prefixed('x-container-meta-');
  if (existing) {
    if (policy) existing.policy = { ...existing.policy, ...policy };
    existing.meta = mergeMeta(existing.meta, meta);
    return new Response(null, { status: 202, headers: baseHeaders() });
  }
  const t = now(ctx);
  const container: Container = {
    name, ctime: t, mtime: t, meta: mergeMeta({}, meta),
    policy: { quota: 0, versioning: 'auto', project: undefined, ...policy },
    objects: new Map(),
  };
  account.containers.set(name, container);
  account.mtime = t;
  return new Response(null, { status: 201, headers: baseHeaders() });
}

export async function containerPost(ctx: Ctx): Promise<Response> {
  const account = accountOf(ctx);
  const container = containerOf(ctx, ctx.req.container as string, account);
  const type = ctx.request.headers.get('content-type');
  const length = ctx.request.headers.get('content-length');
  const store = ctx.state.blocks;
  if (type === OCTET && length !== '0') {
    // Block upload: anyone with write access to some object may upload blocks? The server requires
    // write access to the container's account; here: the owner, or a user some object is writable for.
    if (!isOwner(ctx) && ![...container.objects.values()].some((n) => allowedTo(container, n.name, ctx.user.uuid, findAccount(ctx))?.level === 'write')) {
      throw forbidden('Not allowed');
    }
    const data = new Uint8Array(await ctx.request.arrayBuffer());
    if (data.length === 0) return new Response(null, { status: 202, headers: baseHeaders() });
    if (container.policy.quota > 0 && containerBytes(container) > container.policy.quota) throw tooLarge('Quota error: container quota exceeded');
    const hashes: string[] = [];
    for (let offset = 0; offset < data.length; offset += store.blockSize) {
      hashes.push(await store.put(data.subarray(offset, Math.min(offset + store.blockSize, data.length))));
    }
    const h = baseHeaders();
    h.set('content-type', 'application/json; charset=UTF-8');
    return new Response(JSON.stringify(hashes), { status: 202, headers: h });
  }
  requireOwner(ctx);
  const update = ctx.req.flag('update');
  const policy = policyChanges(ctx, update);
  const meta = ctx.req.prefixed('x-container-meta-');
  if (policy) container.policy = update ? { ...container.policy, ...policy } : { quota: 0, versioning: 'auto', project: undefined, ...policy };
  container.meta = update ? mergeMeta(container.meta, meta) : mergeMeta({}, meta);
  container.mtime = now(ctx);
  return new Response(null, { status: 202, headers: baseHeaders() });
}

export function containerDelete(ctx: Ctx): Response {
  requireOwner(ctx);
  const account = accountOf(ctx);
  const name = ctx.req.container as string;
  const container = account.containers.get(name);
  if (!container) throw itemNotFound('Container does not exist');
  const until = ctx.req.until();
  if (until !== undefined) {
    for (const [key, node] of container.objects) {
      const latest = node.versions.at(-1);
      node.versions = node.versions.filter((v) => v === latest || v.mtime > until);
      if (latest?.deleted && latest.mtime <= until) container.objects.delete(key);
    }
    return new Response(null, { status: 204, headers: baseHeaders() });
  }
  if (ctx.req.query.has('delimiter')) {
    for (const node of container.objects.values()) deleteNode(ctx, account, container, node);
    return new Response(null, { status: 204, headers: baseHeaders() });
  }
  if (containerCount(container) > 0) throw conflict('Container is not empty');
  account.containers.delete(name);
  account.mtime = now(ctx);
  return new Response(null, { status: 204, headers: baseHeaders() });
}
