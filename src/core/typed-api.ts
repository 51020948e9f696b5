import type { BodySerializer, Client, Middleware, QuerySerializer, QuerySerializerOptions } from 'openapi-fetch';
import { LightRequest } from './light-request.js';
import { encodePathParams, substitutePath } from './path-params.js';
import { ResponseError } from './errors/response-error.js';
import type { CallInfo, Reply } from './pipeline.js';
import { defaultBodySerializer, mergeHeaders, pickQuerySerializer, querySerializerFor } from './serialize.js';
import type { CallOptions, OperationMeta } from './types.js';

/** What the typed client needs from the client that owns it. */
export interface TypedApiOptions {
  baseUrl: string;
  headers?: Record<string, string> | undefined;
  querySerializer?: QuerySerializer<unknown> | QuerySerializerOptions | undefined;
  bodySerializer?: BodySerializer<unknown> | undefined;
  /** The operation table (`"METHOD /path"` → meta), when the client has one. */
  operations: Readonly<Record<string, OperationMeta>>;
  /**
   * The pipeline: sends one call (every attempt) and resolves with its reply; `readable` when
   * the response body must stay readable (middleware may read it).
   */
  send(request: Request | LightRequest, info: CallInfo, readable: boolean): Promise<Reply>;
  /** Scrubs the call's secrets from text about its response (a body that is not the JSON it claims to be). */
  scrub(text: string, response: Response): string;
}

type Init = Record<string, any> | undefined;
type Result = { data?: unknown; error?: unknown; response: Response };
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'] as const;

/**
 * The typed low-level client: openapi-fetch's interface and rules (URL, query and body
 * serialisation, `{ data, error, response }` results, `parseAs`, middleware), run by opskit itself
 * so a call builds no second client-side request and the bundle carries one runtime, not two.
 * Every call's path parameters are checked and encoded before the URL is built, so an identifier
 * such as `..` or `a/../b` can never change which resource a request reaches.
 */
