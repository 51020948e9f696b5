import { ConfigError } from '../../core/errors/config-error.js';
import type { AuthHandler, CallContext, PreparedRequest } from '../../core/types.js';
import { encodeUtf8, utf8Text } from '../../crypto/encoding/utf8.js';
import { llapiMessage, llapiSigner } from './message.js';
import { RecentSecrets } from '../../core/recent-secrets.js';
import { checkText } from '../safe-text.js';
import { decodePairs, encodePairs, FORM_CONTENT_TYPE, pairsToParams, rawPath, sortPairs, type Pair } from './wire.js';

/** How many recent signatures `secrets()` lists (see llapiAuth). */
const RECENT_SIGNATURES = 2;

/**
 * Internal: the method of an `llapiAuth` handler through which `LlapiTransport` announces a request
 * it is about to send, with the message it computed for it, so `sign` need not take the wire apart
 * again. A symbol, so it is no part of the public handler.
 */
export const EXPECT: unique symbol = Symbol('opskit.llapi.expect');

/** `llapiAuth`'s handler, with the transport's hook (see {@link EXPECT}). */
export type LlapiAuthHandler = AuthHandler & { [EXPECT]: (method: string, path: string, wire: string, message: string) => void };

// Announced requests kept at once (each is signed a moment later), and the largest wire kept: a
// bigger one (an SBOM upload) is signed the general way rather than held twice in memory.
const EXPECTED_MAX = 16;
const EXPECTED_WIRE_MAX = 16 * 1024;

/** The header that carries the signature; LLAPI has no other auth header. */
export const SIGNATURE_HEADER = 'X-Auth-Signature';

export interface LlapiAuthOptions {
  /** The key file's e-mail, sent as an ordinary `email` parameter on every request. */
  email: string;
  /** The API key; trimmed, then used as the raw HMAC key. */
  key: string;
  /**
   * The path prefix of the base URL (e.g. `/proxy` for `https://host/proxy`). Upstream signs only the
   * resource path `/api/v1/...`, never a base-URL prefix (§7 trap 7).
   */
  basePath?: string;
}

/**
 * The LLAPI auth scheme as a pipeline step: puts `email` where upstream does (last in a POST form
 * body; in the key-sorted query otherwise, replacing any caller-supplied one), then signs what is
 * actually on the wire: the decoded pairs and the raw path. Signing the wire, not the caller's
 * object, means a request built through `llapi.api` is signed exactly like a facade call, and every
 * retry is signed again from the same bytes.
 *
 * `secrets()` is the key plus the signatures produced lately: a signature has no date or nonce, so a
 * leaked one replays its request for as long as the key lives. Only a few are kept: every redactor
 * learns the signature of the request it describes from its `X-Auth-Signature` header (a secret
 * header) before it scrubs anything, so this list only covers text that names a signature without
 * its request, and each value in it is scrubbed from every string of every dry run, log line and
 * error — 64 of them made a signed call several times slower.
 */
export function llapiAuth(options: LlapiAuthOptions): AuthHandler {
  return announcedLlapiAuth(options);
}

/** Internal: {@link llapiAuth} with the hook `LlapiTransport` announces its requests through. */
export function announcedLlapiAuth(options: LlapiAuthOptions): LlapiAuthHandler {
  checkText('llapiAuth', 'email', options.email);
  checkText('llapiAuth', 'key', typeof options.key === 'string' ? options.key.trim() : options.key);
  const key = options.key.trim();
  const sign = llapiSigner(key);
  const produced = new RecentSecrets(RECENT_SIGNATURES);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  // Announced wire → its message. Keyed by method, raw path and the exact wire text, so a hit
  // signs precisely what is being sent; anything else (an `api` call, a retry) misses and is
  // signed from the wire as decoded below.
  const expected = new Map<string, string>();
  const slot = (method: string, path: string, wire: string) => `${method} ${path}\n${wire}`;
  return {
    sign(req: PreparedRequest, ctx: CallContext) {
      const method = req.method.toUpperCase();
      const url = new URL(req.url);
      let path = rawPath(url.pathname);
      if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
      let message: string | undefined;
      if (method === 'POST') {
        const type = req.headers.get('content-type');
        if (req.body?.length && type && !type.toLowerCase().startsWith(FORM_CONTENT_TYPE)) {
          throw new ConfigError(`LLAPI POST bodies are ${FORM_CONTENT_TYPE}, not ${type.split(';')[0]}`);
        }
        const wire = req.body ? utf8Text(req.body) : '';
        message = take(expected, slot(method, path, wire));
        if (message === undefined) {
          const pairs: Pair[] = [...decodePairs(wire).filter(([k]) => k !== 'email'), ['email', options.email]];
          req.body = encodeUtf8(encodePairs(pairs));
          message = llapiMessage(method, path, pairsToParams(pairs));
        }
        req.headers.set('content-type', FORM_CONTENT_TYPE);
      } else {
        // GET, PUT, PATCH and DELETE carry everything in the query and nothing in the body (§1.4).
        message = take(expected, slot(method, path, url.search.slice(1)));
        if (message === undefined) {
          const pairs = sortPairs([...decodePairs(url.search.slice(1)).filter(([k]) => k !== 'email'), ['email', options.email]]);
          url.search = encodePairs(pairs);
          req.url = url.toString();
          message = llapiMessage(method, path, pairsToParams(pairs));
        }
        req.body = undefined;
        req.headers.delete('content-type');
      }
      const signature = sign(message);
      // A secret from the moment it exists: nothing that fails later may carry it out.
      produced.add(signature);
      try {
        req.headers.set(SIGNATURE_HEADER, signature);
      } catch (e) {
        throw produced.safeError(ctx?.op ?? 'llapi', e, [key]);
      }
      return { request: req, signed: message, extra: { hmacMsg: message } };
    },
    secrets: () => [key, ...produced.values()],
    [EXPECT](method, path, wire, message) {
      if (wire.length > EXPECTED_WIRE_MAX) return;
      expected.set(slot(method, path, wire), message);
      if (expected.size > EXPECTED_MAX) expected.delete(expected.keys().next().value as string);
    },
  };
}

/** The value under `key`, removed (each announcement serves one signing). */
function take(map: Map<string, string>, key: string): string | undefined {
  const value = map.get(key);
  if (value !== undefined) map.delete(key);
  return value;
}
