import type { CookieJar } from './cookie-jar.js';

/** How requests leave opskit for a Turbonomic server. */
export interface SessionFetchOptions {
  /** The user's fetch (a simulator's in tests). */
  fetch: (request: Request) => Promise<Response>;
  /** Where `Set-Cookie` lines go. */
  jar: CookieJar;
  /** Browsers only: `'include'` sends the page's cookies cross-origin (default: the platform's `same-origin`). */
  credentials?: RequestCredentials | undefined;
  /** Do not follow redirects (login must see a 301 to switch to https). */
  manualRedirect?: boolean | undefined;
}

/**
 * Wraps fetch for one connection: keeps every `Set-Cookie` in the jar (each response, as upstream's
 * session does), sets the browser credentials mode, and optionally stops redirects. It sits below
 * opskit's pipeline, so it sees every attempt's raw response.
 */
export function sessionFetch(options: SessionFetchOptions): (request: Request) => Promise<Response> {
  const { jar, credentials, manualRedirect } = options;
  return async (request) => {
    const init: RequestInit = {};
    if (credentials !== undefined) init.credentials = credentials;
    if (manualRedirect) init.redirect = 'manual';
    const response = await options.fetch(Object.keys(init).length ? new Request(request, init) : request);
    // In browsers Set-Cookie is hidden from scripts (getSetCookie() is empty): the browser keeps it.
    const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
    if (cookies.length) jar.store(cookies);
    // A browser reports a manual redirect as an opaque response with status 0, which no
    // Response can be rebuilt from; turn it into a plain 301 without a Location.
    if (response.type === 'opaqueredirect') return new Response(null, { status: 301, statusText: 'Moved Permanently' });
    return response;
  };
}
