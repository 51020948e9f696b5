import { ClientError } from './client-error.js';

/** A 304 Not Modified the call did not expect (`changes-since` with nothing new, on a call that does not list 304 among its success codes). */
export class NotModified extends ClientError {
  override name = 'NotModified';
}
