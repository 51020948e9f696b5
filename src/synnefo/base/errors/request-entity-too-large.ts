import { ClientError } from './client-error.js';

/** `requestEntityTooLarge` (413): the request is too large (personality files, metadata). */
export class RequestEntityTooLarge extends ClientError {
  override name = 'RequestEntityTooLarge';
}
