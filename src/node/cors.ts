import type { Sim } from '../sim/sim.js';
import type { SimOutcome } from '../sim/outcome.js';

/** Which pages may call a served simulator from another origin. */
export interface CorsOptions {
  /** Allowed origins (`http://localhost:5173`), `'*'` for any, or a predicate. */
  origins: readonly string[] | '*' | ((origin: string) => boolean);
  /** Preflight cache time, seconds. Default 600. */
  maxAgeSec?: number;
}

/** Methods a preflight may ask for (object stores also use COPY and MOVE). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'COPY', 'MOVE']);

/**
 * A CORS gateway in front of a simulator, for browser pages on another origin (an admin UI on
 * its own dev server). The simulators answer what the real servers answer, and none of those
 * answers a CORS preflight; a real deployment puts a gateway or reverse proxy in front that adds
 * CORS, and this is that gateway: preflights never reach the simulator (its auth, faults and
 * request log stay as the vendor's), replies to allowed origins carry the origin, credentials and
 * every header the reply has (paging, block facts, Location), except `Set-Cookie`.
 */
export function withCors<S extends Pick<Sim, 'handle'>>(sim: S, options: CorsOptions): Pick<Sim, 'handle'> {
  const allowed = (origin: string) =>
    options.origins === '*' ? true : typeof options.origins === 'function' ? options.origins(origin) : options.origins.includes(origin);
  const maxAge = String(options.maxAgeSec ?? 600);
  return {
    async handle(request: Request): Promise<SimOutcome> {
      const origin = request.headers.get('origin');
      const ok = origin !== null && allowed(origin);
      const asked = request.headers.get('access-control-request-method');
      if (request.method === 'OPTIONS' && asked !== null) {
        if (!ok || !METHODS.has(asked.toUpperCase())) return { type: 'response', response: new Response(null, { status: 403 }) };
        const headers = new Headers({
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': asked,
          'access-control-max-age': maxAge,
          vary: 'Origin',
        });
        const wanted = request.headers.get('access-control-request-headers');
        if (wanted) headers.set('access-control-allow-headers', wanted);
        return { type: 'response', response: new Response(null, { status: 204, headers }) };
      }
      const outcome = await sim.handle(request);
      if (!ok) return outcome;
      if (outcome.type === 'response') {
        const headers = new Headers(outcome.response.headers);
        addCorsHeaders(headers, origin);
        const { response } = outcome;
        return { type: 'response', response: new Response(response.body, { status: response.status, statusText: response.statusText, headers }) };
      }
      if (outcome.type === 'truncate') {
        const headers = new Headers(outcome.headers);
        addCorsHeaders(headers, origin);
        return { ...outcome, headers };
      }
      return outcome;
    },
  };
}

/** With credentials the wildcard `*` is not allowed in the expose list, so the names are listed. */
function addCorsHeaders(headers: Headers, origin: string): void {
  const names = [...headers.keys()].filter((n) => n !== 'set-cookie');
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-allow-credentials', 'true');
  if (names.length) headers.set('access-control-expose-headers', names.join(', '));
  headers.append('vary', 'Origin');
}
