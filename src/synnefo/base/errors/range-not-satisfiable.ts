import { ClientError } from './client-error.js';

/** `rangeNotSatisfiable` (416): the requested byte range is outside the object. */
export class RangeNotSatisfiable extends ClientError {
  override name = 'RangeNotSatisfiable';
}
