import type { HttpErrorInit } from '../../core/errors/http-error.js';
import { HTTP500Error } from './http500-error.js';

/**
 * 503 (upstream `HTTP503Error`): the server is unavailable, which upstream treats as the end of
 * the session. `retryAfter` is the raw `Retry-After` header (`retryAfterMs` parses it).
 */
export class HTTP503Error extends HTTP500Error {
  override name = 'HTTP503Error';
  /** The `Retry-After` header as sent (seconds or an HTTP date), or undefined when absent. */
  readonly retryAfter: string | undefined;

  constructor(init: HttpErrorInit) {
    super(init);
    this.retryAfter = this.headers.get('retry-after') ?? undefined;
    // Upstream's message names the retry hint; keep it, after opskit's operation and status.
    this.message += this.retryAfter === undefined ? ' (no retry provided)' : ` (retry after: ${this.retryAfter})`;
  }
}
