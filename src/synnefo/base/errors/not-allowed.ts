import { ClientError } from './client-error.js';

/** `notAllowed` (405): the method is not allowed on this URL (the `Allow` header lists those that are). */
export class NotAllowed extends ClientError {
  override name = 'NotAllowed';
}
