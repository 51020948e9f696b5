import { Forbidden } from './forbidden.js';

/** `resizeNotAllowed` (403): the server cannot be resized now. */
export class ResizeNotAllowed extends Forbidden {
  override name = 'ResizeNotAllowed';
}
