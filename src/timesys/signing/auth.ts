import { ConfigError } from '../../core/errors/config-error.js';
import type { AuthHandler, CallContext, PreparedRequest } from '../../core/types.js';
import { decodeUtf8, encodeUtf8 } from '../../crypto/encoding/utf8.js';
import { llapiMessage, llapiSignature } from './message.js';
import { RecentSecrets } from '../../core/recent-secrets.js';
import { checkText } from '../safe-text.js';
import { decodePairs, encodePairs, FORM_CONTENT_TYPE, pairsToParams, rawPath, sortPairs, type Pair } from './wire.js';

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
 * `secrets()` is the key plus every signature produced lately: a signature has no date or nonce,
 * so a leaked one replays its request for as long as the key lives.
 */
export function llapiAuth(options: LlapiAuthOptions): AuthHandler {
  checkText('llapiAuth', 'email', options.email);
  checkText('llapiAuth', 'key', typeof options.key === 'string' ? options.key.trim() : options.key);
  const key = options.key.trim();
  const produced = new RecentSecrets();
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  return {
    sign(req: PreparedRequest, ctx: CallContext) {
      const method = req.method.toUpperCase();
      const url = new URL(req.url);
      let pairs: Pair[];
      if (method === 'POST') {
        const type = req.headers.get('content-type');
        if (req.body?.length && type && !type.toLowerCase().startsWith(FORM_CONTENT_TYPE)) {
          throw new ConfigError(`LLAPI POST bodies are ${FORM_CONTENT_TYPE}, not ${type.split(';')[0]}`);
        }
        pairs = [...decodePairs(req.body ? decodeUtf8(req.body) : '').filter(([k]) => k !== 'email'), ['email', options.email]];
        req.body = encodeUtf8(encodePairs(pairs));
        req.headers.set('content-type', FORM_CONTENT_TYPE);
      } else {
        // GET, PUT, PATCH and DELETE carry everything in the query and nothing in the body (§1.4).
        pairs = sortPairs([...decodePairs(url.search.slice(1)).filter(([k]) => k !== 'email'), ['email', options.email]]);
        url.search = encodePairs(pairs);
        req.url = url.toString();
        req.body = undefined;
        req.headers.delete('content-type');
      }
      let path = rawPath(url.pathname);
      if (basePath && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
      const message = llapiMessage(method, path, pairsToParams(pairs));
      const signature = llapiSignature(key, message);
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
  };
}
