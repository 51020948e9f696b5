import type { Context, Hono, Next } from 'hono';
import { SimError } from '../app.js';
import type { SimContext } from '../define-sim.js';
import type { TurbonomicCredentials, TurbonomicState } from './types.js';

type Ctx = SimContext<TurbonomicState, TurbonomicCredentials>;

/** Options of the auth routes. */
export interface AuthOptions {
  sessionTtlMs: number;
  requireHttps: boolean;
  browserCookies: boolean;
}

/** Whether this runtime lets scripts read `Set-Cookie` (false in browsers, where the guard strips it). */
export function runtimeExposesSetCookie(): boolean {
  try {
    return new Response(null, { headers: { 'set-cookie': 'probe=1' } }).headers.has('set-cookie');
  } catch {
    return false;
  }
}

// The user behind each authenticated request, for `users/me`.
const users = new WeakMap<Request, string>();

/** The user a request authenticated as. */
export function userOf(c: Context): string | undefined {
  return users.get(c.req.raw);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function basicUser(header: string | undefined, creds: TurbonomicCredentials): string | undefined {
  const m = header === undefined ? null : /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!m) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(m[1] as string), (ch) => ch.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const at = text.indexOf(':');
  return at > 0 && text.slice(0, at) === creds.username && text.slice(at + 1) === creds.password ? creds.username : undefined;
}

/**
 * `POST {base}login`: a multipart or urlencoded form with `username` and `password` (JSON is not
 * accepted, as on the real server). Success sets `JSESSIONID`; with `requireHttps`, a login over
 * http answers 301 with the https Location instead.
 */
export function loginRoute(app: Hono, base: string, ctx: Ctx, options: AuthOptions): void {
  app.post(`${base}/login`, async (c) => {
    const url = new URL(c.req.url);
    if (options.requireHttps && url.protocol === 'http:') {
      url.protocol = 'https:';
      return c.body(null, 301, { location: url.toString() });
    }
    const type = c.req.header('content-type') ?? '';
    if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) {
      throw new SimError(400, 'BAD_REQUEST', 'login expects a form with username and password');
    }
    const form = await c.req.parseBody();
    const { username, password } = form;
    if (typeof username !== 'string' || typeof password !== 'string') throw new SimError(400, 'BAD_REQUEST', 'username and password are required');
    if (username !== ctx.credentials.username || password !== ctx.credentials.password) {
      throw new SimError(401, 'UNAUTHORIZED', 'The username or password is invalid');
    }
    const id = ctx.random.hex(16).toUpperCase();
    ctx.state.sessions.set(id, { id, user: username, lastSeen: ctx.clock.now() });
    if (options.browserCookies) ctx.state.ambientSession = id;
    const user = ctx.state.users.find((u) => u.username === username);
    const { id: _id, ...dto } = user ?? { id: '', uuid: '', username };
    c.header('set-cookie', `JSESSIONID=${id}; Path=/; HttpOnly`);
    return c.json(dto);
  });
}

/** The session of a request (cookie, Basic auth or, in browser mode, the ambient one), or a 401. */
export function requireSession(ctx: Ctx, options: AuthOptions) {
  return async (c: Context, next: Next) => {
    const path = new URL(c.req.url).pathname;
    if (c.req.method === 'GET' && path.endsWith('/admin/versions')) return next();
    if (c.req.method === 'POST' && path.endsWith('/login')) return next();
    const cookie = c.req.header('cookie');
    let id = cookieValue(cookie, 'JSESSIONID');
    if (id === undefined && cookie === undefined && options.browserCookies && c.req.header('authorization') === undefined) id = ctx.state.ambientSession;
    const now = ctx.clock.now();
    const session = id === undefined ? undefined : ctx.state.sessions.get(id);
    if (session && now - session.lastSeen < options.sessionTtlMs) {
      session.lastSeen = now;
      users.set(c.req.raw, session.user);
      return next();
    }
    if (session) ctx.state.sessions.delete(session.id);
    const basic = basicUser(c.req.header('authorization'), ctx.credentials);
    if (basic !== undefined) {
      users.set(c.req.raw, basic);
      return next();
    }
    throw new SimError(401, 'UNAUTHORIZED', 'Full authentication is required to access this resource');
  };
}
