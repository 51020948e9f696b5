import { ClientError } from '../../core/errors/client-error.js';

/** Any 4xx answer (upstream `HTTP400Error`); 401 and 404 have their own subclasses. */
export class HTTP400Error extends ClientError {
  override name = 'HTTP400Error';
}
