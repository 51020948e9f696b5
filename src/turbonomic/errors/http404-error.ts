import { HTTP400Error } from './http400-error.js';

/** 404: no such object, or no such base path (upstream `HTTP404Error`). */
export class HTTP404Error extends HTTP400Error {
  override name = 'HTTP404Error';
}
