import { ConfigError } from '../core/errors/config-error.js';
import type { AuthHandler } from '../core/types.js';
import { encodeBase64 } from '../crypto/encoding/base64.js';
import type { HttpSigner } from '../crypto/http-signature/signer.js';
import { signRequest } from '../crypto/http-signature/sign-request.js';
import { checkHeaderName, checkHeaderValue } from '../core/header-safe.js';
import { RecentSecrets } from '../core/recent-secrets.js';
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
 * Refuses options that cannot travel in the Authorization or Accept-Version header (CR, LF, NUL,
 * other control characters, non-ASCII, a `"` that would end the keyId early).
 * @throws ConfigError naming the option; the value is never quoted.
 */
export function checkTritonAuthOptions(where: string, options: Partial<Pick<TritonAuthOptions, 'keyId' | 'acceptVersion' | 'dateHeader' | 'signHeaders'>>): void {
  checkHeaderValue(where, 'keyId', options.keyId);
  if (options.keyId !== undefined && /["\\]/.test(options.keyId)) throw new ConfigError(`${where}: keyId must not contain '"' or '\\'`);
  checkHeaderValue(where, 'acceptVersion', options.acceptVersion);
  if (options.dateHeader !== undefined && !['date', 'x-date', 'auto'].includes(options.dateHeader)) {
    throw new ConfigError(`${where}: dateHeader must be "date", "x-date" or "auto"`);
  }
  if (options.signHeaders !== undefined) {
    if (!Array.isArray(options.signHeaders)) throw new ConfigError(`${where}: signHeaders must be a list of header names`);
    for (const h of options.signHeaders) checkHeaderName(where, 'signHeaders', h);
  }
}

/**
 * CloudAPI's HTTP Signature auth as a core AuthHandler: on every attempt (so each retry has a
 * fresh date and signature) it sets `Accept-Version`, `Accept` and the date, then signs.
 *
 * Every signature and Authorization value is recorded as a secret (see `secrets()`) the moment the
 * signer returns it, before the header is set; if anything fails after that, the error is rebuilt
 * without them, so a signature (replayable for ±300 s) can never ride out in an error message.
 * @throws ConfigError when an option cannot travel in a header.
 */
export function tritonAuth(options: TritonAuthOptions): AuthHandler {
  checkTritonAuthOptions('tritonAuth', options);
  const mode = options.dateHeader ?? 'auto';
  const produced = new RecentSecrets();
  const inner = options.signer;
  // The signer as signRequest sees it: records each signature before signRequest can use it.
  const signer: HttpSigner = {
    publicKey: inner.publicKey,
    algorithm: inner.algorithm,
    async sign(data) {
      const result = await inner.sign(data);
      produced.add(encodeBase64(result.signature));
      return result;
    },
  };
  return {
    async sign(req, ctx) {
      if (!req.headers.has('accept-version') && !req.headers.has('x-api-version')) req.headers.set('accept-version', options.acceptVersion ?? DEFAULT_ACCEPT_VERSION);
      if (!req.headers.has('accept')) req.headers.set('accept', 'application/json');
      const dateHeader = mode === 'auto' ? (canSendDateHeader() ? 'date' : 'x-date') : mode;
      req.headers.delete(dateHeader === 'date' ? 'x-date' : 'date');
      let signed;
      try {
        signed = await signRequest(req, {
          keyId: options.keyId,
          signer,
          dateHeader,
          now: ctx.now,
          ...(options.signHeaders ? { headers: options.signHeaders.map((h) => (h === 'date' ? dateHeader : h)) } : {}),
        });
      } catch (e) {
        throw produced.safeError(ctx.op, e);
      }
      produced.add(signed.authorization);
      return { signed: signed.signingString, extra: { algorithm: signed.algorithm, signedHeaders: signed.headers.join(' '), fingerprint: options.signer.publicKey.md5Fingerprint } };
    },
    secrets: () => produced.values(),
  };
}
