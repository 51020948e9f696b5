import type { AuthHandler } from '../core/types.js';
import type { HttpSigner } from '../crypto/http-signature/signer.js';
import { signRequest } from '../crypto/http-signature/sign-request.js';
import { DEFAULT_ACCEPT_VERSION } from './version.js';

/** Where the date goes: `Date` (default where it can be set), `x-date`, or decided per runtime. */
export type DateHeaderMode = 'date' | 'x-date' | 'auto';

/** Options of {@link tritonAuth}. */
export interface TritonAuthOptions {
  /** keyId to send (`/<account>[/users/<user>]/keys/<md5 fingerprint>`). */
  keyId: string;
  signer: HttpSigner;
  /** `Accept-Version` (default `~9||~8`). */
  acceptVersion?: string;
  /**
   * `auto` (default) sends and signs `Date` wherever the runtime lets a request carry it and
   * falls back to `x-date` in browsers, where `Date` is a forbidden header (see docs/triton.md).
   */
  dateHeader?: DateHeaderMode;
  /** Headers to sign (default: the date header alone, as node-smartdc). */
  signHeaders?: readonly string[];
}

let dateAllowed: boolean | undefined;

/** Whether `fetch` requests made here may carry a `Date` header (false in browsers). */
export function canSendDateHeader(): boolean {
  if (dateAllowed === undefined) {
    try {
      dateAllowed = new Request('http://opskit.invalid/', { headers: { date: 'Thu, 01 Jan 1970 00:00:00 GMT' } }).headers.has('date');
    } catch {
      dateAllowed = false;
    }
  }
  return dateAllowed;
}

/**
 * CloudAPI's HTTP Signature auth as a core AuthHandler: on every attempt (so each retry has a
 * fresh date and signature) it sets `Accept-Version`, `Accept` and the date, then signs.
 */
export function tritonAuth(options: TritonAuthOptions): AuthHandler {
  const mode = options.dateHeader ?? 'auto';
  return {
    async sign(req, ctx) {
      if (!req.headers.has('accept-version') && !req.headers.has('x-api-version')) req.headers.set('accept-version', options.acceptVersion ?? DEFAULT_ACCEPT_VERSION);
      if (!req.headers.has('accept')) req.headers.set('accept', 'application/json');
      const dateHeader = mode === 'auto' ? (canSendDateHeader() ? 'date' : 'x-date') : mode;
      req.headers.delete(dateHeader === 'date' ? 'x-date' : 'date');
      const signed = await signRequest(req, {
        keyId: options.keyId,
        signer: options.signer,
        dateHeader,
        now: ctx.now,
        ...(options.signHeaders ? { headers: options.signHeaders.map((h) => (h === 'date' ? dateHeader : h)) } : {}),
      });
      return { signed: signed.signingString, extra: { algorithm: signed.algorithm, signedHeaders: signed.headers.join(' '), fingerprint: options.signer.publicKey.md5Fingerprint } };
    },
  };
}
