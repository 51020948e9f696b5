import { ClientError } from './client-error.js';

/** `unprocessableEntity` (422): the request is well-formed but cannot be carried out. */
export class UnprocessableEntity extends ClientError {
  override name = 'UnprocessableEntity';
}
