import { parseRetryAfter } from '../retry-policy.js';
import { OpsError } from './ops-error.js';
import type { RequestInfo } from './request-info.js';

export interface HttpErrorInit {
  status: number;
  statusText?: string;
  request: RequestInfo;
  /** Parsed response body (JSON when it parses, text otherwise), secrets redacted. */
  body?: unknown;
  /** Vendor error code from the body, when the vendor has one. */
  vendorCode?: string;
  /** Vendor message from the body, when the vendor has one. */
  vendorMessage?: string;
  headers?: Headers;
}

/** A response with a non-2xx status. Subclasses split 4xx and 5xx. */
export class HttpError extends OpsError {
  static override readonly kind: string = 'opskit:HttpError';
  override name = 'HttpError';
  readonly status: number;
  readonly statusText: string;
  readonly request: RequestInfo;
  readonly body: unknown;
  readonly vendorCode: string | undefined;
  readonly headers: Headers;

  constructor(init: HttpErrorInit) {
    const detail = init.vendorMessage ? `: ${init.vendorCode ? `${init.vendorCode}: ` : ''}${init.vendorMessage}` : '';
    super(`${init.request.op} failed with HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ''}${detail}`, {
      code: 'HTTP_ERROR',
    });
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.request = init.request;
    this.body = init.body;
    this.vendorCode = init.vendorCode;
    this.headers = init.headers ?? new Headers();
  }

  /** Seconds (or an HTTP date) from `Retry-After`, parsed to milliseconds; undefined when absent. */
  get retryAfterMs(): number | undefined {
    return parseRetryAfter(this.headers.get('retry-after'), Date.now());
  }
}

/** True for an HTTP error reply from any copy of opskit (ESM, CJS, a bundle). */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}
