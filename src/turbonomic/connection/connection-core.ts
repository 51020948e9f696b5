import { ConfigError } from '../../core/errors/config-error.js';
import { HttpError } from '../../core/errors/http-error.js';
import { TimeoutError } from '../../core/errors/timeout-error.js';
import { checkOptions } from '../../core/options.js';
import { encodePathParams, pathValueProblem } from '../../core/path-params.js';
import type { RetryOptions } from '../../core/types.js';
import { encodeAuth, splitAuth } from '../auth-string.js';
import { HTTP400Error } from '../errors/http400-error.js';
import { VMTConnectionError } from '../errors/vmt-connection-error.js';
import { VMTUnknownVersion } from '../errors/vmt-unknown-version.js';
import { operations } from '../generated/turbonomic.meta.js';
import { CONNECTION_OPTIONS, RAW_REQUEST_OPTIONS } from '../option-names.js';
import { TurboPaged } from '../paging/turbo-paged.js';
import { CookieJar } from '../transport/cookie-jar.js';
import type { Query } from '../transport/query.js';
import { sessionAuth, type SessionState } from '../transport/session-auth.js';
import { sessionFetch } from '../transport/session-fetch.js';
import { Transport, type CallSpec, type RequestOptions, type TurboMethod } from '../transport/transport.js';
import type { Market, ProductVersionDTO } from '../types.js';
import { Version } from '../version/version.js';
import { VersionSpec } from '../version/version-spec.js';
import { HTTPWarning } from '../warnings/http-warning.js';
import type { TurboWarning } from '../warnings/turbo-warning.js';
import { normalizeBasePath, normalizeHost, parseServerUrl } from './host.js';
import type { ConnectionOptions } from './options.js';

/** Bases probed, in order, when no `baseUrl` is given (XL, then Classic; `/api/v2/` never). */
export const PROBE_BASES = Object.freeze(['/api/v3/', '/vmturbo/rest/']);
/** Display names of the markets `delMarket` refuses to delete. */
export const SYSTEM_MARKET_NAMES = Object.freeze(['Market', 'Market_Default']);
/** Lifetime of the inventory cache, as upstream (600 s). */
export const CACHE_TTL_MS = 600_000;

/**
 * Upstream's transport retries connection failures three times and never an HTTP status
 * (`HTTPAdapter(max_retries=3)`); a 503 then surfaces at once with its Retry-After.
 */
const DEFAULT_RETRY: RetryOptions = { retries: 3, statusCodes: [], networkErrors: true };

/** Options of {@link ConnectionCore.request}, the generic escape hatch. */
export interface RawRequestOptions extends RequestOptions {
  method?: TurboMethod | undefined;
  /** Query parameters, in order. */
  query?: Query | undefined;
  /** JSON body (object, or JSON text). */
  dto?: unknown;
  /** Appended to the path as `/uuid`. */
  uuid?: string | undefined;
  /** Resolve with a `TurboPaged` instead of every item. */
  pager?: boolean | undefined;
  /** Collect every page (default true); `false` resolves with the first page only, upstream's default. */
  fetchAll?: boolean | undefined;
}

/**
 * Bootstrap, session and transport of a Turbonomic connection (protocols §1–2). The public API is
 * {@link Connection}; this base holds what every group of methods needs.
 */
export class ConnectionCore {
  /** Host as used in URLs (`name[:port]`, IPv6 bracketed). */
  readonly host: string;
  /** `https`, or `http` with `ssl: false` (until a login redirect switches it to https). */
  protocol: 'http' | 'https';
  /** The API base path in use (`/api/v3/`, `/vmturbo/rest/`, …); undefined before `connect()`. */
  basePath: string | undefined;
  /** The server version; undefined before `connect()`. */
  version: Version | undefined;
  /** uuid of the real-time market (numeric on XL); `getEntities({ market })` maps it back to `Market`. */
  marketId: string | undefined;
  /** uuids of the markets named `Market` / `Market_Default`, which `delMarket` will not delete. */
  systemMarkets: readonly string[] = [];

  readonly #options: ConnectionOptions;
  readonly #auth: string;
  readonly #jar: CookieJar;
  readonly #session: SessionState;
  readonly #sessionFetch: (request: Request) => Promise<Response>;
  readonly #loginFetch: (request: Request) => Promise<Response>;
  readonly #cache = new Map<string, { at: number; items: unknown[] }>();
  #transport: Transport | undefined;
  #ready: Promise<void> | undefined;
  #relogin: Promise<void> | undefined;

