import { MistClientError } from './mist-client-error.js';

/** 404: `Backend not found`, `Keypair not found`, `Machine not found`, or an unknown route (an HTML page). */
export class MistNotFoundError extends MistClientError {
  override name = 'MistNotFoundError';
}
