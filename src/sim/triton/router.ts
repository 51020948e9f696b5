import type { Context, Hono } from 'hono';
import { md5 } from '@noble/hashes/legacy.js';
import { encodeBase64 } from '../../crypto/encoding/base64.js';
import { SimError } from '../app.js';
import type { SimContext } from '../define-sim.js';
import { authenticate, type Caller } from './auth.js';
import { activeRoles, resourceName, roleTagsOf, subuserMay } from './rbac.js';
import { compare, maxSatisfying, parseRange, parseVersion } from './semver.js';
import { throttle } from './throttle.js';
import type { SimAccount, TritonCredentials, TritonSimOptions, TritonState } from './types.js';

/** API versions the server offers (lib/app.js). */
export const SERVER_VERSIONS = ['9.0.0', '8.0.0', '7.3.0', '7.2.0', '7.1.0', '7.0.0'] as const;
const MAX_BODY = 100_000;

export type Ctx = SimContext<TritonState, TritonCredentials>;

/** Everything a route handler gets. */
export interface Req {
  c: Context;
  ctx: Ctx;
  /** Path parameters (`login` resolved to the account below). */
  params: Record<string, string>;
  /** Query and body parameters merged, body winning (restify mapParams/overrideParams). */
  input: Record<string, unknown>;
  /** The parsed JSON/form body, when there was one. */
  body: Record<string, unknown> | undefined;
  /** The account the URL names (`my` → the caller's). */
  account: SimAccount;
  caller: Caller;
  /** The version the route matched (`Api-Version`). */
  version: string;
  /** The range the client asked for. */
  range: string;
  now: number;
  /** Origin the client reached (for URLs in answers). */
  origin: string;
}

export interface RouteOptions {
  /** Lowest API version the route is mounted for (RBAC 7.2.0, fabrics 7.3.0); default every version. */
  minApi?: string;
  /** Exact versions instead (VNC is pinned to 8.4.0). */
  versions?: readonly string[];
  /** Runs before authentication (ping). */
  anonymous?: boolean;
}

type Handler = (r: Req) => Response | Promise<Response>;

