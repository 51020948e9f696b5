import { OpsError } from './ops-error.js';

/** Extra facts about a failed exchange. */
export interface NetworkErrorOptions {
  /** What the runtime threw, with secrets scrubbed from its message and stack. */
  cause?: unknown;
  /**
   * True when the request may have reached the server before the failure (sent, then reset or
   * cut while the reply was read): a non-idempotent call may have taken effect.
   */
  outcomeUnknown?: boolean;
  /** The status of the reply, when its headers arrived before the body broke. */
  status?: number;
}

/** fetch failed before a whole response arrived (DNS, refused, reset, truncated body). */
export class NetworkError extends OpsError {
  static override readonly kind: string = 'opskit:NetworkError';
  override name = 'NetworkError';
  readonly op: string;
  /** See {@link NetworkErrorOptions.outcomeUnknown}. */
  readonly outcomeUnknown: boolean;
  /** See {@link NetworkErrorOptions.status}. */
  readonly status: number | undefined;

  constructor(op: string, detail: string, options: NetworkErrorOptions = {}) {
    super(`${op} failed: network error: ${detail}${options.outcomeUnknown ? outcomeNote(options.status) : ''}`, {
      code: 'NETWORK',
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.op = op;
    this.outcomeUnknown = options.outcomeUnknown === true;
    this.status = options.status;
  }
}

/** The sentence that tells a caller a non-idempotent call may have happened. */
export function outcomeNote(status: number | undefined): string {
  return ` (the request was sent${status === undefined ? '' : ` and HTTP ${status} began to arrive`}; the server may have acted on it)`;
}
