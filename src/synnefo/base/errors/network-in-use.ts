import { ClientError } from './client-error.js';

/** `networkInUse` (421): the network still has ports and cannot be deleted. */
export class NetworkInUse extends ClientError {
  override name = 'NetworkInUse';
}
