import { encodeBase64 } from '../encoding/base64.js';
import { encodeUtf8 } from '../encoding/utf8.js';
import { SignatureError } from '../errors/signature-error.js';
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

/** RFC 3986 encoding as Joyent's servers apply it: encodeURIComponent plus `!'()*`. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A pre-signed URL (Joyent's scheme, CloudAPI 8.4+): adds `expires`, `keyId`, `algorithm`
 * (and `method` when more than one) as query parameters and signs
 * `METHODS\nhost\npath\nsorted-params`; for WebSocket endpoints (VNC, changefeed) that cannot
 * carry an Authorization header.
 */
export async function presignUrl(url: string | URL, options: PresignUrlOptions): Promise<string> {
  const u = new URL(url);
  const methods = [...(options.methods ?? ['GET', 'HEAD'])].map((m) => m.toUpperCase()).sort();
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  query.expires = String(options.expires ?? Math.floor((options.now ?? Date.now)() / 1000) + 300);
  if (methods.length > 1) query.method = methods.join(',');
  query.keyId = options.keyId;
  // The server upper-cases the algorithm before checking it; node-smartdc-auth sends it that way.
  query.algorithm = options.signer.algorithm.toUpperCase();
  const pairs = Object.keys(query)
    .sort((a, b) => a.localeCompare(b))
    .map((k) => `${rfc3986(k)}=${rfc3986(query[k]!)}`)
    .join('&');
  const text = `${methods.join(',')}\n${u.host}\n${u.pathname}\n${pairs}`;
  const { signature, algorithm } = await options.signer.sign(encodeUtf8(text));
  // The algorithm is inside the signed text, so a signer that switched (an agent) made a useless URL.
  if (algorithm !== options.signer.algorithm) throw new SignatureError(`the signer used ${algorithm}, not ${options.signer.algorithm}`);
  return `${u.origin}${u.pathname}?${pairs}&signature=${rfc3986(encodeBase64(signature))}`;
}
