import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from 'openapi-typescript-helpers';
import type { DataOf, OperationMeta, OpsClient } from '../../core/client.js';
import { dryRunnable } from '../../core/dry-run.js';
import type { HttpError, HttpErrorInit } from '../../core/errors/http-error.js';
import { CORE_OPTION_NAMES, checkOptions } from '../../core/options.js';
import type { CoreOptions } from '../../core/types.js';
import { synnefoErrorFor } from './errors/error-for.js';
import { ServiceApi, type SynnefoCallInit, type SynnefoHttpMethod, type SynnefoResponse } from './service-api.js';
import { checkToken, TokenAuth } from './token-auth.js';
import { endpointWithVersion } from './version.js';

/** Options of every Synnefo service client: `new ComputeClient({ url, token, ...core options })`. */
export interface SynnefoClientOptions extends CoreOptions {
  /**
   * The service endpoint URL (kamaki `endpoint_url`), typically from
   * `astakos.getEndpointUrl(ComputeClient.serviceType)`. A trailing `/` is dropped, and when the
   * URL does not end in `/vN[.M]` the service's default version is appended (protocol §1.1).
   */
  url: string;
  /** The user's token, sent as `X-Auth-Token` (never logged, never in errors or dry runs). */
  token?: string | undefined;
}

/** Option names every Synnefo client takes (`url`, `token` and the core options). */
export const SYNNEFO_CLIENT_OPTION_NAMES: readonly string[] = Object.freeze(['url', 'token', ...CORE_OPTION_NAMES]);

/** kamaki's spelling of the options, for "did you mean" hints. */
const OPTION_ALIASES: Readonly<Record<string, string>> = Object.freeze({ endpoint_url: 'url', endpointUrl: 'url', auth_token: 'token' });

/** What a service class tells the base {@link Client} about itself. */
export interface ServiceDefinition {
  /** The generated operation table (`<api>.meta.ts`): operation names, idempotency, path styles, shapes. */
  operations?: Readonly<Record<string, OperationMeta>>;
  /** Option names the class accepts besides `url`, `token` and the core options. */
  options?: readonly string[];
  /** Upstream spellings of those options (`{ snake_name: 'camelName' }`), for error hints. */
  aliases?: Readonly<Record<string, string>>;
  /** Class name for messages (default: the constructor's name). */
  name?: string;
  /** Error factory (default `synnefoErrorFor`: ClientError subclasses by fault name). */
  errorFactory?: (init: HttpErrorInit) => HttpError;
  /** More names the redactor should treat as public (added to `SYNNEFO_PUBLIC_NAMES`). */
  publicNames?: readonly string[];
}

type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** A typed request method of the base client: openapi-fetch's signature plus {@link SynnefoCallInit}. */
export type SynnefoMethod<Paths extends Record<string, Record<HttpMethod, {}>>, M extends HttpMethod> = <
  Path extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init & SynnefoCallInit>
) => Promise<SynnefoResponse<DataOf<FetchResponse<Paths[Path][M], Init, MediaType>>>>;

/** Untyped request method, for a client without a generated `paths` type. */
export type LooseSynnefoMethod = (url: string, init?: Record<string, any> & SynnefoCallInit) => Promise<SynnefoResponse<any>>;
type Typed<Paths, M extends HttpMethod> = 0 extends 1 & Paths ? LooseSynnefoMethod : SynnefoMethod<Paths & Record<string, Record<HttpMethod, {}>>, M>;

/** Everything but url and token: the options a derived client (or another service's client) reuses. */
export type SharedOptions = Omit<SynnefoClientOptions, 'url' | 'token'>;

/**
 * kamaki's `Client`, the base of every Synnefo service client (ComputeClient, NetworkClient,
 * ImageClient, BlockStorageClient, PithosClient, CachedAstakosClient). It holds the endpoint URL
 * (with the version-suffix rule of protocol §1.1) and the token, and sends every request through
 * the core chain (dry run, `X-Auth-Token` auth, retries of idempotent calls only, timeouts, logs
 * without secrets) with kamaki's wire rules:
 * - path parameters quoted once with Python 2 rules (`~!*'()` escaped; see {@link quote});
 * - query values quoted the same way, bare keys for empty values (see {@link synnefoQuery});
 * - JSON bodies with `Content-Type: application/json`; strings, bytes, Blobs, FormData and
 *   URLSearchParams bodies pass through as they are;
 * - per-call success codes: any other status throws a {@link ClientError} subclass chosen by
 *   the fault name of the body (protocol §1.4), a 304 may be accepted as "not modified".
 *
 * A service class extends it with its generated `paths` type and operation table:
 * ```ts
 * export class ComputeClient extends Client<paths> {
 *   static override readonly serviceType = 'compute';
 *   static override readonly DEFAULT_API_VERSION = '2.0';
 *   constructor(options: SynnefoClientOptions) { super(options, { operations }); }
 *   async getServerDetails(serverId: string | number) {
 *     const r = await this.get('/servers/{server_id}', { params: { path: { server_id: pathId(serverId) } } });
 *     return r.data.server;
 *   }
 * }
 * ```
 * With `dryRun: true` every async method resolves with the first request it would send (the
 * constructor then returns a Proxy of the instance, so subclasses must not use `#private` members:
 * use TypeScript's `private`/`protected`, as DataCenter does).
 */
