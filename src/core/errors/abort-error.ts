import { OpsError } from './ops-error.js';

/** The caller's AbortSignal fired. `reason` is the signal's reason. */
export class AbortError extends OpsError {
  override name = 'AbortError';
  readonly op: string;
  readonly reason: unknown;

  constructor(op: string, reason?: unknown) {
    super(`${op} was aborted`, { code: 'ABORTED' });
    this.op = op;
    this.reason = reason;
  }
}
