import { ClientError } from './client-error.js';

/** `notImplemented` (501): Synnefo does not implement this (floating IP update, SPICE console, raw image download). */
export class NotImplemented extends ClientError {
  override name = 'NotImplemented';
}
