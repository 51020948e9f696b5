import { SignatureError } from '../errors/signature-error.js';

/** What a signing string is built from. */
export interface SignableRequest {
  method: string;
  /** Absolute URL or `path?query` as sent. */
  url: string;
  headers: Headers;
}

/** `path?query` of a URL exactly as it goes on the wire (no decoding). */
export function requestTarget(url: string): string {
  if (url.startsWith('/')) return url;
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/**
 * The draft-cavage signing string: for each header name, `name: value` with the name lowercased
 * and the value exactly as sent, joined by `\n`, no trailing newline. `(request-target)` is
 * `<lowercase method> <path?query>`.
 * @throws SignatureError when a listed header is not on the request.
 */
export function signingString(request: SignableRequest, headerNames: readonly string[]): string {
  return headerNames
    .map((raw) => {
      const name = raw.toLowerCase();
      if (name === '(request-target)') return `${name}: ${request.method.toLowerCase()} ${requestTarget(request.url)}`;
      const value = request.headers.get(name);
      if (value === null) throw new SignatureError(`cannot sign header ${JSON.stringify(name)}: it is not on the request`);
      return `${name}: ${value}`;
    })
    .join('\n');
}
