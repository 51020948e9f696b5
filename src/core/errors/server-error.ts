import { HttpError } from './http-error.js';

/** A 5xx response: the server failed. */
export class ServerError extends HttpError {
  override name = 'ServerError';
}
