import { RedirectError } from './errors/redirect-error.js';
import type { Redactor } from './redact.js';
import type { PreparedRequest, RedirectOptions } from './types.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface ResolvedRedirects {
  /** Follow redirects at all (false: hand the 3xx to the caller, as `redirect: 'manual'`). */
  follow: boolean;
  max: number;
  crossOrigin: boolean;
}

export function resolveRedirects(options: RedirectOptions | false | undefined): ResolvedRedirects {
  if (options === false) return { follow: false, max: 0, crossOrigin: false };
  return { follow: true, max: options?.max ?? 5, crossOrigin: options?.crossOrigin === true };
}

/** True for a reply the pipeline must follow or refuse itself. */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (REDIRECT_STATUSES.has(response.status) && response.headers.has('location'));
}

/** The next hop, and whether it may carry credentials (same origin) or must go unsigned. */
export interface Hop {
  request: PreparedRequest;
  signed: boolean;
}

/**
 * The request a redirect asks for, following fetch's rules (303, and 301/302 after a POST, turn
 * into a bodiless GET). Same-origin hops are signed again; a cross-origin hop is refused unless the
 * client allows it, and then carries none of the credentials: it is built from the caller's
 * unsigned request without any secret-looking header.
 */
export function nextHop(
  op: string,
  response: Response,
  current: PreparedRequest,
  original: PreparedRequest,
  hops: number,
  policy: ResolvedRedirects,
  redactor: Redactor,
): Hop {
  const refuse = (location: string | undefined, reason: string) =>
    new RedirectError({
      status: response.status,
      statusText: response.statusText,
      request: { op, method: current.method, url: redactor.url(current.url), headers: redactor.headers(current.headers) },
      headers: new Headers(redactor.headers(response.headers)),
      location,
      vendorMessage: reason,
    });
  if (response.type === 'opaqueredirect') {
    throw refuse(undefined, 'this runtime (a browser) hides redirect targets from scripts; call the final URL directly');
  }
  const location = new URL(response.headers.get('location') as string, current.url);
  const shown = redactor.url(location.href);
  if (hops >= policy.max) throw refuse(shown, `more than ${policy.max} redirects`);
  if (location.protocol !== 'http:' && location.protocol !== 'https:') throw refuse(shown, `a ${location.protocol} URL is not an HTTP endpoint`);
  const sameOrigin = location.origin === new URL(original.url).origin;
  if (!sameOrigin && !policy.crossOrigin) {
    throw refuse(shown, 'another origin; no credential is sent there (allow it with redirects: { crossOrigin: true })');
  }
  const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && current.method === 'POST');
  const method = toGet && current.method !== 'HEAD' ? 'GET' : current.method;
  const base = sameOrigin ? original : withoutCredentials(original, redactor);
  const headers = new Headers(base.headers);
  if (toGet) {
    for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
  }
  return {
    request: { method, url: location.href, headers, body: toGet ? undefined : base.body },
    signed: sameOrigin,
  };
}

function withoutCredentials(request: PreparedRequest, redactor: Redactor): PreparedRequest {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!redactor.isSecretHeader(name)) headers.set(name, value);
  });
  return { ...request, headers };
}
