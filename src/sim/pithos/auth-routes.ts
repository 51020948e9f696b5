import type { Hono } from 'hono';
import type { SynnefoSimUser } from '../synnefo/host.js';
import type { StandaloneHost } from './standalone-host.js';

/**
 * Logins besides Astakos tokens, so StorageClient's auth paths have something real to talk to:
 * Swift TempAuth (`GET /auth/v1.0`, user `<name>:<name>` or `<uuid>:<uuid>`, key = token),
 * Keystone v3 (`POST /identity/v3/auth/tokens`, password = token, token in `X-Subject-Token`, the
 * catalog URL already ending in the account) and Astakos v2.0 tokens (`POST /identity/v2.0/tokens`).
 */
export function mountAuthRoutes(app: Hono, host: StandaloneHost): void {
  const origin = (url: string) => new URL(url).origin;
  const storageUrl = (url: string, user: SynnefoSimUser) => `${origin(url)}/object-store/v1/${user.uuid}`;
  const byKey = (name: string | undefined) => (name === undefined ? undefined : host.findUser(name));

  app.get('/auth/v1.0', (c) => {
    const userHeader = c.req.header('x-auth-user') ?? '';
    const key = c.req.header('x-auth-key') ?? '';
    const [account, user] = userHeader.split(':');
    const found = byKey(user ?? account);
    if (!found || (account !== found.name && account !== found.uuid) || key !== found.token) {
      return c.text('Unauthorized', 401);
    }
    c.header('X-Storage-Url', storageUrl(c.req.url, found));
    c.header('X-Auth-Token', found.token);
    c.header('X-Storage-Token', found.token);
    c.header('X-Auth-Token-Expires', '86399');
    return c.body(null, 200);
  });

  app.post('/identity/v3/auth/tokens', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: { code: 400, title: 'Bad Request', message: 'Malformed JSON' } }, 400);
    }
    const password = (body as { auth?: { identity?: { methods?: string[]; password?: { user?: { name?: string; id?: string; password?: string } } } } })
      .auth?.identity?.password?.user;
    const found = byKey(password?.id ?? password?.name);
    if (!found || password?.password !== found.token) {
      return c.json({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } }, 401);
    }
    c.header('X-Subject-Token', found.token);
    const expires = new Date(host.clock.now() + 3600_000).toISOString();
    return c.json(
      {
        token: {
          methods: ['password'],
          expires_at: expires,
          user: { id: found.uuid, name: found.name, domain: { id: 'default', name: 'Default' } },
          project: { id: found.uuid, name: found.name, domain: { id: 'default', name: 'Default' } },
          catalog: [
            {
              type: 'object-store',
              name: 'swift',
              endpoints: [
                { interface: 'public', region: 'default', region_id: 'default', url: storageUrl(c.req.url, found) },
                { interface: 'internal', region: 'default', region_id: 'default', url: storageUrl(c.req.url, found) },
              ],
            },
          ],
        },
      },
      201,
    );
  });

  app.post('/identity/v2.0/tokens', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ badRequest: { code: 400, message: 'Invalid JSON data' } }, 400);
    }
    const token = (body as { auth?: { token?: { id?: string } } }).auth?.token?.id ?? c.req.header('x-auth-token');
    const found = host.users.find((u) => u.token === token);
    if (!found) return c.json({ unauthorized: { code: 401, message: 'Invalid token' } }, 401);
    return c.json({
      access: {
        token: { id: found.token, expires: new Date(host.clock.now() + 30 * 86400_000).toISOString(), tenant: { id: found.uuid, name: found.name } },
        user: { id: found.uuid, name: found.name, roles: [{ id: '1', name: 'default' }], roles_links: [] },
        serviceCatalog: [
          { name: 'pithos_object-store', type: 'object-store', endpoints: [{ versionId: 'v1', publicURL: `${origin(c.req.url)}/object-store/v1`, region: 'default' }], endpoints_links: [] },
        ],
      },
    });
  });
}
