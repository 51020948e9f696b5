import { ClientError } from './client-error.js';

/** `unauthorized` (401): no token, or one Astakos does not know. */
export class Unauthorized extends ClientError {
  override name = 'Unauthorized';
}
