import type { Hono } from 'hono';
import { createSimApp } from '../app.js';
import type { SimObjectStoreView, SimStoredObject, SynnefoSimHost, SynnefoSimUser } from '../synnefo/host.js';
import { SynnefoFault } from '../synnefo/host.js';
import { accountPost, accountRead } from './account.js';
import { BlockStore } from './blocks.js';
import { containerDelete, containerPost, containerPut, containerRead } from './container.js';
import type { Ctx, PithosServiceSettings } from './context.js';
import { badRequest, itemNotFound, notAllowed } from './faults.js';
import { isoDate } from './encoding.js';
import { render } from './listing.js';
import { createPithosState, currentVersion, type PithosState } from './model.js';
import { objectCopyVerb, objectDelete, objectPost, objectPut, objectRead } from './object.js';
import { parsePithosRequest } from './request.js';
import { baseHeaders, objectHeaders } from './reply.js';
import { parseRange, rangesSatisfiable, versionBytes } from './ranges.js';
import { allowedTo } from './sharing.js';
import type { BlockHashAlgorithm } from '../../crypto/merkle/algorithms.js';

/** Settings of the object-store service. */
export interface PithosServiceOptions {
  /** `X-Container-Block-Size` (server-global; default 4 MiB). */
  blockSize?: number;
  /** `X-Container-Block-Hash` (server-global; default sha256). */
  blockHash?: BlockHashAlgorithm;
  /** PITHOS_UPDATE_MD5: the ETag is the MD5 of the data instead of the Merkle hash. Default false. */
  updateMd5?: boolean;
  /** Containers every account starts with (default `['pithos']`, the container kamaki and the web UI use). */
  defaultContainers?: readonly string[];
  /** Share one store between several services (tests); default a new one. */
  state?: PithosState;
}

/** The object-store service: a hono app (routes relative to `/object-store/v1`), its view for other services, its state. */
export interface PithosService {
  app: Hono;
  objects: SimObjectStoreView;
  state: PithosState;
}

const ALLOW: Record<string, string> = {
  account: 'HEAD, GET, POST',
  container: 'HEAD, GET, PUT, POST, DELETE',
  object: 'HEAD, GET, PUT, POST, DELETE, COPY, MOVE',
};

/**
 * The Pithos+ object-store service as the Synnefo simulator mounts it (routes relative to
 * `/object-store/v1`, i.e. `/{account}/{container}/{object}`), and the view other services get.
 */
