import { ClientError } from './errors/client-error.js';
import { HttpError, type HttpErrorInit } from './errors/http-error.js';
import { ServerError } from './errors/server-error.js';

/** The HttpError subclass for a status class (4xx → ClientError, 5xx → ServerError). */
export function httpErrorFor(init: HttpErrorInit): HttpError {
  if (init.status >= 500) return new ServerError(init);
  if (init.status >= 400) return new ClientError(init);
  return new HttpError(init);
}
