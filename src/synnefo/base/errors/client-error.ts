import { HttpError, type HttpErrorInit } from '../../../core/errors/http-error.js';
import type { RequestInfo } from '../../../core/errors/request-info.js';
import { parseFault } from './parse-fault.js';
import { reasonPhrase } from './reason.js';

const NO_REQUEST: RequestInfo = Object.freeze({ op: '', method: '', url: '', headers: Object.freeze({}) }) as RequestInfo;
const BODY_TEXT_LIMIT = 1000;

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > BODY_TEXT_LIMIT ? `${text.slice(0, BODY_TEXT_LIMIT)}…` : text;
}

/**
 * kamaki's `ClientError`: a Synnefo call answered with a status outside the call's success codes
 * (4xx and 5xx alike, and a 2xx or 304 the call does not expect). As in kamaki, the fault body
 * `{"<faultName>": {"code", "message", "details"}}` is parsed (protocol §1.4): `status` is
 * `fault.code`, `details` collects `fault.details`, `fault` is the fault name, and the message
 * reads `"<reason> <faultName> (<fault.message>)"`, prefixed with the operation
 * (`getServerDetails: Not Found itemNotFound (Server 7 not found)`).
 *
 * It is an {@link HttpError} (`request`, `body`, `headers` carry the redacted facts), but NOT the
 * core's 4xx-only `ClientError`: catch this one (from `opskit/synnefo`) for every Synnefo HTTP
 * failure. Subclasses per fault name (`ItemNotFound`, `OverLimit`, …) come from
 * {@link synnefoErrorFor}. Transport failures stay the core's `NetworkError`/`TimeoutError`
 * (kamaki raises ClientError with status 0 for those).
 *
 * Like kamaki's, it can be built by hand: `new ClientError('Not Found {"itemNotFound": …}', 404)`.
 */
export class ClientError extends HttpError {
  override name = 'ClientError';
  /** Extra information: what the caller gave plus a non-empty `fault.details` (kamaki `details`). */
  readonly details: string[];
  /** The fault name (`itemNotFound`, `overLimit`, …), when the body had one. */
  readonly fault: string | undefined;
  /** `fault.message`, when the body had one. */
  readonly faultMessage: string | undefined;
  /** The HTTP status of the response (0 for an error built by hand); `status` is kamaki's (fault.code). */
  readonly httpStatus: number;

  /** kamaki's constructor: parses `message` as kamaki does. */
  constructor(message: string, status?: number, details?: string | readonly string[]);
  /** From a response (what {@link synnefoErrorFor} does). */
  constructor(init: HttpErrorInit);
  constructor(messageOrInit: string | HttpErrorInit, status = 0, details?: string | readonly string[]) {
    if (typeof messageOrInit === 'string') {
      const parsed = parseFault(messageOrInit, status, details);
      super({ status: parsed.status, request: NO_REQUEST });
      this.message = parsed.message;
      this.details = parsed.details;
      this.fault = parsed.fault;
      this.faultMessage = parsed.faultMessage;
      this.httpStatus = 0;
      return;
    }
    const init = messageOrInit;
    const reason = reasonPhrase(init.status, init.statusText);
    const body = bodyText(init.body);
    const parsed = parseFault(body ? `${reason} ${body}` : reason, init.status);
    super({ ...init, status: parsed.status, vendorCode: init.vendorCode ?? parsed.fault });
    this.message = `${init.request.op ? `${init.request.op}: ` : ''}${parsed.message || `HTTP ${init.status}`}`;
    this.details = parsed.details;
    this.fault = parsed.fault;
    this.faultMessage = parsed.faultMessage;
    this.httpStatus = init.status;
  }
}
