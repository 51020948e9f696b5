import { OpsError } from './ops-error.js';

/** A 2xx response whose body is not what the API promises (bad JSON, missing fields). */
export class ResponseError extends OpsError {
  static override readonly kind: string = 'opskit:ResponseError';
  override name = 'ResponseError';
  readonly op: string;

  constructor(op: string, detail: string, options?: { cause?: unknown }) {
    super(`${op} returned an invalid response: ${detail}`, { code: 'BAD_RESPONSE', ...options });
    this.op = op;
  }
}
