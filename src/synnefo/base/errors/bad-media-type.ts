import { ClientError } from './client-error.js';

/** `badMediaType` (415): unsupported Content-Type. */
export class BadMediaType extends ClientError {
  override name = 'BadMediaType';
}
