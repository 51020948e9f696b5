import type { Clock } from '../../clock.js';
import type { RandomSource } from '../../random.js';
import type { SimComponent, SimUser, SynnefoSimState } from '../types.js';
import { tokenOf, unauthorized } from './http.js';

/** What every Astakos route needs. */
export interface AstakosContext {
  readonly state: SynnefoSimState;
  readonly clock: Clock;
  readonly random: RandomSource;
  /** Lifetime of an OAuth2 access token, ms. */
  readonly oauth2TokenLifetimeMs: number;
  /** The service catalog, with URLs on `origin` (the host the request reached). */
  catalog(origin: string): Record<string, unknown>[];
}

/**
 * The user of a request (snf-django's token lookup, then Astakos' `validate_user`): 401 without a
 * token, with an unknown one, or with an expired one.
 */
export function userOf(ctx: Pick<AstakosContext, 'state' | 'clock'>, request: Request): SimUser {
  const token = tokenOf(request);
  if (!token) throw unauthorized('Access denied. No authentication token');
  const user = ctx.state.users.find((u) => u.token === token);
  if (!user) throw unauthorized('Invalid token');
  if (user.tokenExpires <= ctx.clock.now()) throw unauthorized('Authentication expired');
  return user;
}

/** The component of a "service" request (Astakos' `component_from_token`): 401 for a user token. */
export function componentOf(ctx: Pick<AstakosContext, 'state'>, request: Request): SimComponent {
  const token = tokenOf(request);
  if (!token) throw unauthorized('Access denied. No authentication token');
  const component = ctx.state.components.find((c) => c.token === token);
  if (!component) throw unauthorized('Invalid token');
  return component;
}
