import { HttpError } from './http-error.js';

/** A 4xx response: the request was wrong, unauthorised or not found. */
export class ClientError extends HttpError {
  static override readonly kind: string = 'opskit:ClientError';
  override name = 'ClientError';
}