/** Route registration with CloudAPI's request pipeline: versions → body → auth → throttle → account → RBAC. */
export function createRouter(app: Hono, ctx: Ctx, options: TritonSimOptions) {
  const known: { method: string; re: RegExp }[] = [];
  const skewSec = options.clockSkewSec ?? 300;

  async function readBody(c: Context): Promise<Record<string, unknown> | undefined> {
    const raw = new Uint8Array(await c.req.raw.arrayBuffer());
    if (raw.length > MAX_BODY) throw new SimError(413, 'RequestEntityTooLarge', `Request body size exceeds ${MAX_BODY}`);
    const sentMd5 = c.req.header('content-md5');
    if (sentMd5 !== undefined && encodeBase64(md5(raw)) !== sentMd5) throw new SimError(400, 'BadDigest', 'Content-MD5 did not match body');
    if (raw.length === 0) return undefined;
    const text = new TextDecoder().decode(raw);
    const type = c.req.header('content-type') ?? 'application/json';
    if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { _: parsed };
    } catch {
      throw new SimError(400, 'InvalidContent', 'Invalid JSON in request body');
    }
  }

  function negotiate(c: Context, route: RouteOptions): { version: string; range: string } {
    const range = c.req.header('accept-version') ?? c.req.header('x-api-version') ?? '*';
    const floor = parseVersion(route.minApi ?? '7.0.0')!;
    const versions = route.versions ?? SERVER_VERSIONS.filter((v) => compare(parseVersion(v)!, floor) >= 0);
    const version = parseRange(range) ? maxSatisfying(versions, range) : undefined;
    if (!version) throw new SimError(400, 'InvalidVersion', `${range} is not supported by ${c.req.method} ${new URL(c.req.url).pathname}`);
    return { version, range };
  }

  function resolveAccount(login: string, caller: Caller): SimAccount {
    if (login === 'my') return caller.account;
    const account = ctx.state.accounts.get(login);
    if (!account) throw new SimError(404, 'ResourceNotFound', `${login} does not exist`);
    if (account !== caller.account) throw new SimError(403, 'NotAuthorized', `You do not have permission to access /${login}`);
    return account;
  }

  function route(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, name: string, opts: RouteOptions, handler: Handler): void {
    known.push({ method, re: new RegExp(`^${path.replace(/:[A-Za-z_]+/g, '[^/]+')}$`) });
    const register = { GET: app.get, POST: app.post, PUT: app.put, DELETE: app.delete }[method].bind(app);
    register(path, async (c) => {
      const { version, range } = negotiate(c, opts);
      c.set('apiVersion' as never, version as never);
      const body = await readBody(c);
      const now = ctx.clock.now();
      const url = new URL(c.req.url);
      const query = Object.fromEntries(url.searchParams);
      const input = { ...query, ...(body ?? {}) };
      const params = c.req.param() as Record<string, string>;
      const base = { c, ctx, params, input, body, version, range, now, origin: url.origin };
      if (opts.anonymous) return handler({ ...base, account: undefined as never, caller: undefined as never });
      const caller = authenticate(c.req.raw, ctx.state, { now, skewSec, range });
      throttle(ctx.state, caller.user ? `${caller.account.login}/${caller.user.login}` : caller.account.login, now, options.throttle);
      const account = resolveAccount(params.login ?? 'my', caller);
      const resource = resourceName(url.pathname, account.login);
      if (caller.user) {
        // lib/auth.js authorize: an active role of the sub-user must be tagged on the resource
        // and allow the action; the account itself is always allowed.
        const active = activeRoles(account, caller.user, input['as-role']);
        if (!subuserMay(account, active, roleTagsOf(ctx.state, account, resource), name)) {
          throw new SimError(403, 'NotAuthorized', `You do not have permission to access ${url.pathname} (${name.toLowerCase()})`);
        }
      }
      const res = await handler({ ...base, account, caller });
      // lib/resources.js getRoleTags: reads name the roles tagged on what they read.
      if (method === 'GET' && res.status < 300) {
        const tags = roleTagsOf(ctx.state, account, resource);
        if (tags.length > 0) res.headers.set('role-tag', tags.join(','));
      }
      return res;
    });
  }

  /** The 404/405 answer restify gives for a path no route (or no route with this method) serves. */
  function notFound(c: Context): Response {
    const path = new URL(c.req.url).pathname;
    const other = known.filter((k) => k.re.test(path)).map((k) => k.method);
    if (other.length > 0 && !other.includes(c.req.method)) {
      throw new SimError(405, 'MethodNotAllowed', `${c.req.method} is not allowed`, { allow: [...new Set(other)].join(', ') });
    }
    throw new SimError(404, 'ResourceNotFound', `${path} does not exist`);
  }

  return { route, notFound };
}

/** Adds CloudAPI's response headers: Api-Version, Server, Request-Id, Content-MD5. */
export function responseHeaders(app: Hono, ctx: Ctx): void {
  app.use('*', async (c, next) => {
    await next();
    const version = c.get('apiVersion' as never) as string | undefined;
    if (version) c.res.headers.set('api-version', version);
    c.res.headers.set('server', 'cloudapi/9.20.0 (opskit simulator)');
    c.res.headers.set('request-id', ctx.random.uuid());
    // restify sends Date; clients compare it with audit times (node-triton waits on reboot that way).
    if (!c.res.headers.has('date')) c.res.headers.set('date', new Date(ctx.clock.now()).toUTCString());
    if (c.req.method !== 'HEAD' && c.res.body !== null && !c.res.headers.has('content-md5')) {
      const buf = new Uint8Array(await c.res.clone().arrayBuffer());
      c.res.headers.set('content-md5', encodeBase64(md5(buf)));
    }
  });
}
