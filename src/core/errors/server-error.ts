import { HttpError } from './http-error.js';

/** A 5xx response: the server failed. */
export class ServerError extends HttpError {
  static override readonly kind: string = 'opskit:ServerError';
  override name = 'ServerError';
}
