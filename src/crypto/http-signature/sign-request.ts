import { encodeBase64 } from '../encoding/base64.js';
import { encodeUtf8 } from '../encoding/utf8.js';
import { formatAuthorization } from './authorization.js';
import { httpDate } from './date.js';
import type { HttpSigner } from './signer.js';
import { signingString, type SignableRequest } from './signing-string.js';

/** Options of {@link signRequest}. */
export interface SignRequestOptions {
  keyId: string;
  signer: HttpSigner;
  /**
   * Header carrying the date: `date` (default) or `x-date` for runtimes that forbid setting
   * `Date` (browsers). CloudAPI checks whichever is present; see docs/triton.md for x-date's caveat.
   */
  dateHeader?: 'date' | 'x-date';
  /** Headers to sign, in order (default: just the date header). Add `(request-target)` to bind method and path. */
  headers?: readonly string[];
  /** Clock in ms (default Date.now). */
  now?: () => number;
}

/** What {@link signRequest} did. */
export interface SignedRequest {
  authorization: string;
  /** The exact bytes signed (as text). */
  signingString: string;
  algorithm: string;
  keyId: string;
  headers: string[];
}

/**
 * Signs a request in place with an HTTP Signature (draft-cavage, as Joyent's http-signature
 * and CloudAPI implement it): sets the date header to now (unless already set), builds the
 * signing string, signs it and sets `Authorization`. Call it again for every retry.
 */
export async function signRequest(request: SignableRequest, options: SignRequestOptions): Promise<SignedRequest> {
  const dateHeader = options.dateHeader ?? 'date';
  if (!request.headers.has(dateHeader)) request.headers.set(dateHeader, httpDate((options.now ?? Date.now)()));
  const headers = [...(options.headers ?? [dateHeader])].map((h) => h.toLowerCase());
  const text = signingString(request, headers);
  const { algorithm, signature } = await options.signer.sign(encodeUtf8(text));
  const authorization = formatAuthorization({ keyId: options.keyId, algorithm, headers, signature: encodeBase64(signature) });
  request.headers.set('authorization', authorization);
  return { authorization, signingString: text, algorithm, keyId: options.keyId, headers };
}
