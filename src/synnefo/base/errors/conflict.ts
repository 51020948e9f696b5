import { ClientError } from './client-error.js';

/** `conflict` (409): the name is taken, the IP is in use, the item is in the wrong state. */
export class Conflict extends ClientError {
  override name = 'Conflict';
}
