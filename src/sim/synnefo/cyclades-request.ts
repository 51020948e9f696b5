import type { Context } from 'hono';
import type { SynnefoSimHost, SynnefoSimUser } from './host.js';
import { cycladesState, settle, type CycladesState } from './cyclades-state.js';

/** What every Cyclades route starts with: the caller, the shared state brought up to now. */
export interface CycladesRequest {
  readonly c: Context;
  readonly host: SynnefoSimHost;
  readonly state: CycladesState;
  readonly user: SynnefoSimUser;
  readonly now: number;
}

/** Authenticates (401 fault otherwise) and applies every transition due by now. */
export function begin(host: SynnefoSimHost, c: Context): CycladesRequest {
  const user = host.authenticate(c.req.raw);
  const state = cycladesState(host);
  const now = host.clock.now();
  settle(state, now);
  return { c, host, state, user, now };
}

/** A `links` array as Synnefo renders it (self and bookmark). */
export function links(base: string, path: string): { rel: string; href: string }[] {
  const href = `${base.replace(/\/+$/, '')}/${path}`;
  return [
    { rel: 'self', href },
    { rel: 'bookmark', href },
  ];
}