  /**
   * @throws ConfigError for an unknown option name (naming the one meant: `base_url` → `baseUrl`),
   *   or a host / url that cannot be used.
   * @throws VMTConnectionError("Missing credentials") without `auth` or username and password.
   */
  constructor(options: ConnectionOptions) {
    if (!options || typeof options !== 'object') throw new ConfigError('new Connection() needs an options object with a host or url');
    checkOptions('new Connection()', options, CONNECTION_OPTIONS);
    this.#options = options;
    if (options.baseUrl !== undefined) normalizeBasePath(options.baseUrl);
    if (options.url !== undefined) {
      if (options.host !== undefined || options.ssl !== undefined) throw new ConfigError('new Connection(): give url, or host (and ssl), not both');
      const server = parseServerUrl(options.url);
      this.host = server.host;
      this.protocol = server.ssl ? 'https' : 'http';
    } else {
      if (options.host === undefined) throw new ConfigError('new Connection(): needs a host (name[:port]) or a url (https://host[:port])');
      this.host = normalizeHost(options.host);
      this.protocol = options.ssl === false ? 'http' : 'https';
    }
    const auth = options.auth ?? (options.username !== undefined && options.password !== undefined ? encodeAuth(options.username, options.password) : undefined);
    // Upstream raises this after probing the server; nothing useful can happen without credentials.
    if (!auth) throw new VMTConnectionError('Missing credentials');
    // `auth` may end up in an Authorization header (the Basic fallback): it must be able to.
    if (typeof auth !== 'string' || !/^[\x21-\x7e]+$/.test(auth)) throw new ConfigError('new Connection(): auth must be base64 of "user:password" (printable ASCII, no spaces or line breaks)');
    this.#auth = auth;
    this.#jar = new CookieJar(options.now);
    const password = options.password;
    this.#session = {
      jar: this.#jar,
      basic: undefined,
      loggedIn: false,
      relogin: () => this.#loginAgain(),
      secrets: () => [auth, ...(password ? [password] : [])],
    };
    const base = options.fetch ?? ((r: Request) => globalThis.fetch(r));
    this.#sessionFetch = sessionFetch({ fetch: base, jar: this.#jar, credentials: options.credentials });
    this.#loginFetch = sessionFetch({ fetch: base, jar: this.#jar, credentials: options.credentials, manualRedirect: true });
  }

  /**
   * Runs the bootstrap once (later calls share it): probe the base path, log in, check the
   * version, read the markets. Every API method calls it first, so calling it yourself is optional.
   * In dry-run mode nothing is sent: the base is `baseUrl` or `/api/v3/`.
   */
  connect(): Promise<this> {
    this.#ready ??= this.#bootstrap().catch((e: unknown) => {
      this.#ready = undefined; // a failed bootstrap may be retried
      throw e;
    });
    return this.#ready.then(() => this);
  }

  /** True on XL. Needs a connected instance (`await conn.connect()`). */
  isXl(): boolean {
    if (this.version === undefined) throw new VMTConnectionError('Not connected: await connect() first');
    return this.version.isXl();
  }

  /** The API root URL (`https://host/api/v3`), once known. */
  get baseUrl(): string | undefined {
    return this.basePath === undefined ? undefined : `${this.protocol}://${this.host}${this.basePath.replace(/\/+$/, '')}`;
  }

  /** True when the session fell back to HTTP Basic auth (login failed without an HTTP answer). */
  get usesBasicAuth(): boolean {
    return this.#session.basic !== undefined;
  }

  /**
   * Upstream's generic `request()`: any method and path relative to the base. Resolves with every
   * item (paging through `x-next-cursor`; an object body becomes `[object]`), with the first page
   * only when `fetchAll: false`, or with a `TurboPaged` when `pager: true`.
   *
   * Each segment of `path` (and `uuid`) is an identifier, percent-encoded on the way out: an
   * empty, `.` or `..` segment, or one with `?`, `#`, `\` or a control character, is a
   * ConfigError before anything is sent, so no path can reach another resource than it names.
   * Query parameters go in `query`.
   */
  request(path: string, options: RawRequestOptions & { pager: true }): TurboPaged<unknown>;
  request(path: string, options?: RawRequestOptions): Promise<unknown[]>;
  request(path: string, options: RawRequestOptions = {}): TurboPaged<unknown> | Promise<unknown[]> {
    let list: TurboPaged<unknown>;
    try {
      options = checkOptions('Connection.request()', options, RAW_REQUEST_OPTIONS);
      list = this.lazyList({
        method: options.method ?? (options.dto !== undefined ? 'POST' : 'GET'),
        ...rawPath(path, options.uuid),
        op: 'request',
        query: options.query,
        body: options.dto,
        ...pickRequest(options),
      });
    } catch (e) {
      // The list form fails at once; the promise form rejects, as its callers expect.
      if ((options as RawRequestOptions | null)?.pager) throw e;
      return Promise.reject(e);
    }
    if (options.pager) return list;
    return options.fetchAll === false ? list.pages().next().then((r) => r.value ?? []) : this.collect(list);
  }

  /** The transport after the bootstrap. */
  protected async transport(): Promise<Transport> {
    await this.connect();
    return this.#transport as Transport;
  }

  /**
   * Refuses a call whose path parameters could change its target (`''`, `.`, `..`, `a/../b`,
   * control characters, non-strings) with the core's check, BEFORE the bootstrap: a hostile
   * identifier sends nothing at all, not even the login.
   */
  protected checkPath(spec: CallSpec): void {
    const meta = operations[`${spec.method} ${spec.path}` as keyof typeof operations] as { operationId: string; pathStyles?: Record<string, 'id' | 'text' | 'segments'> } | undefined;
    encodePathParams(spec.op ?? meta?.operationId ?? `${spec.method} ${spec.path}`, spec.path, spec.params, meta?.pathStyles);
  }

  /** One call, normalised to a list. */
  protected async callList<T>(spec: CallSpec): Promise<T[]> {
    this.checkPath(spec);
    return (await this.transport()).call<T>(spec);
  }

  /** One call's parsed body as is. */
  protected async callData<T>(spec: CallSpec): Promise<T> {
    this.checkPath(spec);
    return (await (await this.transport()).send<T>(spec)).data;
  }

  /**
   * A paged list whose first request waits for the bootstrap, so list methods can return a
   * `TurboPaged` synchronously. `keep` filters items locally.
   * @throws ConfigError at once for a path parameter that could change the target (see checkPath).
   */
  protected lazyList<T>(spec: CallSpec, keep?: (item: T) => boolean, awaits: 'first-page' | 'all' = 'first-page'): TurboPaged<T> {
    this.checkPath(spec);
    return new TurboPaged<T>(
      async (cursor, signal) => {
        const { data, response } = await (await this.transport()).send({ ...spec, signal: signal ?? spec.signal }, cursor);
        return { body: data, headers: response.headers };
      },
      keep,
      { awaits, onWarning: (w) => this.warn(w) },
    );
  }

  /**
   * A list, collected when `collect` is true. Otherwise a `TurboPaged`: awaited, it resolves with
   * page 1 as vmt-connect does without `fetch_all` (or every item with `awaits: 'all'`, for the
   * methods upstream forces `fetch_all` on); iterated, it pages to the end.
   */
  protected listOrAll<T>(spec: CallSpec, collect: boolean | undefined, keep?: (item: T) => boolean, awaits: 'first-page' | 'all' = 'first-page'): TurboPaged<T> | Promise<T[]> {
    const list = this.lazyList(spec, keep, awaits);
    return collect ? list.all() : list;
  }

  /**
   * Every item of a list, for methods that work on whole lists. Unlike `Paged.all()` it lets a
   * dry run's signal through, so the method resolves with the request it would send.
   */
  protected async collect<T>(list: TurboPaged<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const page of list.pages()) for (const item of page) out.push(item);
    return out;
  }

  /** Serves `load()` from the 600 s inventory cache (deep copies, so callers cannot alter it). */
  protected async cached<T>(id: string, load: () => Promise<T[]>): Promise<T[]> {
    const now = (this.#options.now ?? Date.now)();
    const hit = this.#cache.get(id);
    if (hit && now - hit.at < CACHE_TTL_MS) return structuredClone(hit.items) as T[];
    const items = await load();
    this.#cache.set(id, { at: now, items });
    return structuredClone(items);
  }

  /** Passes a warning to `onWarning`. */
  protected warn(warning: TurboWarning): void {
    this.#options.onWarning?.(warning);
  }

  async #bootstrap(): Promise<void> {
    const o = this.#options;
    if (o.dryRun) {
      this.#useBase(normalizeBasePath(o.baseUrl ?? PROBE_BASES[0] as string));
      return;
    }
    if (this.protocol === 'http') this.warn(new HTTPWarning('You should be using HTTPS'));
    if (o.baseUrl !== undefined) this.#useBase(normalizeBasePath(o.baseUrl));
    else this.version = await this.#probe();
    await this.#login();
    const t = this.#transport as Transport;
    // With a given base nothing was probed; the version is read now, with the session.
    this.version ??= new Version((await t.send<ProductVersionDTO>(versionSpec())).data);
    const spec = o.reqVersions instanceof VersionSpec ? o.reqVersions : new VersionSpec(o.reqVersions ?? [this.version.isXl() ? '7.21+' : '6.1+']);
    spec.check(this.version, o.onWarning ? { onWarning: o.onWarning } : {});
    const markets = await t.list<Market>({ method: 'GET', path: '/markets' }).all();
    this.systemMarkets = markets.filter((m) => SYSTEM_MARKET_NAMES.includes(m.displayName ?? '')).map((m) => m.uuid);
    const [realtime] = await t.call<Market>({ method: 'GET', path: '/markets/{uuid}', params: { uuid: 'Market' } });
    this.marketId = realtime?.uuid;
  }

  /** Upstream's base-path probe: the first base whose `admin/versions` answers; a 4xx moves on. */
  async #probe(): Promise<Version> {
    let last: unknown;
    for (const base of PROBE_BASES) {
      const t = this.#useBase(base);
      try {
        return new Version((await t.send<ProductVersionDTO>(versionSpec())).data);
      } catch (e) {
        if (!(e instanceof HTTP400Error)) throw e;
        last = e;
      }
    }
    this.basePath = undefined;
    this.#transport = undefined;
    throw new VMTUnknownVersion('Unable to determine base path', { cause: last });
  }

  /**
   * Form login (protocols §2.3). A 301 to https while on http switches protocols and logs in
   * again; an HTTP error is thrown; anything else (network failure, an `auth` that is not base64
   * of `user:password`) falls back to HTTP Basic auth on every later call, as upstream does.
   */
  async #login(): Promise<void> {
    const credentials = splitAuth(this.#auth);
    if (credentials === undefined) return this.#useBasic();
    for (let redirects = 0; ; redirects++) {
      const form = new FormData();
      form.append('username', credentials.username);
      form.append('password', credentials.password);
      try {
        await (this.#transport as Transport).send({ method: 'POST', path: '/login', body: form, anonymous: true });
        this.#session.loggedIn = true;
        this.#session.basic = undefined;
        return;
      } catch (e) {
        if (e instanceof HttpError && e.status === 301 && this.protocol === 'http' && redirects === 0) {
          const location = e.headers.get('location') ?? '';
          if (location.toLowerCase().startsWith('https')) {
            this.warn(new HTTPWarning(`Login redirected to HTTPS; switching protocols`));
            this.protocol = 'https';
            this.#useBase(this.basePath as string);
            continue;
          }
        }
        if (e instanceof VMTConnectionError || e instanceof TimeoutError) return this.#useBasic();
        throw e;
      }
    }
  }

  #useBasic(): void {
    this.#session.basic = `Basic ${this.#auth}`;
    this.#session.loggedIn = false;
  }

  /** A lost session: log in again, once for all the calls that noticed at the same time. */
  #loginAgain(): Promise<void> {
    this.#relogin ??= this.#login().finally(() => {
      this.#relogin = undefined;
    });
    return this.#relogin;
  }

  #useBase(basePath: string): Transport {
    const o = this.#options;
    this.basePath = basePath;
    this.#transport = new Transport({
      ...o,
      retry: o.retry === undefined ? DEFAULT_RETRY : o.retry,
      secrets: [...(o.secrets ?? [])],
      origin: `${this.protocol}://${this.host}`,
      basePath,
      disableHateoas: o.disableHateoas ?? true,
      resultsLimit: o.resultsLimit ?? 0,
      auth: sessionAuth(this.#session),
      sessionFetch: this.#sessionFetch,
      anonymousFetch: this.#loginFetch,
    });
    return this.#transport;
  }
}

