import { OpsError } from './ops-error.js';

/** fetch failed before a response arrived (DNS, refused, reset, truncated body). */
export class NetworkError extends OpsError {
  override name = 'NetworkError';
  readonly op: string;

  constructor(op: string, detail: string, options?: { cause?: unknown }) {
    super(`${op} failed: network error: ${detail}`, { code: 'NETWORK', ...options });
    this.op = op;
  }
}
