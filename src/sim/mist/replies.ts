/**
 * How the mist.io server of 2014 answers: JSON for data, the two bytes `OK` for some updates, and
 * errors as the text `<Title>: <detail>` with Pyramid's default content type (not JSON). Unknown
 * routes get the HTML 404 page.
 */

const TEXT = 'text/html; charset=UTF-8';

/** A JSON reply (Pyramid's json renderer). */
export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json; charset=UTF-8' } });
}

/** The text `OK`. */
export function ok(): Response {
  return new Response('OK', { status: 200, headers: { 'content-type': TEXT } });
}

/** HTTP reason phrases of the statuses the server uses. */
const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** The server's base title per status (its exception classes' messages). */
export const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Not authorized', 402: 'Payment required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 500: 'Internal Server Error', 503: 'Service unavailable',
};

/**
 * A mist.io error (the server's MistError): thrown from anywhere in a route, answered as
 * `<title>` or `<title>: <detail>` with `status`.
 */
export class MistSimError extends Error {
  override name = 'MistSimError';
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail === undefined ? title : `${title}: ${detail}`);
  }
}

/** The text reply of a MistSimError. */
export function errorReply(error: MistSimError): Response {
  return new Response(error.message, { status: error.status, statusText: REASONS[error.status] ?? '', headers: { 'content-type': TEXT } });
}

/** Any non-mist exception in a view: the server logs it and answers this. */
export function internalError(): Response {
  return new Response('Internal Server Error', { status: 500, statusText: 'Internal Server Error', headers: { 'content-type': TEXT } });
}

/** The error body of an injected fault, in the server's text style. */
export function faultBody(status: number, _code: string, message: string): string {
  return `${TITLES[status] ?? REASONS[status] ?? 'Error'}: ${message}`;
}

const PAGE_404 = `<!DOCTYPE html>
<html>
<head>
    <meta charset="utf-8">
    <title>Mistio - cloud management in your pocket</title>
</head>
<body>
    <div id="splash">
        <div id="container">
            <a id="logo" href="/"></a>
            <div id="message">
                404. Got lost in the clouds
            </div>
        </div>
    </div>
</body>
</html>
`;

/** The HTML 404 page of an unknown route (or a known route with another method). */
export function notFoundPage(): Response {
  return new Response(PAGE_404, { status: 404, statusText: 'Not Found', headers: { 'content-type': TEXT } });
}

// The server's exceptions, by the names it gives them.
export const badRequest = (detail?: string) => new MistSimError(400, 'Bad Request', detail);
export const missing = (name: string) => new MistSimError(400, 'Required parameter not provided', name);
export const notAuthorized = (detail?: string) => new MistSimError(401, 'Not authorized', detail);
export const backendUnauthorized = (detail?: string) => new MistSimError(401, 'Invalid backend credentials', detail);
export const machineUnauthorized = (detail?: string) => new MistSimError(401, "Couldn't authenticate to machine", detail);
export const paymentRequired = (detail?: string) => new MistSimError(402, 'Payment required', detail);
export const backendNotFound = (id?: string) => new MistSimError(404, 'Backend not found', id);
export const keypairNotFound = (id?: string) => new MistSimError(404, 'Keypair not found', id);
export const machineNotFound = (id?: string) => new MistSimError(404, 'Machine not found', id);
export const backendExists = (id?: string) => new MistSimError(409, 'Backend exists', id);
export const backendNameExists = (name?: string) => new MistSimError(409, 'Backend name exists', name);
export const keypairExists = (id?: string) => new MistSimError(409, 'Keypair exists', id);
export const machineCreationFailed = (detail?: string) => new MistSimError(500, 'Machine creation failed', detail);
export const serviceUnavailable = (detail?: string) => new MistSimError(503, 'Service unavailable', detail);
export const backendUnavailable = (id?: string) => new MistSimError(503, 'Backend unavailable', id);
export const machineUnavailable = (detail?: string) => new MistSimError(503, 'Machine currently unavailable', detail);