/** `admin/versions` goes out without `disable_hateoas` (upstream turns it off for that call). */
function versionSpec(): CallSpec {
  return { method: 'GET', path: '/admin/versions', disableHateoas: false };
}

/**
 * `request()`'s path as a template with one parameter per segment, so the core checks and
 * encodes every segment (and `uuid`) like any other identifier.
 */
function rawPath(path: unknown, uuid: unknown): Pick<CallSpec, 'path' | 'params'> {
  if (typeof path !== 'string') throw new ConfigError('Connection.request(): path must be a string such as "markets/Market/entities"');
  // Leading slashes go, as upstream strips them; a trailing one is an empty segment, which is
  // refused: `request('groups/' + id)` with an empty id must not become `groups`.
  const segments = path.replace(/^\/+/, '').split('/');
  if (segments.length === 1 && segments[0] === '') throw new ConfigError('Connection.request(): path is empty; nothing was sent');
  const params: Record<string, string> = {};
  const names = segments.map((segment, i) => {
    const problem = pathValueProblem(segment);
    if (problem) throw new ConfigError(`Connection.request(): path segment ${i + 1} ${problem}; nothing was sent${/[?#]/.test(segment) ? ' (query parameters go in `query`)' : ''}`);
    params[`s${i}`] = segment;
    return `{s${i}}`;
  });
  if (uuid !== undefined) {
    names.push('{uuid}');
    params.uuid = uuid as string;
  }
  return { path: `/${names.join('/')}`, params };
}

/** The per-call options of a facade method, as CallSpec fields. */
export function pickRequest(o: RequestOptions | undefined): Pick<CallSpec, 'limit' | 'disableHateoas' | 'signal' | 'timeout'> {
  return { limit: o?.limit, disableHateoas: o?.disableHateoas, signal: o?.signal, timeout: o?.timeout };
}
