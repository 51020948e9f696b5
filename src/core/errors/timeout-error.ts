import { OpsError } from './ops-error.js';

/** An attempt, a whole call (retries included) or a wait ran out of time. */
export class TimeoutError extends OpsError {
  override name = 'TimeoutError';
  readonly op: string;
  readonly timeoutMs: number;
  /** `attempt` for one try, `total` for the call with retries, `wait` for waitFor. */
  readonly scope: 'attempt' | 'total' | 'wait';
  /** For waits: what the last poll returned. */
  lastValue?: unknown;

  constructor(op: string, timeoutMs: number, scope: 'attempt' | 'total' | 'wait', options?: { cause?: unknown }) {
    super(`${op} timed out after ${timeoutMs} ms (${scope} timeout)`, { code: 'TIMEOUT', ...options });
    this.op = op;
    this.timeoutMs = timeoutMs;
    this.scope = scope;
  }
}
