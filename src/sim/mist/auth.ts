import type { MistSimContext } from './context.js';
import { json, notAuthorized } from './replies.js';
import type { MistRouter } from './router.js';

/**
 * Hosted mode's check of every request but `/auth`: `Authorization: mist_1 <email>:<token>` with a
 * token this account was given (the email compared case-insensitively, as the server lower-cases
 * it at login), or the raw token when raw tokens are on. Anything else is `401 Not authorized`.
 */
export function authorizer(sim: MistSimContext, rawTokens: boolean): (request: Request) => void {
  const { state } = sim;
  return (request) => {
    if (state.mode === 'standalone') return;
    const header = request.headers.get('authorization');
    if (header === null) throw notAuthorized();
    const m = /^mist_1 ([^:]*):(.+)$/.exec(header);
    if (m) {
      const owner = state.tokens.get(m[2] as string);
      if (owner !== undefined && owner.toLowerCase() === (m[1] as string).toLowerCase()) return;
      throw notAuthorized();
    }
    if (rawTokens && state.tokens.has(header)) return;
    throw notAuthorized();
  };
}

/**
 * `POST /auth`. Hosted: checks the credentials and answers the account with a new token
 * (`mist_api_token`, or `token` when raw tokens are on). Standalone: logs in to the hosted service
 * and keeps the token itself, so the reply has none; later monitoring calls use it.
 */
export function authRoutes(router: MistRouter, sim: MistSimContext, rawTokens: boolean): void {
  const { state } = sim;
  router.on(
    'POST',
    '/auth',
    async (c) => {
      const body = await c.body();
      const email = typeof body.email === 'string' ? body.email.toLowerCase() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (email !== state.account.email.toLowerCase() || password !== state.account.password) throw notAuthorized();
      const token = sim.random.hex(20);
      const details = { current_plan: { ...state.account.plan }, user_details: { ...state.account.user_details } };
      if (state.mode === 'standalone') {
        state.coreToken = token;
        return json(details);
      }
      state.tokens.set(token, state.account.email);
      return json(rawTokens ? { token, ...details } : { mist_api_token: token, ...details });
    },
    { open: true },
  );
}
