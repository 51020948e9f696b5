import { dryRunnable, type DryRunRequest } from '../core/dry-run.js';
import { ConfigError } from '../core/errors/config-error.js';
import { ResponseError } from '../core/errors/response-error.js';
import { checkOptions, CORE_OPTION_NAMES } from '../core/options.js';
import type { CoreOptions } from '../core/types.js';
import { checkHeaderSafe, MistAuthState, type TokenScheme } from './auth.js';
import { Backend } from './backend.js';
import { checkIdList, INSPECT, requireText } from './checks.js';
import { createMistApi, type MistApi } from './client.js';
import { Key } from './key.js';
import { namesOf } from '../core/options.js';
import { addBackendBody, type AddBackendOptionsArg, type AnyBackendOptions, type MistProvider } from './providers.js';
import type { BackendInfo, KeyInfo, MonitoringOverview, ProviderInfo, UserDetails } from './types.js';

/** mist.client's default installation. */
export const DEFAULT_MIST_URI = 'https://mist.io';

/** Options of `new MistClient(…)`: the installation, an optional token, and every core client option. */
export interface MistClientOptions extends CoreOptions {
  /** Installation URL (default `https://mist.io`); a trailing `/` is ignored. */
  mistUri?: string;
  /**
   * An API token from an earlier login (or the full `mist_1 <email>:<token>` header value). Without
   * one, requests carry no Authorization header (standalone servers need none).
   */
  apiToken?: string;
  /** The account's email: with `apiToken`, the header is `mist_1 <email>:<token>`. */
  email?: string;
  /**
   * `mist_1` (default when `email` is given): `Authorization: mist_1 <email>:<token>`. `raw`
   * (default without `email`): `Authorization: <token>`, as later mist.io servers take it.
   */
  tokenScheme?: TokenScheme;
}

/** Options of {@link MistClient.login}: the installation, the credentials, every core client option. */
export interface MistLoginOptions extends Omit<MistClientOptions, 'apiToken' | 'tokenScheme' | 'email'> {
  email: string;
  password: string;
}

const CLIENT_OPTIONS: readonly string[] = Object.freeze([
  ...namesOf<Omit<MistClientOptions, keyof CoreOptions>>()('mistUri', 'apiToken', 'email', 'tokenScheme'),
  ...CORE_OPTION_NAMES,
]);
const LOGIN_OPTIONS: readonly string[] = Object.freeze([...namesOf<Omit<MistLoginOptions, keyof CoreOptions>>()('mistUri', 'email', 'password'), ...CORE_OPTION_NAMES]);
/** mist.client's keyword names and the obvious guesses. */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({ uri: 'mistUri', url: 'mistUri', baseUrl: 'mistUri', token: 'apiToken', api_token: 'apiToken', mist_uri: 'mistUri' });

/** What every facade object of one client shares. @internal */
export interface ClientState {
  readonly auth: MistAuthState;
  readonly now: () => number;
  backends: Map<string, Backend> | undefined;
  backendsLoading: Promise<Map<string, Backend>> | undefined;
  keys: Map<string, Key> | undefined;
  keysLoading: Promise<Map<string, Key>> | undefined;
}

/**
 * A mist.io installation, as mist.client's `MistClient`: backends (cloud accounts), keys,
 * providers. Backends and keys are cached until `updateBackends()` / `updateKeys()`, as upstream
 * does. Every Backend, Machine and Key made from this client shares its one auth state, so a
 * login reaches objects built before it.
 *
 * ```ts
 * const client = await MistClient.login({ mistUri: 'https://mist.io', email, password });
 * const backend = await client.addBackend('aws', 'ec2_us_east', accessKeyId, secretKey);
 * const machine = await backend.createMachine('web-1', (await client.keys()).get('default')!, imageId, locationId, sizeId);
 * await machine.waitForState('running');
 * ```
 */
export class MistClient {
  /** The installation URL, without a trailing slash (mist.client's `uri`). */
  readonly uri: string;
  /** The typed low-level client (`client.api.GET('/backends')`) for anything not wrapped here. */
  readonly api: MistApi;
  /** The login reply without its token: plan, user details (mist.client's `user_details`). */
  userDetails: UserDetails | undefined;
  /** True when built with `dryRun: true`: every call resolves with the request instead. */
  readonly dryRun: boolean;
  /** @internal */
  declare readonly _state: ClientState;

