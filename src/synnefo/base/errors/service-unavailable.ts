import { ClientError } from './client-error.js';

/** `serviceUnavailable` (503): no backend is available, or a helper service failed. */
export class ServiceUnavailable extends ClientError {
  override name = 'ServiceUnavailable';
}
