import { MistClientError } from './mist-client-error.js';

/** 409: `Backend exists`, `Backend name exists`, `Keypair exists`. */
export class MistConflictError extends MistClientError {
  override name = 'MistConflictError';
}
