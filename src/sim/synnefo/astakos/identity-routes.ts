import type { Hono } from 'hono';
import type { AstakosContext } from './context.js';
import { asDict, badRequest, isoDate, jsonBody, notFound, reply, unauthorized } from './http.js';
import { activeProjectsOf } from './projects.js';
import type { SimUser } from '../types.js';

/** `POST /identity/v2.0/tokens` and `GET /identity/v2.0/tokens/{token}` (protocol §2.3). */
export function identityRoutes(app: Hono, ctx: AstakosContext): void {
  const access = (user: SimUser, tokenId: string, expires: number) => ({
    token: { id: tokenId, expires: isoDate(expires), tenant: { id: user.defaultProject, name: user.realname } },
    user: { id: user.uuid, name: user.realname, roles: user.admin ? [{ id: '1', name: 'project-admins' }] : [], roles_links: [] as unknown[] },
  });

  app.post('/identity/v2.0/tokens', async (c) => {
    const request = c.req.raw;
    const origin = new URL(request.url).origin;
    // No body at all (or Content-Length: 0) is the public mode: the catalog only.
    const text = await request.clone().text();
    if (text === '') return reply({ access: { serviceCatalog: ctx.catalog(origin) } });
    const req = asDict(await jsonBody(request));
    const auth = req.auth && typeof req.auth === 'object' ? (req.auth as Record<string, unknown>) : {};
    let tokenId: unknown;
    let uuid: unknown;
    const tokenPart = auth.token as Record<string, unknown> | undefined;
    const password = auth.passwordCredentials as Record<string, unknown> | undefined;
    if (tokenPart && typeof tokenPart === 'object' && 'id' in tokenPart) tokenId = tokenPart.id;
    else if (password && typeof password === 'object' && 'password' in password && 'username' in password) {
      tokenId = password.password;
      uuid = password.username;
    } else throw badRequest('Malformed request: missing credentials');
    if (tokenId === null || tokenId === undefined) throw badRequest('Malformed request: missing token');
    const user = ctx.state.users.find((u) => u.token === tokenId);
    if (!user) throw unauthorized('Invalid token');
    if (user.tokenExpires <= ctx.clock.now()) throw unauthorized('Authentication expired');
    if (uuid !== undefined && uuid !== user.uuid) throw unauthorized('Invalid credentials');
    const tenant = auth.tenantName;
    if (tenant && tenant !== user.uuid) throw badRequest('Not conforming tenantName');
    const a = access(user, user.token, user.tokenExpires);
    return reply({ access: { ...a, user: { ...a.user, projects: activeProjectsOf(ctx.state, user.uuid) }, serviceCatalog: ctx.catalog(origin) } });
  });

  app.get('/identity/v2.0/tokens/:token', (c) => {
    const tokenId = decodeURIComponent(c.req.param('token'));
    const grant = ctx.state.oauth2.tokens.get(tokenId);
    if (!grant) throw notFound('Invalid token');
    if (grant.expires <= ctx.clock.now()) {
      ctx.state.oauth2.tokens.delete(tokenId);
      throw notFound('Token expired');
    }
    const belongsTo = c.req.query('belongsTo');
    if (belongsTo !== undefined && !belongsTo.startsWith(grant.scope)) throw notFound("The specified tenant is outside the token's scope");
    const user = ctx.state.users.find((u) => u.uuid === grant.user);
    if (!user) throw notFound('Invalid token');
    return reply({ access: access(user, tokenId, grant.expires) });
  });
}
