import { HttpError, type HttpErrorInit } from './http-error.js';

/**
 * The server answered with a redirect opskit will not follow: to another origin (credentials
 * must not travel there, and its unsigned reply is not this API's data) unless the client allows
 * it with `redirects: { crossOrigin: true }`, past the hop limit, or hidden by the runtime
 * (browsers report a manual redirect as an opaque response, status 0). It is an HttpError with
 * the redirect's status, so code that handles a 301 itself (a protocol switch) still can.
 */
export class RedirectError extends HttpError {
  static override readonly kind: string = 'opskit:RedirectError';
  override name = 'RedirectError';
  /** The redirect target (secrets scrubbed), when the runtime shows it. */
  readonly location: string | undefined;

  constructor(init: HttpErrorInit & { location?: string | undefined }) {
    super({ ...init, vendorMessage: `${init.location ? `to ${init.location}: ` : ''}${init.vendorMessage ?? 'not followed'}` });
    this.location = init.location;
  }
}
