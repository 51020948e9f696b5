import { OpsError } from '../../../core/errors/ops-error.js';

/**
 * The server still reported missing blocks after every block was sent and the hashmap PUT was
 * repeated as often as allowed (blocks lost in between, or a source stream that cannot be read
 * again). Running the upload again sends only what is still missing.
 */
export class UploadIncompleteError extends OpsError {
  override name = 'UploadIncompleteError';
  constructor(message: string, readonly missing: readonly string[]) {
    super(message, { code: 'UPLOAD_INCOMPLETE' });
  }
}
