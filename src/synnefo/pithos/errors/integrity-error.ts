import { OpsError } from '../../../core/errors/ops-error.js';

/**
 * Downloaded or uploaded bytes do not hash to what the server (or the hashmap) says: a block
 * whose hash differs, a Merkle root that is not the object's `X-Object-Hash`, a block POST
 * answered with another hash. Nothing more is written once it is thrown.
 */
export class IntegrityError extends OpsError {
  override name = 'IntegrityError';
  constructor(
    message: string,
    /** What was expected (a hex hash or an MD5). */
    readonly expected?: string,
    /** What was found. */
    readonly actual?: string,
  ) {
    super(message, { code: 'INTEGRITY' });
  }
}
