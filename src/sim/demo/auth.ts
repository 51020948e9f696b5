import type { Hono } from 'hono/tiny';
import { bearerToken, readJson, SimError } from '../app.js';
import type { SimContext } from '../define-sim.js';
import type { DemoCredentials, DemoState } from './types.js';

type Ctx = SimContext<DemoState, DemoCredentials>;

/** `POST /login`: trades `{ username, password }` for a bearer token. */
export function loginRoute(app: Hono, ctx: Ctx): void {
  app.post('/login', async (c) => {
    const body = await readJson(c);
    const { username, password } = (body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new SimError(400, 'ValidationError', 'username and password are required strings');
    }
    if (username !== ctx.credentials.username || password !== ctx.credentials.password) {
      // One message for both cases: telling which one was wrong helps only an attacker.
      throw new SimError(401, 'InvalidCredentials', 'invalid username or password');
    }
    const token = ctx.random.hex(20);
    ctx.state.tokens.add(token);
    return c.json({ token });
  });
}

/** Requires a live bearer token on every route except `POST /login`. */
export function requireBearer(app: Hono, ctx: Ctx): void {
  app.use('*', async (c, next) => {
    if (c.req.method === 'POST' && new URL(c.req.url).pathname === '/login') return next();
    const token = bearerToken(c);
    if (token === undefined || !ctx.state.tokens.has(token)) {
      throw new SimError(401, 'Unauthorized', 'missing or invalid bearer token', {
        'www-authenticate': 'Bearer realm="opskit-demo"',
      });
    }
    return next();
  });
}
