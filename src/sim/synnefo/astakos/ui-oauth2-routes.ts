import type { Hono } from 'hono';
import { decodeBase64 } from '../../../crypto/encoding/base64.js';
import { userOf, type AstakosContext } from './context.js';
import { formBody, reply, unauthorized } from './http.js';

/** `GET /ui/get_services` and the OAuth2 token endpoint (protocol §2.8). */
export function uiAndOauth2Routes(app: Hono, ctx: AstakosContext): void {
  const { state } = ctx;

  app.get('/ui/get_services', (c) => {
    userOf(ctx, c.req.raw);
    const origin = new URL(c.req.url).origin;
    return reply([
      { id: '1', name: 'cyclades', url: `${origin}/ui/cyclades`, icon: 'home-icon.png' },
      { id: '2', name: 'pithos', url: `${origin}/ui/pithos`, icon: 'home-icon.png' },
      { id: '3', name: 'astakos', url: `${origin}/ui`, icon: 'home-icon.png' },
    ]);
  });

  app.post('/astakos/oauth2/token', async (c) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Basic\s+(\S+)$/i.exec(header);
    let clientId = '';
    let secret = '';
    if (m) {
      try {
        const text = new TextDecoder().decode(decodeBase64(m[1] as string));
        const i = text.indexOf(':');
        clientId = text.slice(0, i);
        secret = text.slice(i + 1);
      } catch {
        throw unauthorized('Invalid client credentials');
      }
    }
    const client = state.oauth2.clients.find((x) => x.id === clientId && x.secret === secret);
    if (!client) return reply({ error: 'invalid_client', error_description: 'Invalid client credentials' }, 401);
    const form = await formBody(c.req.raw);
    if (form.get('grant_type') !== 'authorization_code') return reply({ error: 'unsupported_grant_type' }, 400);
    const code = form.get('code') ?? '';
    const grant = state.oauth2.codes.get(code);
    if (!grant || grant.clientId !== client.id || grant.expires <= ctx.clock.now()) return reply({ error: 'invalid_grant' }, 400);
    if ((form.get('redirect_uri') ?? grant.redirectUri) !== grant.redirectUri) return reply({ error: 'invalid_grant', error_description: 'Mismatching redirect URI' }, 400);
    state.oauth2.codes.delete(code);
    const token = ctx.random.hex(20);
    state.oauth2.tokens.set(token, { clientId: client.id, user: grant.user, scope: grant.scope, expires: ctx.clock.now() + ctx.oauth2TokenLifetimeMs });
    return reply({ access_token: token, token_type: 'Bearer', expires_in: Math.round(ctx.oauth2TokenLifetimeMs / 1000) });
  });

}
