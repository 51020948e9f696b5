import { HTTP400Error } from './http400-error.js';

/** 401: no session, an expired one, or wrong credentials at login (upstream `HTTP401Error`). */
export class HTTP401Error extends HTTP400Error {
  override name = 'HTTP401Error';
}
