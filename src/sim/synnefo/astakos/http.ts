import { SynnefoFault } from '../host.js';

const JSON_TYPE = 'application/json; charset=UTF-8';
const COMMON = { vary: 'X-Auth-Token', 'cache-control': 'no-cache, no-store, must-revalidate, max-age=0' };

/** A JSON reply as Synnefo's `json_response` sends it. */
export function reply(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': JSON_TYPE, ...COMMON } });
}

/** An empty reply (Django's `HttpResponse()`): `Content-Length: 0` said explicitly, as Django does. */
export function empty(status = 200): Response {
  return new Response(null, { status, headers: { 'content-length': '0', ...COMMON } });
}

/** A bare status with no body at all (commission 404s, the feedback mail failure). */
export function bare(status: number): Response {
  return new Response(null, { status, headers: { 'content-length': '0' } });
}

/** Synnefo's ISO dates: microseconds are not kept, the zone is `+00:00`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** The token of a request: the `X-Auth-Token` query parameter first, then the header (Synnefo's order). */
export function tokenOf(request: Request): string | undefined {
  const query = new URL(request.url).searchParams.get('X-Auth-Token');
  if (query) return query;
  return request.headers.get('x-auth-token') ?? undefined;
}

export const badRequest = (message: string, details = '') => new SynnefoFault(400, 'badRequest', message, details);
export const unauthorized = (message: string) => new SynnefoFault(401, 'unauthorized', message);
export const forbidden = (message: string) => new SynnefoFault(403, 'forbidden', message);
export const notFound = (message: string) => new SynnefoFault(404, 'itemNotFound', message);
export const conflict = (message: string) => new SynnefoFault(409, 'conflict', message);

/**
 * snf-django's `get_json_body`: the Content-Type must start with `application/json` (400
 * "Missing Content-Type header field" / "Unsupported Content-type"), and the body must parse.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type === null) throw badRequest('Missing Content-Type header field');
  if (!type.startsWith('application/json')) throw badRequest(`Unsupported Content-type: '${type}'`);
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('Could not decode request body as JSON');
  }
}

/** Astakos' `check_is_dict`. */
export function asDict(value: unknown, what = 'Request body'): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${what} should be a dictionary`);
  return value as Record<string, unknown>;
}

/** Django's `request.POST` for a form body: only `application/x-www-form-urlencoded` is read. */
export async function formBody(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    await request.arrayBuffer();
    return new URLSearchParams();
  }
  return new URLSearchParams(await request.text());
}
