import type { LlapiContext } from '../context.js';
import type { AppDbVersion, Heartbeat, RequestOptions } from '../types.js';

/** `heartbeat()`: POST /heartbeat. */
export async function heartbeat(ctx: LlapiContext, o: RequestOptions = {}): Promise<Heartbeat> {
  return ctx.send({ method: 'POST', path: '/api/v1/vigiles/heartbeat', ...o });
}

/** `get_app_db_version()`: GET /about. */
export async function getAppDbVersion(ctx: LlapiContext, o: RequestOptions = {}): Promise<AppDbVersion> {
  return ctx.send({ method: 'GET', path: '/api/v1/vigiles/about', ...o });
}
