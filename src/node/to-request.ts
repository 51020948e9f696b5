import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

// Connection-level headers describe the hop to this server, not the request; a
// web-standard Request has no use for them (and some runtimes reject them).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/**
 * Converts an incoming node:http request into a web `Request` whose body streams from
 * the socket and whose `signal` is `signal` (aborted by the caller when the client goes away).
 */
export function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const url = requestUrl(req.url ?? '/', origin);
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, raw[i + 1] as string);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (hasBody) {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    // Required by the fetch spec for streaming request bodies.
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/**
 * The URL of a request target, its path taken verbatim. `new URL(target, origin)` would read a
 * target starting with `//` as protocol-relative (`//x/api/…` → host `x`, path `/api/…`), so a
 * path is appended to the origin instead. An absolute-form target (`GET http://host/p`, as sent
 * to proxies) keeps its path and query on our origin; anything else (`*`, garbage) is refused.
 */
export function requestUrl(target: string, origin: string): URL {
  const base = origin.replace(/\/+$/, '');
  if (target.startsWith('/')) return new URL(`${base}${target}`);
  if (/^https?:\/\//i.test(target)) {
    const absolute = new URL(target);
    return new URL(`${base}${absolute.pathname}${absolute.search}`);
  }
  throw new TypeError('request target is neither a path nor an absolute URL');
}

/** The origin a request was addressed to, from its Host header (falling back to `fallback`). */
export function originOf(req: IncomingMessage, fallback: string): string {
  const host = req.headers.host;
  if (host === undefined || host === '') return fallback;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return fallback;
  }
}
