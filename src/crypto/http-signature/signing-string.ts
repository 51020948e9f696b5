import { checkString, fail, kindOf } from '../args/check.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { SignatureError } from '../errors/signature-error.js';

/** What a signing string is built from. */
export interface SignableRequest {
  method: string;
  /** Absolute URL or `path?query` as sent. */
  url: string;
  headers: Headers;
}

// An HTTP field name (RFC 9110 §5.1, a token); Headers.get throws a raw TypeError for anything else.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * `path?query` of a URL exactly as it goes on the wire (no decoding).
 * @throws ConfigError when `url` is not a path starting with `/` or an absolute URL.
 */
export function requestTarget(url: string): string {
  return target(url, 'requestTarget: url');
}

function target(url: unknown, what: string): string {
  const text = checkString(url, what);
  if (text.startsWith('/')) return text;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    // The URL is not quoted: its query may hold a credential.
    throw new ConfigError(`${what} must be a path starting with / or an absolute URL`);
  }
  return `${u.pathname}${u.search}`;
}

/** Checks a {@link SignableRequest}; `what` names the argument. */
export function checkSignableRequest(request: unknown, what: string): SignableRequest {
  if (typeof request !== 'object' || request === null) fail(what, 'a request ({ method, url, headers })', request);
  const r = request as Partial<SignableRequest>;
  checkString(r.method, `${what}.method`);
  checkString(r.url, `${what}.url`);
  if (typeof r.headers !== 'object' || r.headers === null || typeof r.headers.get !== 'function' || typeof r.headers.has !== 'function') {
    fail(`${what}.headers`, 'a Headers object', r.headers);
  }
  return r as SignableRequest;
}

/**
 * Checks a list of header names to sign; `what` names the argument. An empty list is refused: it
 * would sign the empty string, a signature that fits any request.
 */
export function checkHeaderNames(names: unknown, what: string): string[] {
  if (!Array.isArray(names) || names.length === 0) fail(what, 'a non-empty array of header names', names);
  return names.map((name: unknown, i) => {
    if (typeof name !== 'string' || (name.toLowerCase() !== '(request-target)' && !TOKEN.test(name))) {
      throw new ConfigError(`${what}[${i}] must be a header name or (request-target), got ${typeof name === 'string' ? 'a string that is not one' : kindOf(name)}`);
    }
    return name;
  });
}

/**
 * The draft-cavage signing string: for each header name, `name: value` with the name lowercased
 * and the value exactly as sent, joined by `\n`, no trailing newline. `(request-target)` is
 * `<lowercase method> <path?query>`.
 * @throws SignatureError when a listed header is not on the request; ConfigError when `request`
 *   is not a request or `headerNames` not a list of header names.
 */
export function signingString(request: SignableRequest, headerNames: readonly string[]): string {
  const req = checkSignableRequest(request, 'signingString: request');
  return checkHeaderNames(headerNames, 'signingString: headerNames')
    .map((raw) => {
      const name = raw.toLowerCase();
      if (name === '(request-target)') return `${name}: ${req.method.toLowerCase()} ${target(req.url, 'signingString: request.url')}`;
      const value = req.headers.get(name);
      if (value === null) throw new SignatureError(`cannot sign header ${JSON.stringify(name)}: it is not on the request`);
      return `${name}: ${value}`;
    })
    .join('\n');
}
