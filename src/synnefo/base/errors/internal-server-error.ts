import { ClientError } from './client-error.js';

/** `internalServerError` (500): the server failed. */
export class InternalServerError extends ClientError {
  override name = 'InternalServerError';
}