export function createPithosService(host: SynnefoSimHost, options: PithosServiceOptions = {}): PithosService {
  const state = options.state ?? createPithosState(new BlockStore(options.blockSize ?? 4 * 1024 * 1024, options.blockHash ?? 'sha256'));
  const settings: PithosServiceSettings = { updateMd5: options.updateMd5 === true, defaultContainers: options.defaultContainers ?? ['pithos'] };
  void state.blocks.put(new Uint8Array(0));
  const app = createSimApp();
  app.all('*', async (c) => {
    try {
      return await handle(c.req.raw);
    } catch (e) {
      if (e instanceof SynnefoFault) return withBase(e.toResponse());
      throw e;
    }
  });

  function withBase(r: Response): Response {
    const h = baseHeaders();
    for (const [k, v] of h) if (!r.headers.has(k)) r.headers.set(k, v);
    return r;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const prefix = new URL(host.serviceUrl('object-store')).pathname.replace(/\/+$/, '');
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const base = `${url.origin}${prefix}`;
    for (const [, v] of request.headers) if (/[^\x00-\x7f]/.test(v)) throw badRequest('Bad character in headers.');
    const req = parsePithosRequest(request, path);
    const method = req.method;

    if (req.account === 'public' && req.container && !req.object) return publicRead(request, req.container, base);
    if (req.account === '') {
      if (method !== 'GET' && method !== 'HEAD') throw notAllowed('GET, HEAD');
      const user = request.headers.get('x-auth-user');
      const hasToken = request.headers.has('x-auth-token') || url.searchParams.has('X-Auth-Token');
      if (!hasToken && user !== null) return dummyLogin(request, url);
      const me = host.authenticate(request);
      return sharingAccounts({ host, state, req, request, user: me, base, options: settings });
    }
    const ctx: Ctx = { host, state, req, request, user: host.authenticate(request), base, options: settings };
    if (req.object !== undefined) {
      switch (method) {
        case 'HEAD':
        case 'GET':
          return objectRead(ctx);
        case 'PUT':
          return objectPut(ctx);
        case 'POST':
          return objectPost(ctx);
        case 'DELETE':
          return objectDelete(ctx);
        case 'COPY':
          return objectCopyVerb(ctx, false);
        case 'MOVE':
          return objectCopyVerb(ctx, true);
        default:
          throw notAllowed(ALLOW.object as string);
      }
    }
    if (req.container !== undefined) {
      switch (method) {
        case 'HEAD':
        case 'GET':
          return containerRead(ctx);
        case 'PUT':
          return containerPut(ctx);
        case 'POST':
          return containerPost(ctx);
        case 'DELETE':
          return containerDelete(ctx);
        default:
          throw notAllowed(ALLOW.container as string);
      }
    }
    switch (method) {
      case 'HEAD':
      case 'GET':
        return accountRead(ctx);
      case 'POST':
        return accountPost(ctx);
      default:
        throw notAllowed(ALLOW.account as string);
    }
  }

  /** Pithos's Swift-compatible dummy login (S `functions.authenticate`): the key is echoed as the token. */
  function dummyLogin(request: Request, url: URL): Response {
    const user = request.headers.get('x-auth-user');
    const key = request.headers.get('x-auth-key');
    if (!user || !key) throw badRequest('Missing X-Auth-User or X-Auth-Key header');
    const h = baseHeaders();
    h.set('X-Auth-Token', key);
    h.set('X-Storage-Url', `${url.origin}${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(user)}`);
    return new Response(null, { status: 204, headers: h });
  }

  /** `GET /` with a token: the accounts that share something with me. */
  function sharingAccounts(ctx: Ctx): Response {
    const me = ctx.user as SynnefoSimUser;
    const find = (uuid: string) => state.accounts.get(uuid);
    const marker = ctx.req.query.get('marker');
    const limitText = ctx.req.query.get('limit');
    const limit = limitText && /^\d+$/.test(limitText) && Number(limitText) > 0 ? Math.min(Number(limitText), 10000) : 10000;
    const items: Record<string, unknown>[] = [];
    for (const account of [...state.accounts.values()].sort((a, b) => (a.uuid < b.uuid ? -1 : 1))) {
      if (account.uuid === me.uuid || (marker !== null && !(account.uuid > marker))) continue;
      const shares = [...account.containers.values()].some((c) => [...c.objects.values()].some((n) => currentVersion(n) && allowedTo(c, n.name, me.uuid, find)));
      if (shares) items.push({ name: account.uuid, last_modified: isoDate(account.mtime) });
      if (items.length >= limit) break;
    }
    return render(ctx, baseHeaders(), items, 'account');
  }

  /** A published object, by its public token, without a token: only Content-*, ETag and Last-Modified. */
  function publicRead(request: Request, token: string, base: string): Response {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') throw notAllowed('GET, HEAD');
    const where = state.publics.get(token);
    const container = where && state.accounts.get(where.account)?.containers.get(where.container);
    const node = where && container?.objects.get(where.name);
    const v = currentVersion(node);
    if (!where || !container || !node || !v) throw itemNotFound('Object does not exist');
    const owner = host.findUser(where.account) as SynnefoSimUser;
    const req = parsePithosRequest(request, `/${where.account}/${where.container}/${where.name}`);
    const ctx: Ctx = { host, state, req, request, user: owner, base, options: settings };
    const full = objectHeaders(ctx, container, node, v, { includeSharing: false, includeDisposition: true });
    const h = new Headers();
    for (const k of ['etag', 'content-length', 'content-type', 'last-modified', 'content-encoding', 'content-disposition']) {
      const value = full.get(k);
      if (value !== null) h.set(k, value);
    }
    if (method === 'HEAD') return new Response(null, { status: 200, headers: h });
    const ranges = parseRange(request.headers.get('range') ?? undefined, v.bytes);
    if (ranges && ranges.length === 1) {
      if (!rangesSatisfiable(ranges, v.bytes)) throw new SynnefoFault(416, 'rangeNotSatisfiable', 'Requested range not satisfiable');
      const [o, l] = ranges[0]!;
      h.set('content-range', `bytes ${o}-${o + l - 1}/${v.bytes}`);
      h.set('content-length', String(l));
      return new Response(versionBytes(state.blocks, v, state.blocks.blockSize, o, l), { status: 206, headers: h });
    }
    return new Response(v.bytes === 0 ? null : versionBytes(state.blocks, v, state.blocks.blockSize, 0, v.bytes), { status: 200, headers: h });
  }

  const objects: SimObjectStoreView = {
    find(account, container, name): SimStoredObject | undefined {
      const v = currentVersion(state.accounts.get(account)?.containers.get(container)?.objects.get(name));
      if (!v) return undefined;
      const meta: Record<string, string> = { ...v.meta };
      return { uuid: v.uuid, bytes: v.bytes, hash: v.hash, contentType: v.contentType, meta };
    },
    setReadSharing(account, container, name, readers) {
      const node = state.accounts.get(account)?.containers.get(container)?.objects.get(name);
      if (!node) return;
      const write = node.sharing?.write ?? [];
      const read = readers.includes('*') ? ['*'] : [...new Set(readers.map((r) => r.toLowerCase()))].filter((r) => !write.includes(r));
      node.sharing = read.length || write.length ? { read, write: [...write] } : undefined;
    },
  };

  return { app, objects, state };
}
