// A CORS layer around a simulator, for serving it to a page on another origin.
//
// The simulators answer what the real servers answer, and none of those answers a CORS preflight
// (an OPTIONS request is a 404 or 400 there). A real admin UI on its own origin sits behind a
// gateway or reverse proxy that adds CORS; this is that gateway, in front of `sim.handle`, so the
// simulator itself (its auth, faults and request log) is untouched.

/** Methods a preflight may ask for (Pithos+ also uses COPY and MOVE on some deployments). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'COPY', 'MOVE']);

/**
 * Wraps a simulator's `handle` so pages from the allowed origins may call it with credentials
 * (headers such as Authorization and X-Auth-Token, and Turbonomic's session cookie).
 *
 * @param {{ handle(request: Request): Promise<import('opskit/sim').SimOutcome> }} sim
 * @param {{ allowOrigin(origin: string): boolean }} options
 * @returns {{ handle(request: Request): Promise<import('opskit/sim').SimOutcome> }}
 */
export function withCors(sim, { allowOrigin }) {
  return {
    async handle(request) {
      const origin = request.headers.get('origin');
      const allowed = origin !== null && allowOrigin(origin);
      const asked = request.headers.get('access-control-request-method');
      if (request.method === 'OPTIONS' && asked !== null) {
        // A preflight never reaches the simulator: it is the gateway's business.
        if (!allowed || !METHODS.has(asked.toUpperCase())) return { type: 'response', response: new Response(null, { status: 403 }) };
        const headers = new Headers({
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-allow-methods': asked,
          'access-control-max-age': '600',
          vary: 'Origin',
        });
        const wanted = request.headers.get('access-control-request-headers');
        if (wanted) headers.set('access-control-allow-headers', wanted);
        return { type: 'response', response: new Response(null, { status: 204, headers }) };
      }
      const outcome = await sim.handle(request);
      if (!allowed) return outcome;
      if (outcome.type === 'response') {
        const { response } = outcome;
        const headers = new Headers(response.headers);
        addCorsHeaders(headers, origin);
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

/** The response headers a cross-origin page needs, exposing every header the reply has. */
function addCorsHeaders(headers, origin) {
  // Paging (x-resource-count, x-next-cursor, x-total-record-count), Pithos+ block facts
  // (x-container-block-*, x-object-hash, etag), request ids and Location are all read by the
  // clients; with credentials the wildcard `*` is not allowed, so the names are listed.
  const names = [...headers.keys()].filter((n) => n !== 'set-cookie');
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-allow-credentials', 'true');
  if (names.length) headers.set('access-control-expose-headers', names.join(', '));
  headers.append('vary', 'Origin');
}
