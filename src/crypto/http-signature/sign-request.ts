import { checkBytes, checkFunction, checkOneOf, checkOptions, checkString, fail } from '../args/check.js';
import { encodeBase64 } from '../encoding/base64.js';
import { encodeUtf8 } from '../encoding/utf8.js';
import { checkQuotable, formatAuthorization } from './authorization.js';
import { httpDate } from './date.js';
import type { HttpSigner } from './signer.js';
import { checkHeaderNames, checkSignableRequest, signingString, type SignableRequest } from './signing-string.js';

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

/** Checks an {@link HttpSigner} (anything with a `sign` function and an `algorithm`); `what` names it. */
export function checkSigner(signer: unknown, what: string): HttpSigner {
  if (typeof signer !== 'object' || signer === null) fail(what, 'an HttpSigner ({ publicKey, algorithm, sign })', signer);
  const s = signer as Partial<HttpSigner>;
  checkFunction(s.sign, `${what}.sign`);
  checkString(s.algorithm, `${what}.algorithm`);
  return s as HttpSigner;
}

/**
 * Signs a request in place with an HTTP Signature (draft-cavage, as Joyent's http-signature
 * and CloudAPI implement it): sets the date header to now (unless already set), builds the
 * signing string, signs it and sets `Authorization`. Call it again for every retry.
 * @throws (rejects with) ConfigError when `request` or an option is wrong (checked before
 *   anything is signed), or the signer answers with an algorithm name no header can carry;
 *   SignatureError when a header to sign is missing or the signer fails.
 */
export async function signRequest(request: SignableRequest, options: SignRequestOptions): Promise<SignedRequest> {
  const req = checkSignableRequest(request, 'signRequest: request');
  if (options === undefined) fail('signRequest: options', 'an options object ({ keyId, signer, … })', options);
  const o = checkOptions(options, 'signRequest: options');
  // A keyId no header can carry is refused before anything is signed.
  const keyId = checkQuotable(o.keyId, 'signRequest: options.keyId');
  const signer = checkSigner(o.signer, 'signRequest: options.signer');
  const dateHeader = o.dateHeader === undefined ? 'date' : checkOneOf(o.dateHeader, 'signRequest: options.dateHeader', ['date', 'x-date'] as const);
  const now = o.now === undefined ? Date.now : checkFunction<() => number>(o.now, 'signRequest: options.now');
  const headers = (o.headers === undefined ? [dateHeader] : checkHeaderNames(o.headers, 'signRequest: options.headers')).map((h) => h.toLowerCase());
  if (!req.headers.has(dateHeader)) {
    const ms: unknown = now();
    if (typeof ms !== 'number') fail('signRequest: options.now()', 'milliseconds since 1970 (a number)', ms);
    req.headers.set(dateHeader, httpDate(ms));
  }
  const text = signingString(req, headers);
  const result: unknown = await signer.sign(encodeUtf8(text));
  if (typeof result !== 'object' || result === null) fail('signRequest: options.signer.sign()', 'a promise of { algorithm, signature }', result);
  const { algorithm, signature } = result as Awaited<ReturnType<HttpSigner['sign']>>;
  checkQuotable(algorithm, 'signRequest: options.signer.sign() algorithm');
  checkBytes(signature, 'signRequest: options.signer.sign() signature');
  const authorization = formatAuthorization({ keyId, algorithm, headers, signature: encodeBase64(signature) });
  req.headers.set('authorization', authorization);
  return { authorization, signingString: text, algorithm, keyId, headers };
}