  /**
   * A client for one installation. It does not log in (a constructor cannot wait for a reply):
   * use {@link MistClient.login}, or pass a token from an earlier login as `apiToken`.
   * @throws ConfigError for an unknown option (with the name meant), a `password` (use `login`),
   *   a URL that is not one, or an email or token that cannot travel in a header.
   */
  constructor(given: MistClientOptions = {}) {
    const where = 'new MistClient()';
    if (given && typeof given === 'object' && 'password' in given) {
      throw new ConfigError(`${where}: a constructor cannot log in; use \`await MistClient.login({ mistUri, email, password })\``);
    }
    const options = checkOptions(where, given, CLIENT_OPTIONS, ALIASES);
    this.uri = mistUriOf(where, options.mistUri);
    checkHeaderSafe(where, 'email', options.email);
    checkHeaderSafe(where, 'apiToken', options.apiToken);
    if (options.tokenScheme !== undefined && options.tokenScheme !== 'mist_1' && options.tokenScheme !== 'raw') {
      throw new ConfigError(`${where}: tokenScheme must be "mist_1" or "raw"`);
    }
    const auth = new MistAuthState();
    auth.email = options.email;
    if (options.apiToken !== undefined) {
      const full = /^mist_1 ([^:]+):(.+)$/.exec(options.apiToken);
      if (full && options.tokenScheme !== 'raw') {
        if (options.email !== undefined && options.email !== full[1]) throw new ConfigError(`${where}: apiToken names another email than the email option`);
        auth.email = full[1];
        auth.setToken(full[2], 'mist_1');
      } else {
        const scheme = options.tokenScheme ?? (options.email !== undefined ? 'mist_1' : 'raw');
        if (scheme === 'mist_1' && options.email === undefined) throw new ConfigError(`${where}: tokenScheme "mist_1" needs the account's email`);
        auth.setToken(options.apiToken, scheme);
      }
    }
    const state: ClientState = { auth, now: options.now ?? Date.now, backends: undefined, backendsLoading: undefined, keys: undefined, keysLoading: undefined };
    Object.defineProperty(this, '_state', { value: state, enumerable: false });
    this.dryRun = options.dryRun === true;
    const { mistUri: _u, apiToken: _t, email: _e, tokenScheme: _s, ...core } = options;
    this.api = createMistApi({ ...core, baseUrl: this.uri, auth });
    this.userDetails = undefined;
    // Dry run: every async method resolves with the first request it would send.
    if (this.dryRun) return dryRunnable(this);
  }

  /**
   * Logs in (mist.client's constructor with email and password): `POST /auth`, then every request
   * carries `Authorization: mist_1 <email>:<token>`. A standalone server answers without a token
   * (it holds the session itself): the client then sends no header, which is what it needs.
   * With `dryRun: true`, resolves with the login request (password redacted unless `reveal`).
   * @throws MistUnauthorizedError for wrong credentials, ConfigError for bad options.
   */
  static login(options: MistLoginOptions & { dryRun: true }): Promise<DryRunRequest>;
  static login(options: MistLoginOptions): Promise<MistClient>;
  static async login(given: MistLoginOptions): Promise<MistClient | DryRunRequest> {
    const { password, email, ...rest } = checkOptions('MistClient.login()', given, LOGIN_OPTIONS, ALIASES);
    requireText('MistClient.login()', 'email', email);
    requireText('MistClient.login()', 'password', password);
    const client = new MistClient({ ...rest, email });
    const reply = await client.authenticate(email, password);
    return client.dryRun ? (reply as unknown as DryRunRequest) : client;
  }

  /** The account's email (from the login or the options). */
  get email(): string | undefined {
    return this._state.auth.email;
  }

  /** Whether requests carry a token. */
  get authenticated(): boolean {
    return this._state.auth.hasToken;
  }

