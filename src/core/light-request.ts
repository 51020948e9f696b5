/**
 * The request the typed client hands the pipeline: URL, method, headers and the serialised body,
 * kept as they are. The pipeline signs and sends its own `Request` (one per attempt, with the
 * call's signal), so building a full `Request` here — its stream, its signal, its header list —
 * would only be taken apart again; it cost about as much as the rest of the chain's bookkeeping.
 * A caller who registers openapi-fetch-style middleware (`api.use`) gets real Requests instead.
 */
export class LightRequest {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Headers,
    /** The body exactly as serialised (a string, FormData, bytes, …), or null. */
    readonly bodyInit: BodyInit | null,
    readonly redirect: RequestRedirect = 'follow',
    readonly signal: AbortSignal | undefined = undefined,
  ) {}

  /** The body as bytes, and the content type a real Request would have given it (multipart boundary, …). */
  async bytes(): Promise<{ bytes: Uint8Array | undefined; contentType: string | null }> {
    return bodyBytes(this.bodyInit);
  }
}

let utf8: TextEncoder | undefined;

/** Any fetch body as bytes once (every attempt replays them), with the type a Request would infer. */
export async function bodyBytes(body: BodyInit | null | undefined): Promise<{ bytes: Uint8Array | undefined; contentType: string | null }> {
  if (body === null || body === undefined) return { bytes: undefined, contentType: null };
  if (typeof body === 'string') return { bytes: (utf8 ??= new TextEncoder()).encode(body), contentType: 'text/plain;charset=UTF-8' };
  if (body instanceof Uint8Array) return { bytes: body, contentType: null };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), contentType: null };
  const r = new Response(body);
  // Read the type before the body: Bun fills it in only if asked first.
  const contentType = r.headers.get('content-type');
  return { bytes: new Uint8Array(await r.arrayBuffer()), contentType };
}
