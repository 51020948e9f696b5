import { HTTP500Error } from './http500-error.js';

/**
 * 502 (upstream `HTTP502Error`). Turbonomic's gateway answers it when a synchronous call takes
 * too long; the operation may still complete on the server, so it is often safe to ignore.
 */
export class HTTP502Error extends HTTP500Error {
  override name = 'HTTP502Error';
}