  /**
   * Logs in now (again), sharing the new token with every object of this client. Resolves with
   * the account details (plan, user), without the token.
   * @throws MistUnauthorizedError for wrong credentials; ResponseError for a reply that is not an
   *   object or a token that cannot travel in a header.
   */
  async authenticate(email: string, password: string): Promise<UserDetails> {
    const where = 'MistClient.authenticate()';
    requireText(where, 'email', email);
    checkHeaderSafe(where, 'email', email);
    requireText(where, 'password', password);
    const auth = this._state.auth;
    auth.addSecret(password);
    const reply = (await this.api.POST('/auth', { body: { email, password } })) as unknown;
    if (!reply || typeof reply !== 'object' || Array.isArray(reply)) throw new ResponseError('MistClient.login', 'the reply is not a JSON object');
    const { mist_api_token: legacy, token: raw, ...details } = reply as Record<string, unknown>;
    auth.email = email;
    if (typeof legacy === 'string' && legacy !== '') auth.setToken(tokenOf(legacy), 'mist_1');
    else if (typeof raw === 'string' && raw !== '') auth.setToken(tokenOf(raw), 'raw');
    else auth.setToken(undefined, auth.scheme);
    this.userDetails = details as UserDetails;
    return this.userDetails;
  }

  /** `GET /providers`: the providers a backend can use (`[{title, provider}]`). */
  async supportedProviders(): Promise<ProviderInfo[]> {
    const reply = await this.api.GET('/providers');
    if (!Array.isArray(reply?.supported_providers)) throw new ResponseError('MistClient.supportedProviders', 'no supported_providers list');
    return reply.supported_providers;
  }

  /**
   * The backends by id (fetched on first use, then cached until {@link MistClient.updateBackends},
   * as mist.client's `backends` property). A Map keeps the server's order.
   */
  backends(): Promise<Map<string, Backend>> {
    const s = this._state;
    if (s.backends) return Promise.resolve(s.backends);
    s.backendsLoading ??= this.updateBackends().finally(() => {
      s.backendsLoading = undefined;
    });
    return s.backendsLoading;
  }

  /** `GET /backends` again and refill the cache; Backend objects already handed out are updated in place. */
  async updateBackends(): Promise<Map<string, Backend>> {
    const list = checkIdList<BackendInfo>('MistClient.updateBackends', await this.api.GET('/backends'));
    const old = this._state.backends;
    const next = new Map<string, Backend>();
    for (const info of list) {
      const known = old?.get(info.id);
      if (known) known._refresh(info);
      next.set(info.id, known ?? new Backend(info, this));
    }
    this._state.backends = next;
    return next;
  }

  /** The backend with this id, or undefined (from the cache; fetched first if empty). */
  async backendFromId(backendId: string): Promise<Backend | undefined> {
    return (await this.backends()).get(backendId);
  }

  /** The first backend whose title is exactly `title`, or undefined. */
  async backendFromTitle(title: string): Promise<Backend | undefined> {
    for (const b of (await this.backends()).values()) if (b.title === title) return b;
    return undefined;
  }

  /**
   * The first backend of this provider, or undefined. A `provider:region` value (`rackspace:lon`, as
   * `supportedProviders()` lists it) matches the stored provider and region, which the server keeps
   * apart (mist.client never matched these).
   */
  async backendFromProvider(provider: string): Promise<Backend | undefined> {
    const backends = [...(await this.backends()).values()];
    const exact = backends.find((b) => b.provider === provider);
    if (exact || !provider.includes(':')) return exact;
    const at = provider.indexOf(':');
    const [name, region] = [provider.slice(0, at), provider.slice(at + 1)];
    return backends.find((b) => b.provider === name && (b.info.region ?? '') === region);
  }

  /** A backend by id, then title, then provider (mist.client's order), or undefined. */
  async searchBackend(backendKey: string): Promise<Backend | undefined> {
    return (await this.backendFromId(backendKey)) ?? (await this.backendFromTitle(backendKey)) ?? (await this.backendFromProvider(backendKey));
  }

  /**
   * `POST /backends` (mist.client's `add_backend(title, provider, key, secret, …)`), then the backend
   * list again; resolves with the new Backend. What `key` and `secret` mean depends on the provider
   * (see {@link AddBackendOptions}); the options a provider does not take are refused.
   * @throws MistBadRequestError (a required field missing), MistUnauthorizedError (the provider
   *   refused the credentials), MistConflictError (`Backend exists`), MistServiceUnavailableError.
   */
  async addBackend<P extends MistProvider | (string & {})>(title: string, provider: P, key: string, secret: string, ...options: AddBackendOptionsArg<P>): Promise<Backend> {
    const body = addBackendBody(title, provider, key, secret, options[0] as AnyBackendOptions | undefined);
    this._state.auth.addSecret(secret);
    const added = await this.api.POST('/backends', { body });
    if (typeof added?.id !== 'string') throw new ResponseError('MistClient.addBackend', 'the reply has no backend id');
    const backends = await this.updateBackends();
    return (
      backends.get(added.id) ??
      new Backend({ id: added.id, title: added.title ?? title, provider: added.provider ?? provider, enabled: added.enabled ?? true, apikey: added.apikey ?? null, region: added.region ?? null }, this)
    );
  }

