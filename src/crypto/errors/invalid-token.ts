import { OpsError } from '../../core/errors/ops-error.js';

/**
 * A token failed verification: malformed, wrong version, expired, from too far in
 * the future, forged or corrupted.
 *
 * The message is always the same and the error never carries a `cause`: telling the
 * failures apart (for example a bad MAC from bad padding) would give an attacker an
 * oracle, so callers get one opaque error whatever went wrong.
 */
export class InvalidToken extends OpsError {
  override name = 'InvalidToken';

  constructor() {
    super('Invalid token', { code: 'INVALID_TOKEN' });
  }
}
