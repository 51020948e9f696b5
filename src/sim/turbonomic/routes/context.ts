import type { Context, Hono } from 'hono';
import { readJson, SimError } from '../../app.js';
import type { SimContext } from '../../define-sim.js';
import type { UuidMaker } from '../fixtures.js';
import type { PageSettings } from '../paging.js';
import type { TurbonomicCredentials, TurbonomicState } from '../types.js';

/** What every route module receives. */
export interface RouteEnv {
  app: Hono;
  /** Base path without the trailing slash (`/api/v3`). */
  b: string;
  ctx: SimContext<TurbonomicState, TurbonomicCredentials>;
  paging: PageSettings;
  /** Seed of deterministic values (statistics). */
  seed: number;
  /** Makes uuids in the platform's style. */
  uuid: UuidMaker;
}

/** A JSON object body or a 400. */
export async function objectBody(c: Context): Promise<Record<string, unknown>> {
  const body = await readJson(c);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SimError(400, 'BAD_REQUEST', 'body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A JSON body that may be empty (GET-like POSTs). */
export async function optionalObjectBody(c: Context): Promise<Record<string, unknown>> {
  const body = await readJson(c, { optional: true });
  if (body === undefined) return {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new SimError(400, 'BAD_REQUEST', 'body must be a JSON object');
  return body as Record<string, unknown>;
}

/** A path parameter that hono guarantees. */
export function param(c: Context, name: string): string {
  return c.req.param(name) as string;
}
