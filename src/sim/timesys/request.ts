import type { Context } from 'hono';
import type { Hono } from 'hono/tiny';
import { equalBytes } from '../../crypto/bytes/equal-bytes.js';
import { encodeUtf8 } from '../../crypto/encoding/utf8.js';
import { SimError } from '../app.js';
import { expectedSignature } from './signature.js';
import type { TimesysState, TimesysUser } from './types.js';

/** The signed request as a route sees it: who sent it and every parameter (repeated keys kept). */
export interface LlapiRequest {
  user: TimesysUser;
  params: Map<string, string[]>;
  /** `scheme://host` the client used, for `report_path` links. */
  origin: string;
}

const requests = new WeakMap<Request, LlapiRequest>();

/** The verified request behind a route's context. */
export function llapi(c: Context): LlapiRequest {
  const r = requests.get(c.req.raw);
  if (!r) throw new SimError(500, 'InternalError', 'request was not authenticated');
  return r;
}

/**
 * Authenticates every `/api/v1/vigiles/*` request the way the server does: parameters from the form
 * body for POST and from the query for every other method (a body there is not read), `email` names
 * the user, and `X-Auth-Signature` must equal the HMAC of what arrived. Unknown users and bad
 * signatures are 403.
 */
export function requireSignature(app: Hono, state: TimesysState): void {
  app.use('/api/v1/vigiles/*', async (c, next) => {
    const url = new URL(c.req.url);
    let text = url.search.slice(1);
    if (c.req.method === 'POST') {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      text = await c.req.text();
      if (text !== '' && !type.startsWith('application/x-www-form-urlencoded')) {
        throw new SimError(400, 'BadRequest', 'Expected application/x-www-form-urlencoded data');
      }
    }
    const pairs = [...new URLSearchParams(text)];
    const params = new Map<string, string[]>();
    for (const [k, v] of pairs) params.set(k, [...(params.get(k) ?? []), v]);
    const email = params.get('email')?.at(-1);
    const user = email === undefined ? undefined : state.users.get(email);
    if (!user) throw new SimError(403, 'Forbidden', 'Invalid credentials: unknown or missing email');
    let rawPath = url.pathname;
    try {
      rawPath = decodeURIComponent(rawPath);
    } catch {
      // A malformed escape cannot match any signature; compare the path as received.
    }
    const { signature } = expectedSignature(user.key, c.req.method, rawPath, pairs);
    const given = c.req.header('x-auth-signature') ?? '';
    if (!equalBytes(encodeUtf8(given), encodeUtf8(signature))) throw new SimError(403, 'Forbidden', 'Invalid credentials: signature mismatch');
    requests.set(c.req.raw, { user, params, origin: url.origin });
    await next();
  });
}

/** Typed access to a request's parameters, failing with 400 like the server. */
export class Params {
  constructor(private readonly map: Map<string, string[]>) {}

  /** The last value of `name`, or undefined. */
  get(name: string): string | undefined {
    return this.map.get(name)?.at(-1);
  }

  /** Every value of a repeated key, in order. */
  all(name: string): string[] {
    return this.map.get(name) ?? [];
  }

  /** A value that must be present and non-empty. */
  need(name: string): string {
    const v = this.get(name);
    if (v === undefined || v === '') throw new SimError(400, 'BadRequest', `Missing required parameter: ${name}`);
    return v;
  }

  /** A Python bool: `True` / `False` only (lower-case `true` is a client bug the server rejects). */
  bool(name: string, fallback = false): boolean {
    const v = this.get(name);
    if (v === undefined) return fallback;
    if (v === 'True') return true;
    if (v === 'False') return false;
    throw new SimError(400, 'BadRequest', `Invalid value for ${name}: expected True or False`);
  }

  /** `on` / `off`, or undefined when absent. */
  onOff(name: string): boolean | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (v === 'on') return true;
    if (v === 'off') return false;
    throw new SimError(400, 'BadRequest', `Invalid value for ${name}: expected on or off`);
  }

  /** A value from a fixed list (or undefined when absent). */
  choice(name: string, allowed: readonly string[]): string | undefined {
    const v = this.get(name);
    if (v !== undefined && !allowed.includes(v)) throw new SimError(400, 'BadRequest', `Invalid value for ${name}. Acceptable values: ${allowed.join(', ')}`);
    return v;
  }
}

/** The parameters of the current request. */
export function params(c: Context): Params {
  return new Params(llapi(c).params);
}
