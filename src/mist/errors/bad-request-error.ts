import { MistClientError } from './mist-client-error.js';

/** 400: `Bad Request`, `Required parameter not provided`, `Invalid private key`, `Keypair id parameter missing`. */
export class MistBadRequestError extends MistClientError {
  override name = 'MistBadRequestError';
}
