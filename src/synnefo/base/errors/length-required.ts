import { ClientError } from './client-error.js';

/** `lengthRequired` (411): the request needs a Content-Length. */
export class LengthRequired extends ClientError {
  override name = 'LengthRequired';
}
