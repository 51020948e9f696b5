/**
 * What openapi-fetch builds for each call when opskit runs it: the URL, method, headers and
 * serialised body, kept as they are. The pipeline signs and sends its own `Request` (one per
 * attempt, with the call's signal), so a second, full `Request` here — its stream, its signal,
 * its header list — would be built only to be taken apart again; it cost about as much as the
 * rest of the chain's bookkeeping. When a caller registers openapi-fetch middleware (which may
 * expect a real `Request`), the client goes back to real ones.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** The body exactly as openapi-fetch serialised it (a string, FormData, bytes, …). */
  readonly bodyInit: BodyInit | null;
  readonly signal: AbortSignal | undefined;
  readonly redirect: RequestRedirect;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.bodyInit = init.body ?? null;
    this.signal = init.signal ?? undefined;
    this.redirect = init.redirect ?? 'follow';
  }

  /** The body as bytes, and the content type a real Request would have given it (multipart boundary, …). */
  async bytes(): Promise<{ bytes: Uint8Array | undefined; contentType: string | null }> {
    const body = this.bodyInit;
    if (body === null) return { bytes: undefined, contentType: null };
    if (typeof body === 'string') return { bytes: new TextEncoder().encode(body), contentType: 'text/plain;charset=UTF-8' };
    if (body instanceof Uint8Array) return { bytes: body, contentType: null };
    if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), contentType: null };
    const r = new Response(body);
    // Read the type before the body: Bun fills it in only if asked first.
    const contentType = r.headers.get('content-type');
    return { bytes: new Uint8Array(await r.arrayBuffer()), contentType };
  }
}
