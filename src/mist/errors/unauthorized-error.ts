import { MistClientError } from './mist-client-error.js';

/** 401: `Not authorized` (no or a wrong token), `Invalid backend credentials`, `Couldn't authenticate to machine`. */
export class MistUnauthorizedError extends MistClientError {
  override name = 'MistUnauthorizedError';
}
