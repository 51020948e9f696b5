import { OpsError } from '../../../core/errors/ops-error.js';

/** The upload source changed between hashing a block and sending it (a file written to meanwhile). */
export class SourceChangedError extends OpsError {
  override name = 'SourceChangedError';
  constructor(message: string) {
    super(message, { code: 'SOURCE_CHANGED' });
  }
}
