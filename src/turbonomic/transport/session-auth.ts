import type { AuthHandler } from '../../core/types.js';
import type { CookieJar } from './cookie-jar.js';

/** The state a session-authenticated connection signs with. */
export interface SessionState {
  jar: CookieJar;
  /** `Basic …` when login fell back to HTTP Basic auth (upstream's only use of it). */
  basic: string | undefined;
  /** True once a form login succeeded: a later 401 then means the session was lost. */
  loggedIn: boolean;
  /** Logs in again (deduplicated by the caller). */
  relogin(): Promise<void>;
  /** Secret values to scrub (password, auth string). */
  secrets(): Iterable<string>;
}

/**
 * Signs each attempt with the session cookie (or the Basic fallback header) and, when a call
 * answers 401 after a successful login, logs in once more and retries the call (the pipeline
 * allows one such retry per call). Upstream never logs in again; see docs/compat.md.
 */
export function sessionAuth(state: SessionState): AuthHandler {
  return {
    sign(request) {
      if (state.basic !== undefined) request.headers.set('authorization', state.basic);
      const cookie = state.jar.header();
      if (cookie !== undefined) request.headers.set('cookie', cookie);
    },
    async onResponse(response) {
      if (response.status !== 401 || !state.loggedIn || state.basic !== undefined) return;
      await state.relogin();
      return 'retry';
    },
    *secrets() {
      yield* state.secrets();
      yield* state.jar.values();
    },
  };
}
