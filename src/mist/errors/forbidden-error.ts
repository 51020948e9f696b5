import { MistClientError } from './mist-client-error.js';

/** 403: `Forbidden`. */
export class MistForbiddenError extends MistClientError {
  override name = 'MistForbiddenError';
}
