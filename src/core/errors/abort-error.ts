import { outcomeNote } from './network-error.js';
import { OpsError } from './ops-error.js';

/** The caller's AbortSignal fired. `reason` is the signal's reason. */
export class AbortError extends OpsError {
  static override readonly kind: string = 'opskit:AbortError';
  override name = 'AbortError';
  readonly op: string;
  readonly reason: unknown;
  /** True when the request had been sent when it was aborted: a non-idempotent call may have taken effect. */
  readonly outcomeUnknown: boolean;

  constructor(op: string, reason?: unknown, options: { outcomeUnknown?: boolean } = {}) {
    super(`${op} was aborted${options.outcomeUnknown ? outcomeNote(undefined) : ''}`, { code: 'ABORTED' });
    this.op = op;
    this.reason = reason;
    this.outcomeUnknown = options.outcomeUnknown === true;
  }
}
