import { ClientError } from './client-error.js';

/** `forbidden` (403): not allowed for this user (suspended VM, disallowed flavor, sharing or network type). */
export class Forbidden extends ClientError {
  override name = 'Forbidden';
}
