import { outcomeNote } from './network-error.js';
import { OpsError } from './ops-error.js';

/** An attempt, a whole call (retries included) or a wait ran out of time. */
export class TimeoutError extends OpsError {
  static override readonly kind: string = 'opskit:TimeoutError';
  override name = 'TimeoutError';
  readonly op: string;
  readonly timeoutMs: number;
  /** `attempt` for one try, `total` for the call with retries, `wait` for waitFor. */
  readonly scope: 'attempt' | 'total' | 'wait';
  /** For waits: what the last poll returned. */
  lastValue?: unknown;
  /** True when the request had been sent when time ran out: a non-idempotent call may have taken effect. */
  readonly outcomeUnknown: boolean;

  constructor(op: string, timeoutMs: number, scope: 'attempt' | 'total' | 'wait', options: { cause?: unknown; outcomeUnknown?: boolean } = {}) {
    super(`${op} timed out after ${timeoutMs} ms (${scope} timeout)${options.outcomeUnknown ? outcomeNote(undefined) : ''}`, {
      code: 'TIMEOUT',
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.op = op;
    this.timeoutMs = timeoutMs;
    this.scope = scope;
    this.outcomeUnknown = options.outcomeUnknown === true;
  }
}
