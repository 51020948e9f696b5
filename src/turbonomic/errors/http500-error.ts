import { ServerError } from '../../core/errors/server-error.js';

/** Any 5xx answer (upstream `HTTP500Error`); 502 and 503 have their own subclasses. */
export class HTTP500Error extends ServerError {
  override name = 'HTTP500Error';
}
