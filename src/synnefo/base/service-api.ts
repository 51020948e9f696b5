import { createClient, type OperationMeta, type OpsClient } from '../../core/client.js';
import type { HttpError, HttpErrorInit } from '../../core/errors/http-error.js';
import type { CoreOptions } from '../../core/types.js';
import { synnefoErrorDetails, synnefoErrorFor } from './errors/error-for.js';
import { synnefoQuery, type QueryParams } from './query.js';
import { finishCall, kamakiPathSerializer, synnefoBody } from './send.js';
import type { TokenAuth } from './token-auth.js';

/**
 * Field and parameter names that look secret to the redactor (`…key…`) but are public in the
 * Synnefo APIs; logs and dry runs show them. `private_key`, `adminPass`, `password`, `token`,
 * `X-Auth-Token` stay redacted.
 */
export const SYNNEFO_PUBLIC_NAMES: readonly string[] = Object.freeze([
  // The fault name of a 401 body: redacting it would hide the fault (its message is still scrubbed of secrets).
  'unauthorized',
  'sort_key', 'public_key', 'keypair', 'keypairs', 'key_name', 'fingerprint',
]);

/** Per-call options of the request methods, besides openapi-fetch's init (params, body, headers, parseAs, opskit). */
export interface SynnefoCallInit {
  /**
   * The status(es) this call succeeds with (kamaki `success=`; default 200). Any other status,
   * a 2xx included, throws a ClientError. List 304 to get `notModified` instead of an error for a
   * `changes-since` call.
   */
  success?: number | readonly number[];
  /** Query parameters, serialised the kamaki way (see {@link synnefoQuery}); merged over `params.query`. */
  query?: QueryParams;
}

/** What a call resolves with. */
export interface SynnefoResponse<T> {
  /**
   * The parsed JSON body (or text/bytes/stream with `parseAs`). `undefined` for an empty body and
   * for an accepted 304 (see `notModified`); the parsed error body for another accepted non-2xx.
   */
  data: T;
  /** The HTTP status. */
  status: number;
  /** Response headers (`Location`, `X-Object-*`, `x-image-meta-*`, …). */
  headers: Headers;
  /** The response itself (its body already consumed). */
  response: Response;
  /** True for a 304 Not Modified the call accepted (`changes-since` with nothing new). */
  notModified: boolean;
}

/** HTTP methods the Synnefo APIs use (COPY and MOVE are not: Pithos copies with PUT + `X-Copy-From`). */
export type SynnefoHttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/** Options of {@link ServiceApi}. */
export interface ServiceApiOptions extends CoreOptions {
  /** Root every path template is joined to (an endpoint URL, version included). */
  baseUrl: string;
  /** The X-Auth-Token handler (shared by every ServiceApi of one client). */
  auth: TokenAuth;
  /** The generated operation table. */
  operations?: Readonly<Record<string, OperationMeta>>;
  /** Error factory (default: ClientError subclasses by fault name). */
  errorFactory?: (init: HttpErrorInit) => HttpError;
}

/**
 * One Synnefo API root (an endpoint URL) over the core chain with kamaki's wire rules: Python 2
 * path quoting, kamaki query staging, JSON bodies, per-call success codes. {@link Client} and
 * AstakosClient are built from it; a facade needing a second root (Astakos' account and UI paths)
 * makes one more with the same `auth`.
 */
export class ServiceApi<Paths extends {} = any> {
  /** The core client (openapi-fetch through the pipeline): anything not wrapped, with core path encoding. */
  readonly api: OpsClient<Paths>;
  readonly baseUrl: string;
  readonly #operations: Readonly<Record<string, OperationMeta>>;
  readonly #errorFactory: (init: HttpErrorInit) => HttpError;

  constructor(options: ServiceApiOptions) {
    const { baseUrl, auth, operations = {}, errorFactory = synnefoErrorFor, ...core } = options;
    this.baseUrl = baseUrl;
    this.#operations = operations;
    this.#errorFactory = errorFactory;
    this.api = createClient<Paths>({
      ...core,
      baseUrl,
      auth,
      operations,
      errorDetails: synnefoErrorDetails,
      errorFactory,
      querySerializer: synnefoQuery as never,
      bodySerializer: synnefoBody,
      publicNames: [...SYNNEFO_PUBLIC_NAMES, ...(core.publicNames ?? [])],
    });
  }

  /**
   * Sends one request (kamaki `request(method, path, …, success=…)`): `url` is a path template of
   * the spec (`/servers/{server_id}`), `init` openapi-fetch's (params, body, headers, parseAs,
   * opskit) plus `success` and `query`. Resolves with data, status and headers; throws the error
   * factory's ClientError for any status outside `success`.
   */
  request(method: SynnefoHttpMethod, url: string, init: Record<string, any> & SynnefoCallInit = {}): Promise<SynnefoResponse<any>> {
    const { success = 200, query, ...rest } = init;
    const codes = typeof success === 'number' ? [success] : [...success];
    const meta = this.#operations[`${method} ${url}`];
    const params = query === undefined ? rest.params : { ...rest.params, query: { ...rest.params?.query, ...query } };
    const callInit = { ...rest, ...(params ? { params } : {}), pathSerializer: kamakiPathSerializer(meta?.pathStyles) };
    const call = (this.api.api as unknown as Record<SynnefoHttpMethod, (u: string, i: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>>)[method];
    const op = (rest.opskit as { op?: string } | undefined)?.op ?? meta?.operationId ?? `${method} ${url}`;
    return finishCall(this.api, call(url, callInit), codes, this.#errorFactory, op);
  }
}
