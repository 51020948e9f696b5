import type {
  BodySerializer,
  Client,
  FetchResponse,
  MaybeOptionalInit,
  QuerySerializer,
  QuerySerializerOptions,
} from 'openapi-fetch';
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import { catchDryRun, DryRunSignal, type DryRunRequest } from './dry-run.js';
import { NetworkError } from './errors/network-error.js';
import { OpsError } from './errors/ops-error.js';
import { ResponseError } from './errors/response-error.js';
import type { HttpError } from './errors/http-error.js';
import { httpErrorFor } from './http-error-for.js';
import { ConfigError } from './errors/config-error.js';
import { createPipeline, expectedShapeOf, requestInfoOf } from './pipeline.js';
import { createTypedApi } from './typed-api.js';
import type { Auth, AuthHandler, CallOptions, CoreOptions, OperationMeta } from './types.js';

export type { OperationMeta };

export interface ClientOptions extends CoreOptions {
  /** API root, e.g. `https://cloudapi.example.com`. */
  baseUrl: string;
  /** Auth scheme: signs every attempt. */
  auth?: Auth;
  /**
   * Generated operation table (`"METHOD /path"` → meta): names operations, marks idempotent POSTs,
   * checks reply shapes for calls that do not pass their operation's meta (`opskit: { meta }`).
   * Facades pass each operation's own export instead, so a bundle keeps only the ones it calls.
   */
  operations?: Readonly<Record<string, OperationMeta>>;
  /** Extract the vendor's error code and message from an error body. Default: `{code, message}` fields. */
  errorDetails?: (body: unknown) => { code?: string | undefined; message?: string | undefined } | undefined;
  /** Build a vendor-specific HttpError (e.g. `HTTP404Error`); default splits 4xx/5xx. */
  errorFactory?: typeof httpErrorFor;
  querySerializer?: QuerySerializer<unknown> | QuerySerializerOptions;
  bodySerializer?: BodySerializer<unknown>;
}

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** The success payload of an openapi-fetch result. */
export type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/** A typed method that resolves with the response data and throws typed errors. */
export type DataMethod<Paths extends Record<string, Record<HttpMethod, {}>>, M extends HttpMethod> = <
  Path extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init & { opskit?: CallOptions }>
) => Promise<DataOf<FetchResponse<Paths[Path][M], Init, MediaType>>>;

/** Untyped calls, for a client created without a generated `paths` type. */
export type LooseMethod = (url: string, init?: Record<string, any>) => Promise<any>;
type Typed<Paths, M extends HttpMethod> = 0 extends 1 & Paths ? LooseMethod : DataMethod<Paths & Record<string, Record<HttpMethod, {}>>, M>;

export interface OpsClient<Paths extends {}> {
  /**
   * The raw openapi-fetch client (`{ data, error, response }` results) running through the whole
   * pipeline. In dry-run mode its calls reject with an internal signal; use `unwrap` or the
   * upper-case helpers, which resolve with the DryRunRequest instead.
   */
  api: Client<Paths>;
  /** Data or a typed error (HttpError, TimeoutError, …) from an `api` call. Dry runs propagate. */
  unwrap<R extends { response: Response }>(result: Promise<R>): Promise<DataOf<R>>;
  /** Like `unwrap`, keeping the response (for paging headers such as `x-next-cursor`). */
  unwrapResponse<R extends { response: Response }>(result: Promise<R>): Promise<{ data: DataOf<R>; response: Response }>;
  GET: Typed<Paths, 'get'>;
  PUT: Typed<Paths, 'put'>;
  POST: Typed<Paths, 'post'>;
  DELETE: Typed<Paths, 'delete'>;
  PATCH: Typed<Paths, 'patch'>;
  HEAD: Typed<Paths, 'head'>;
  OPTIONS: Typed<Paths, 'options'>;
  /** True when built with `dryRun: true`. */
  readonly dryRun: boolean;
  /** Scrubs this client's secrets from any text (for facades composing their own messages). */
  scrub(text: string): string;
}

function toHandler(auth: Auth | undefined): AuthHandler | undefined {
  if (!auth) return undefined;
  return typeof auth === 'function' ? { sign: auth } : auth;
}

/**
 * A typed client for one API: openapi-fetch's types and rules for URLs, parameters and results
 * (run by `createTypedApi`), opskit's pipeline (dry run, auth, retry, timeout, log) underneath.
 */