  /** The keys by id (= name), cached until {@link MistClient.updateKeys}, as mist.client's `keys` property. */
  keys(): Promise<Map<string, Key>> {
    const s = this._state;
    if (s.keys) return Promise.resolve(s.keys);
    s.keysLoading ??= this.updateKeys().finally(() => {
      s.keysLoading = undefined;
    });
    return s.keysLoading;
  }

  /** `GET /keys` again and refill the cache; Key objects already handed out are updated in place. */
  async updateKeys(): Promise<Map<string, Key>> {
    return this._adoptKeys(checkIdList<KeyInfo>('MistClient.updateKeys', await this.api.GET('/keys')));
  }

  /** @internal Refills the key cache from a key list reply (`GET /keys`, or what `DELETE /keys/{id}` answers). */
  _adoptKeys(list: KeyInfo[]): Map<string, Key> {
    const old = this._state.keys;
    const next = new Map<string, Key>();
    for (const info of list) {
      const known = old?.get(info.id);
      if (known) known._refresh(info);
      next.set(info.id, known ?? new Key(info, this));
    }
    this._state.keys = next;
    return next;
  }

  /** `POST /keys`: a new private key from the server (not stored until {@link MistClient.addKey}). */
  async generateKey(): Promise<string> {
    const reply = await this.api.POST('/keys');
    if (typeof reply?.priv !== 'string') throw new ResponseError('MistClient.generateKey', 'the reply has no "priv" string');
    this._state.auth.addSecret(reply.priv);
    return reply.priv;
  }

  /**
   * `PUT /keys` with `{id: keyName, priv: privateKey}`, then the key list again; resolves with the
   * new Key. The first key added becomes the default.
   * @throws MistConflictError (`Keypair exists`), MistBadRequestError (`Invalid private key`).
   */
  async addKey(keyName: string, privateKey: string): Promise<Key> {
    requireText('MistClient.addKey()', 'keyName', keyName);
    requireText('MistClient.addKey()', 'privateKey', privateKey);
    this._state.auth.addSecret(privateKey);
    await this.api.PUT('/keys', { body: { id: keyName, priv: privateKey } });
    const keys = await this.updateKeys();
    return keys.get(keyName) ?? new Key({ id: keyName, machines: [], isDefault: false }, this);
  }

  /** `GET /monitoring`: plan, monitored machines, metrics and rules (an open-source server route). */
  checkMonitoring(): Promise<MonitoringOverview> {
    return this.api.GET('/monitoring');
  }

  /** Public facts only (no token). */
  toJSON(): Record<string, unknown> {
    return { uri: this.uri, email: this.email, authenticated: this.authenticated, dryRun: this.dryRun };
  }

  [INSPECT](): string {
    return `MistClient ${JSON.stringify(this.toJSON())}`;
  }
}

/** The installation URL without trailing slashes; whitespace or a non-URL is a ConfigError. */
function mistUriOf(where: string, uri: string | undefined): string {
  if (uri === undefined) return DEFAULT_MIST_URI;
  if (typeof uri !== 'string' || /[\u0000-\u0020\u007f]/.test(uri)) throw new ConfigError(`${where}: mistUri must be a URL without spaces or control characters`);
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new ConfigError(`${where}: mistUri is not an absolute URL (e.g. https://mist.io)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${where}: mistUri must be an http(s) URL`);
  if (url.search || url.hash) throw new ConfigError(`${where}: mistUri must not have a query or fragment`);
  return uri.replace(/\/+$/, '');
}

/** A token from a login reply that a header cannot carry is the server's fault, not the caller's. */
function tokenOf(token: string): string {
  try {
    checkHeaderSafe('MistClient.login', 'token', token);
  } catch {
    throw new ResponseError('MistClient.login', 'the token in the reply cannot travel in an Authorization header');
  }
  return token;
}
