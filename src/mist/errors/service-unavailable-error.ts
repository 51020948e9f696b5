import { MistServerError } from './mist-server-error.js';

/** 503: `Service unavailable`, `Backend unavailable`, `Machine currently unavailable`. */
export class MistServiceUnavailableError extends MistServerError {
  override name = 'MistServiceUnavailableError';
}