export function createClient<Paths extends {} = any>(options: ClientOptions): OpsClient<Paths> {
  checkBaseUrl(options.baseUrl);
  const pipeline = createPipeline({ ...options, auth: toHandler(options.auth) });
  const operations = options.operations ?? {};
  const errorFactory = options.errorFactory ?? httpErrorFor;
  const errorDetails = options.errorDetails ?? defaultErrorDetails;

  const api = createTypedApi<Paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    querySerializer: options.querySerializer,
    bodySerializer: options.bodySerializer,
    operations,
    send: pipeline.call,
    // The call's own redactor: it also knows the credentials its request carried.
    scrub: (text, response) => (requestInfoOf(response)?.redactor ?? pipeline.redactor()).scrub(text),
  });

  function unwrap<R extends { response: Response }>(result: Promise<R>): Promise<DataOf<R>> {
    // One promise turn fewer than awaiting unwrapResponse: this runs for every data call.
    return unwrapResponse(result).then(dataOf);
  }

  async function unwrapResponse<R extends { response: Response }>(result: Promise<R>): Promise<{ data: DataOf<R>; response: Response }> {
    let r: R & { data?: unknown; error?: unknown };
    try {
      r = (await result) as R & { data?: unknown; error?: unknown };
    } catch (e) {
      if (e instanceof DryRunSignal || e instanceof OpsError) throw e;
      if (e instanceof SyntaxError) throw new ResponseError('request', `body is not valid JSON (${e.message})`);
      // Everything else was thrown while openapi-fetch built the request (a header value Headers
      // refused, an unserialisable parameter): nothing was sent. Runtime messages quote the value
      // they refused, which may be a credential, so quoted text is dropped.
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new ConfigError(`the request could not be built (nothing was sent): ${pipeline.redactor().scrub(message).replace(/"[^"]*"|'[^']*'/g, '"…"')}`);
    }
    const response = r.response;
    if (response.ok) {
      checkShape(response, r.data);
      return { data: r.data as DataOf<R>, response };
    }
    throw makeError(response, r.error);
  }

  function makeError(response: Response, rawBody: unknown): HttpError {
    const known = requestInfoOf(response);
    const redactor = known?.redactor ?? pipeline.redactor();
    const request = known?.info ?? { op: 'request', method: '', url: redactor.url(response.url), headers: {} };
    // Response headers first: a Set-Cookie or token header teaches the redactor values to scrub below.
    const headers = new Headers(redactor.headers(response.headers));
    const body = redactor.value(rawBody);
    const details = errorDetails(rawBody) ?? {};
    return errorFactory({
      status: response.status,
      statusText: response.statusText,
      request,
      body,
      vendorCode: details.code,
      vendorMessage: details.message === undefined ? undefined : redactor.scrub(details.message),
      headers,
    });
  }

  const method = (name: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS') => {
    const call = (url: string, init?: Record<string, unknown>) =>
      unwrap((api[name] as (u: string, i?: unknown) => Promise<{ response: Response }>)(url, init));
    // Only a dry-run client needs the extra async layer that turns the signal into the result.
    return (options.dryRun ? (url: string, init?: Record<string, unknown>) => catchDryRun(() => call(url, init)) : call) as never;
  };

  return {
    api,
    unwrap,
    unwrapResponse,
    GET: method('GET'),
    PUT: method('PUT'),
    POST: method('POST'),
    DELETE: method('DELETE'),
    PATCH: method('PATCH'),
    HEAD: method('HEAD'),
    OPTIONS: method('OPTIONS'),
    dryRun: options.dryRun === true,
    scrub: (text) => pipeline.redactor().scrub(text),
  };
}

const dataOf = <D>(r: { data: D }): D => r.data;

/** A URL with `user:password@` would put the password in every error and log line that names it. */
function checkBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError('baseUrl is not an absolute URL (it needs a scheme, e.g. https://host)');
  }
  if (url.username || url.password) {
    throw new ConfigError('baseUrl contains a user name or password (user:pass@host); pass credentials through the client\'s auth options instead');
  }
}

/** A 2xx JSON body whose top-level type is not what the spec promises is a ResponseError, not data. */
function checkShape(response: Response, data: unknown): void {
  const expected = expectedShapeOf(response);
  if (!expected?.shape || expected.shape === 'any' || data === undefined) return;
  const actual = Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data;
  if (actual !== expected.shape) {
    throw new ResponseError(expected.op, `HTTP ${response.status} body is ${actual === 'array' || actual === 'object' ? 'an' : 'a'} ${actual}, but the API promises ${expected.shape === 'array' || expected.shape === 'object' ? 'an' : 'a'} ${expected.shape}`);
  }
}

/** `{code, message}`, `{error: {code, message}}`, `{message}` or `{error: "…"}` bodies. */
export function defaultErrorDetails(body: unknown): { code?: string; message?: string } | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
  const b = body as Record<string, unknown>;
  const inner = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : b;
  const code = typeof inner.code === 'string' ? inner.code : undefined;
  const message =
    typeof inner.message === 'string' ? inner.message : typeof b.error === 'string' ? b.error : typeof b.detail === 'string' ? b.detail : undefined;
  return code || message ? { ...(code ? { code } : {}), ...(message ? { message } : {}) } : undefined;
}

export type { DryRunRequest };
