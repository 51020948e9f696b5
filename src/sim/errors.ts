/**
 * Builds the JSON error body of a simulator. Families whose API uses another error shape
 * (e.g. OpenStack's `{ "itemNotFound": { code, message } }`) pass their own to `defineSim`.
 */
export type ErrorBody = (status: number, code: string, message: string) => unknown;

/** The default error shape: `{ code, message }`. */
export const defaultErrorBody: ErrorBody = (_status, code, message) => ({ code, message });

/** Builds a JSON error `Response` with `errorBody`'s shape. */
export function errorResponse(
  errorBody: ErrorBody,
  status: number,
  code: string,
  message: string,
  headers?: HeadersInit,
): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json');
  return new Response(JSON.stringify(errorBody(status, code, message)), { status, headers: h });
}

/** Conventional vendor-neutral code for a status, used by injected faults and fallbacks. */
export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'ServerError' : 'ClientError');
}

const STATUS_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};