export function createTypedApi<Paths extends {}>(options: TypedApiOptions): Client<Paths> {
  const baseUrl = trimSlash(options.baseUrl);
  const { operations, send } = options;
  const clientQuery = typeof options.querySerializer === 'function'
    ? (options.querySerializer as (q: Record<string, unknown>) => string)
    : querySerializerFor(options.querySerializer);
  const middleware: Middleware[] = [];

  async function call(method: string, url: string, init: Init): Promise<Result> {
    const extra = init?.opskit as CallOptions | undefined;
    // The operation's own meta when the call brings it; the table (if the client has one) otherwise.
    const known = extra?.meta ?? operations[`${method} ${url}`];
    const op = extra?.op ?? known?.operationId ?? `${method} ${url}`;
    const params = init?.params as { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> } | undefined;
    // Checked and encoded first: a hostile identifier is a ConfigError before anything is built or signed.
    const path = encodePathParams(op, url, params?.path, known?.pathStyles);
    const root = init?.baseUrl ? trimSlash(init.baseUrl as string) : baseUrl;
    // A call with its own pathSerializer (an API with upstream-exact encoding) encodes the checked values itself.
    const own = init?.pathSerializer as ((u: string, p: Record<string, unknown>) => string) | undefined;
    let target = own ? (params?.path ? own(root + url, params.path) : root + url) : substitutePath(root + url, path);
    let search = pickQuerySerializer(init?.querySerializer, options.querySerializer, clientQuery)(params?.query ?? {});
    if (search.startsWith('?')) search = search.slice(1);
    if (search) target += `?${search}`;

    const headers = new Headers();
    const namedType = mergeHeaders(headers, options.headers, init?.headers, params?.header);
    const body = init?.body === undefined
      ? undefined
      : ((init.bodySerializer ?? options.bodySerializer ?? defaultBodySerializer) as (b: unknown, h: Headers) => unknown)(init.body, headers);
    if (body !== undefined && !namedType && !(typeof FormData !== 'undefined' && body instanceof FormData)) headers.set('content-type', 'application/json');

    const parseAs = (init?.parseAs as string | undefined) ?? 'json';
    const info: CallInfo = {
      op,
      idempotent: extra?.idempotent ?? known?.idempotent,
      timeout: extra?.timeout,
      signal: extra?.signal,
      fetchSignal: init?.signal ?? undefined,
      stream: parseAs === 'stream',
      // Only JSON replies have a shape to check; text, bytes and streams are the caller's to read.
      shape: parseAs === 'json' ? known?.shape : undefined,
    };
    const redirect = (init?.redirect as RequestRedirect | undefined) ?? 'follow';
    if (middleware.length === 0) {
      const reply = await send(new LightRequest(method, target, headers, (body ?? null) as BodyInit | null, redirect, info.fetchSignal), info, false);
      if (reply.bytes) return fromBytes(reply.response, reply.bytes, method, parseAs, op, options.scrub);
      return parse(reply.response, method, parseAs);
    }
    const first = new Request(target, { ...restInit(init), method, headers, body: (body ?? null) as BodyInit | null, redirect });
    return parse(await withMiddleware(middleware, url, params, init, first, info, send), method, parseAs);
  }

  const api: Record<string, unknown> = {
    request: (method: string, url: string, init?: Init) => call(method.toUpperCase(), url, init),
    use(...list: Middleware[]) {
      for (const m of list) {
        if (!m) continue;
        if (typeof m !== 'object' || !('onRequest' in m || 'onResponse' in m || 'onError' in m)) {
          throw new Error('Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`');
        }
        middleware.push(m);
      }
    },
    eject(...list: Middleware[]) {
      for (const m of list) {
        const i = middleware.indexOf(m);
        if (i !== -1) middleware.splice(i, 1);
      }
    },
  };
  for (const m of METHODS) api[m] = (url: string, init?: Init) => call(m, url, init);
  return api as unknown as Client<Paths>;
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/** The init keys a real Request takes besides the ones the client builds (credentials, cache, …). */
function restInit(init: Init): RequestInit {
  if (!init) return {};
  const { params: _p, body: _b, headers: _h, parseAs: _a, querySerializer: _q, bodySerializer: _s, pathSerializer: _t, opskit: _o, baseUrl: _u, fetch: _f, middleware: _m, ...rest } = init;
  return rest as RequestInit;
}

/** openapi-fetch's middleware contract: onRequest in order, onError and onResponse in reverse. */
async function withMiddleware(
  list: readonly Middleware[], schemaPath: string, params: unknown, init: Init, first: Request, info: CallInfo,
  send: (request: Request, info: CallInfo, readable: boolean) => Promise<Reply>,
): Promise<Response> {
  const all = [...list, ...((init?.middleware as Middleware[] | undefined) ?? [])];
  const id = Math.random().toString(36).slice(2, 11);
  const options = Object.freeze({ parseAs: init?.parseAs ?? 'json' });
  const base = (request: Request) => ({ request, schemaPath, params: params ?? {}, options, id }) as never;
  let request = first;
  let response: Response | undefined;
  for (const m of all) {
    const r = await m.onRequest?.(base(request));
    if (r instanceof Request) request = r;
    else if (r instanceof Response) {
      response = r;
      break;
    } else if (r) throw new Error('onRequest: must return new Request() or Response() when modifying the request');
  }
  if (!response) {
    try {
      response = (await send(request, { ...info, fetchSignal: request.signal }, true)).response;
    } catch (error) {
      let failure: unknown = error;
      for (let i = all.length - 1; i >= 0; i--) {
        const r = await all[i]?.onError?.({ ...(base(request) as object), error: failure } as never);
        if (r instanceof Response) {
          failure = undefined;
          response = r;
          break;
        }
        if (r instanceof Error) failure = r;
        else if (r) throw new Error('onError: must return new Response() or instance of Error');
      }
      if (!response) throw failure;
    }
    for (let i = all.length - 1; i >= 0; i--) {
      const r: Response | void | undefined = await all[i]?.onResponse?.({ ...(base(request) as object), response } as never);
      if (r instanceof Response) response = r;
      else if (r) throw new Error('onResponse: must return new Response() when modifying the response');
    }
  }
  return response;
}

let utf8: TextDecoder | undefined;
const decode = (bytes: Uint8Array) => (utf8 ??= new TextDecoder()).decode(bytes);

/**
 * {@link parse} for a body the pipeline already read: the same results, straight from the bytes
 * (no second Response to serve them, and an `arrayBuffer` reply is the buffer the body was read
 * into, not a copy of it).
 */
function fromBytes(
  response: Response, bytes: Uint8Array<ArrayBuffer>, method: string, parseAs: string, op: string, scrub: (t: string, r: Response) => string,
): Result | Promise<Result> {
  if (response.status === 204 || method === 'HEAD' || bytes.byteLength === 0) return response.ok ? { data: undefined, response } : { error: undefined, response };
  if (!response.ok) {
    const text = decode(bytes);
    try {
      return { error: JSON.parse(text), response };
    } catch {
      return { error: text, response };
    }
  }
  switch (parseAs) {
    case 'json': {
      const text = decode(bytes);
      try {
        return { data: JSON.parse(text), response };
      } catch (e) {
        throw new ResponseError(op, scrub(`HTTP ${response.status} body is not valid JSON (${(e as Error).message.slice(0, 120)})`, response));
      }
    }
    case 'text':
      return { data: decode(bytes), response };
    case 'arrayBuffer':
      return { data: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer, response };
    case 'blob':
      return { data: new Blob([bytes], { type: response.headers.get('content-type') ?? '' }), response };
    default:
      // formData (and anything else a Response can parse): through a Response over the bytes.
      return new Response(bytes, { headers: response.headers }).formData().then((data) => ({ data, response }));
  }
}

/** openapi-fetch's result rules: no body for 204, HEAD and an empty length; parse by `parseAs`; error bodies as JSON or text. */
async function parse(response: Response, method: string, parseAs: string): Promise<Result> {
  const length = response.headers.get('content-length');
  if (response.status === 204 || method === 'HEAD' || (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (parseAs === 'stream') return { data: response.body, response };
    if (parseAs === 'json' && !length) {
      const text = await response.text();
      return { data: text ? JSON.parse(text) : undefined, response };
    }
    return { data: await (response as unknown as Record<string, () => Promise<unknown>>)[parseAs]!(), response };
  }
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {
    // Not JSON: the text as is.
  }
  return { error, response };
}
