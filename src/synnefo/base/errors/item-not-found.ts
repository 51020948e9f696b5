import { ClientError } from './client-error.js';

/** `itemNotFound` (404): the item does not exist or belongs to someone else. */
export class ItemNotFound extends ClientError {
  override name = 'ItemNotFound';
}
