import { ClientError } from './client-error.js';

/** `preconditionFailed` (412): a conditional header did not hold. */
export class PreconditionFailed extends ClientError {
  override name = 'PreconditionFailed';
}
