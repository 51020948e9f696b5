import { Conflict } from './conflict.js';

/** `buildInProgress` (409): the server is still being built. */
export class BuildInProgress extends Conflict {
  override name = 'BuildInProgress';
}