export class Client<Paths extends {} = any> {
  /** The catalog `type` of the service (kamaki `service_type`): `compute`, `network`, `image`, … */
  static readonly serviceType: string = '';
  /** The version appended to an endpoint URL that has none (kamaki `DEFAULT_API_VERSION`). */
  static readonly DEFAULT_API_VERSION: string | undefined = undefined;

  /** The endpoint URL requests go to, version included (kamaki `endpoint_url`). */
  readonly endpointUrl: string;
  /** The API version of the endpoint (kamaki `api_version`), e.g. `2.0`. */
  readonly apiVersion: string;
  /** The core client (openapi-fetch through the pipeline), for anything the facade does not wrap. */
  readonly api: OpsClient<Paths>;
  /** The auth handler: the token lives here. */
  protected readonly auth: TokenAuth;
  /** The options this client was made with, minus url and token (for clients it derives). */
  readonly sharedOptions: SharedOptions;
  protected readonly operations: Readonly<Record<string, OperationMeta>>;
  protected readonly errorFactory: (init: HttpErrorInit) => HttpError;
  /** The endpoint with kamaki's wire rules (what `request` and `get`/`post`/… go through). */
  protected readonly service: ServiceApi<Paths>;

  constructor(options: SynnefoClientOptions, definition: ServiceDefinition = {}) {
    const name = definition.name ?? new.target.name ?? 'Client';
    const where = `new ${name}()`;
    if (!options || typeof options !== 'object') throw new TypeError(`${where}: options { url, token } are required`);
    checkOptions(where, options, [...SYNNEFO_CLIENT_OPTION_NAMES, ...(definition.options ?? [])], { ...OPTION_ALIASES, ...definition.aliases });
    const ctor = new.target as unknown as typeof Client;
    const { endpointUrl, apiVersion } = endpointWithVersion(options.url, ctor.DEFAULT_API_VERSION, where);
    this.endpointUrl = endpointUrl;
    this.apiVersion = apiVersion;
    this.auth = new TokenAuth(checkToken(where, options.token));
    this.operations = definition.operations ?? {};
    const { url: _url, token: _token, ...shared } = options;
    const own = new Set(definition.options ?? []);
    const core = Object.fromEntries(Object.entries(shared).filter(([k]) => !own.has(k))) as SharedOptions;
    this.sharedOptions = core;
    this.errorFactory = definition.errorFactory ?? synnefoErrorFor;
    this.service = new ServiceApi<Paths>({
      ...core,
      baseUrl: endpointUrl,
      auth: this.auth,
      operations: this.operations,
      errorFactory: this.errorFactory,
      publicNames: [...(definition.publicNames ?? []), ...(core.publicNames ?? [])],
    });
    this.api = this.service.api;
    if (options.dryRun) return dryRunnable(this);
  }

  /** The catalog type of this client's service (the class's `serviceType`). */
  get serviceType(): string {
    return (this.constructor as typeof Client).serviceType;
  }

  /** The token sent as `X-Auth-Token` (kamaki `token`); set it to switch users. */
  get token(): string | undefined {
    return this.auth.token;
  }

  set token(value: string | undefined) {
    this.auth.token = checkToken(`${this.constructor.name}.token`, value);
  }

  /**
   * Sends one request (kamaki `request(method, path, …, success=…)`): `url` is a path template of
   * the spec (`/servers/{server_id}`), `init` openapi-fetch's (params, body, headers, parseAs,
   * opskit) plus `success` and `query`. Resolves with data, status and headers; throws a
   * ClientError subclass for any status outside `success`.
   */
  request(method: SynnefoHttpMethod, url: string, init: Record<string, any> & SynnefoCallInit = {}): Promise<SynnefoResponse<any>> {
    return this.service.request(method, url, init);
  }

  /** GET through {@link Client.request}, typed by the spec. */
  get get(): Typed<Paths, 'get'> {
    return ((url: string, init?: Record<string, any>) => this.request('GET', url, init)) as never;
  }
  /** POST through {@link Client.request}, typed by the spec. */
  get post(): Typed<Paths, 'post'> {
    return ((url: string, init?: Record<string, any>) => this.request('POST', url, init)) as never;
  }
  /** PUT through {@link Client.request}, typed by the spec. */
  get put(): Typed<Paths, 'put'> {
    return ((url: string, init?: Record<string, any>) => this.request('PUT', url, init)) as never;
  }
  /** DELETE through {@link Client.request}, typed by the spec. */
  get delete(): Typed<Paths, 'delete'> {
    return ((url: string, init?: Record<string, any>) => this.request('DELETE', url, init)) as never;
  }
  /** HEAD through {@link Client.request}, typed by the spec. */
  get head(): Typed<Paths, 'head'> {
    return ((url: string, init?: Record<string, any>) => this.request('HEAD', url, init)) as never;
  }
  /** PATCH through {@link Client.request}, typed by the spec. */
  get patch(): Typed<Paths, 'patch'> {
    return ((url: string, init?: Record<string, any>) => this.request('PATCH', url, init)) as never;
  }

  /** Public facts only: the token stays out of JSON and logs. */
  toJSON(): Record<string, unknown> {
    return { serviceType: this.serviceType, endpointUrl: this.api.scrub(this.endpointUrl), apiVersion: this.apiVersion };
  }

  /** What `console.log` shows in Node: the same public facts as `toJSON`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} ${JSON.stringify(this.toJSON())}`;
  }
}
