import { HttpError, type HttpErrorInit } from '../../core/errors/http-error.js';
import { MistBadRequestError } from './bad-request-error.js';
import { MistConflictError } from './conflict-error.js';
import { MistForbiddenError } from './forbidden-error.js';
import { MistClientError } from './mist-client-error.js';
import { MistServerError } from './mist-server-error.js';
import { MistNotFoundError } from './not-found-error.js';
import { MistPaymentRequiredError } from './payment-required-error.js';
import { MistServiceUnavailableError } from './service-unavailable-error.js';
import { MistUnauthorizedError } from './unauthorized-error.js';

const BY_STATUS: Readonly<Record<number, new (init: HttpErrorInit) => HttpError>> = {
  400: MistBadRequestError,
  401: MistUnauthorizedError,
  402: MistPaymentRequiredError,
  403: MistForbiddenError,
  404: MistNotFoundError,
  409: MistConflictError,
  503: MistServiceUnavailableError,
};

/**
 * The core's `errorFactory` for mist.io: the class of the status (400/401/402/403/404/409/503),
 * else {@link MistClientError} or {@link MistServerError}; every one keeps status, status text,
 * the body text, and the server's title and detail.
 */
export function mistErrorFor(init: HttpErrorInit): HttpError {
  const Known = BY_STATUS[init.status];
  if (Known) return new Known(init);
  if (init.status >= 500) return new MistServerError(init);
  if (init.status >= 400) return new MistClientError(init);
  return new HttpError(init);
}
