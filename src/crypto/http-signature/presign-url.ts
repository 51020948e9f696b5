import { ConfigError } from '../../core/errors/config-error.js';
import { checkFunction, checkInteger, checkOptions, checkString, fail } from '../args/check.js';
import { encodeBase64 } from '../encoding/base64.js';
import { encodeUtf8 } from '../encoding/utf8.js';
import { SignatureError } from '../errors/signature-error.js';
import { checkSigner } from './sign-request.js';
import type { HttpSigner } from './signer.js';

/** Options of {@link presignUrl}. */
export interface PresignUrlOptions {
  keyId: string;
  signer: HttpSigner;
  /** Methods the URL is good for (default GET and HEAD). */
  methods?: readonly string[];
  /** Expiry, unix seconds (default now + 300). */
  expires?: number;
  now?: () => number;
}

// An HTTP method is a token (RFC 9110 §9.1).
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * RFC 3986 encoding as Joyent's servers apply it: encodeURIComponent plus `!'()*`.
 * @throws ConfigError when `value` is not a string or has a lone surrogate (which has no
 *   percent-encoding; encodeURIComponent would throw a URIError).
 */
export function rfc3986(value: string): string {
  return encode(checkString(value, 'rfc3986: value', { allowEmpty: true }));
}

const encode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Reads an injected clock, which must give finite milliseconds. */
function clock(now: () => number, what: string): number {
  const ms: unknown = now();
  if (typeof ms !== 'number' || !Number.isFinite(ms)) fail(what, 'milliseconds since 1970 (a finite number)', ms);
  return ms;
}

/**
 * A pre-signed URL (Joyent's scheme, CloudAPI 8.4+): adds `expires`, `keyId`, `algorithm`
 * (and `method` when more than one) as query parameters and signs
 * `METHODS\nhost\npath\nsorted-params`; for WebSocket endpoints (VNC, changefeed) that cannot
 * carry an Authorization header.
 * @throws (rejects with) ConfigError when `url` is not an absolute URL or an option is wrong;
 *   SignatureError when the signer answers with another algorithm than it announced.
 */
export async function presignUrl(url: string | URL, options: PresignUrlOptions): Promise<string> {
  const where = 'presignUrl';
  if (!(url instanceof URL)) checkString(url, `${where}: url`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // Not quoted: a URL may carry a credential.
    throw new ConfigError(`${where}: url must be an absolute URL`);
  }
  if (options === undefined) fail(`${where}: options`, 'an options object ({ keyId, signer, … })', options);
  const o = checkOptions(options, `${where}: options`);
  const keyId = checkString(o.keyId, `${where}: options.keyId`);
  const signer = checkSigner(o.signer, `${where}: options.signer`);
  if (o.methods !== undefined && (!Array.isArray(o.methods) || o.methods.length === 0)) fail(`${where}: options.methods`, 'a non-empty array of HTTP methods', o.methods);
  const methods = [...(o.methods === undefined ? ['GET', 'HEAD'] : o.methods)]
    .map((m: unknown, i) => {
      if (typeof m !== 'string' || !METHOD.test(m)) fail(`${where}: options.methods[${i}]`, 'an HTTP method name', m);
      return m.toUpperCase();
    })
    .sort();
  const now = o.now === undefined ? Date.now : checkFunction<() => number>(o.now, `${where}: options.now`);
  const expires = o.expires === undefined ? Math.floor(clock(now, `${where}: options.now()`) / 1000) + 300 : checkInteger(o.expires, `${where}: options.expires`, 0, Number.MAX_SAFE_INTEGER);
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  query.expires = String(expires);
  if (methods.length > 1) query.method = methods.join(',');
  query.keyId = keyId;
  // The server upper-cases the algorithm before checking it; node-smartdc-auth sends it that way.
  query.algorithm = signer.algorithm.toUpperCase();
  const pairs = Object.keys(query)
    .sort((a, b) => a.localeCompare(b))
    .map((k) => `${encode(k)}=${encode(query[k]!)}`)
    .join('&');
  const text = `${methods.join(',')}\n${u.host}\n${u.pathname}\n${pairs}`;
  const result: unknown = await signer.sign(encodeUtf8(text));
  if (typeof result !== 'object' || result === null) fail(`${where}: options.signer.sign()`, 'a promise of { algorithm, signature }', result);
  const { signature, algorithm } = result as Awaited<ReturnType<HttpSigner['sign']>>;
  // The algorithm is inside the signed text, so a signer that switched (an agent) made a useless URL.
  if (algorithm !== signer.algorithm) throw new SignatureError(`the signer used ${String(algorithm).slice(0, 40)}, not ${signer.algorithm}`);
  return `${u.origin}${u.pathname}?${pairs}&signature=${encode(encodeBase64(signature))}`;
}
