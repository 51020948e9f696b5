import type { OpsClient } from '../../core/client.js';
import type { HttpError, HttpErrorInit } from '../../core/errors/http-error.js';
import type { PathStyle } from '../../core/path-params.js';
import { requestInfoOf } from '../../core/pipeline.js';
import { quote } from './quote.js';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * openapi-fetch `pathSerializer` with kamaki's encoding: each path parameter (already checked by
 * the core: no `..`, no control characters, no `/` in a plain id) is quoted ONCE with Python 2
 * rules. `segments` parameters (object names) keep their `/`; `text` ones (free-text names) have
 * it escaped so they stay one segment.
 */
export function kamakiPathSerializer(styles?: Readonly<Record<string, PathStyle>>): (url: string, params: Readonly<Record<string, unknown>>) => string {
  return (url, params) =>
    url.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined || value === null) return whole;
      const style = styles?.[name] ?? 'id';
      return quote(String(value), style === 'segments' ? '/' : style === 'text' ? '' : '/');
    });
}

function isRaw(body: unknown): boolean {
  // Any typed array or DataView (taken out of ArrayBuffer so no Node `Buffer` lookalike reads here).
  const { isView } = ArrayBuffer;
  return (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}

function contentTypeOf(headers: unknown): string {
  if (!headers) return '';
  if (headers instanceof Headers) return headers.get('content-type') ?? '';
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) if (k.toLowerCase() === 'content-type' && typeof v === 'string') return v;
  return '';
}

/** Python's `urllib.urlencode`: `quote_plus` on keys and values (spaces → `+`, `*` escaped). */
export function formEncode(fields: Readonly<Record<string, unknown>>): string {
  const plus = (s: string) => quote(s, '').replace(/%20/g, '+');
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${plus(k)}=${plus(v === null ? 'None' : String(v))}`)
    .join('&');
}

/**
 * openapi-fetch `bodySerializer`: strings, bytes, Blobs, FormData, URLSearchParams and streams
 * pass through untouched (give them a Content-Type header); an object sent as
 * `application/x-www-form-urlencoded` is form-encoded the Python way; any other value is JSON.
 */
export function synnefoBody(body: unknown, headers?: unknown): any {
  if (body === undefined) return undefined;
  if (isRaw(body)) return body;
  if (contentTypeOf(headers).toLowerCase().startsWith('application/x-www-form-urlencoded') && body && typeof body === 'object') {
    return formEncode(body as Record<string, unknown>);
  }
  return JSON.stringify(body);
}

type RawResult = { data?: unknown; error?: unknown; response: Response };

/**
 * Turns an openapi-fetch result into data or a typed error with kamaki's per-call success codes:
 * a status in `codes` resolves (an accepted 304 as `notModified`), any other throws the client's
 * error (through the core's `unwrapResponse` for non-2xx, so bodies are redacted the same way).
 */
export async function finishCall(
  api: OpsClient<any>,
  promise: Promise<RawResult>,
  codes: readonly number[],
  errorFactory: (init: HttpErrorInit) => HttpError,
  op: string,
): Promise<{ data: any; status: number; headers: Headers; response: Response; notModified: boolean }> {
  let result: RawResult;
  try {
    result = await promise;
  } catch (e) {
    // The core maps what fetch or openapi-fetch threw (dry-run signal, timeouts, bad JSON) exactly as for its own calls.
    await api.unwrapResponse(Promise.reject(e));
    throw e;
  }
  const { response } = result;
  const status = response.status;
  if (codes.includes(status)) {
    // A 2xx goes through the core once more, which checks the body's shape against the spec.
    const data = response.ok ? (await api.unwrapResponse(Promise.resolve(result))).data : result.error === '' ? undefined : result.error;
    return { data, status, headers: response.headers, response, notModified: status === 304 };
  }
  if (!response.ok) {
    await api.unwrapResponse(Promise.resolve(result));
  }
  throw unexpectedStatus(response, result.data, errorFactory, op);
}

/** kamaki raises ClientError for a 2xx outside the call's success codes too. */
function unexpectedStatus(response: Response, data: unknown, errorFactory: (init: HttpErrorInit) => HttpError, op: string): HttpError {
  const known = requestInfoOf(response);
  const redactor = known?.redactor;
  return errorFactory({
    status: response.status,
    statusText: response.statusText,
    request: known?.info ?? { op, method: '', url: '', headers: {} },
    body: redactor ? redactor.value(data) : undefined,
    headers: new Headers(redactor ? redactor.headers(response.headers) : undefined),
  });
}
