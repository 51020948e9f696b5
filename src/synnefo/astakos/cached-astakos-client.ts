import { DryRunSignal, isDryRunRequest } from '../../core/dry-run.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { checkOptions } from '../../core/options.js';
import { Client, type SynnefoClientOptions } from '../base/client.js';
import { checkToken } from '../base/token-auth.js';
import { AstakosClient, type ServiceClientClass } from './astakos-client.js';
import { AstakosClientError } from './errors/astakos-client-error.js';
import { astakosErrorFor } from './errors/error-for.js';
import type { AccessResponse, CatalogEndpoint, CatalogService, UserInfo } from './types.js';

/** Options of `new CachedAstakosClient(…)`: a token may be a list (the first one is used). */
export interface CachedAstakosClientOptions extends Omit<SynnefoClientOptions, 'token'> {
  /** The user's token, or several (kamaki's config keeps them space-separated; the first is current). */
  token?: string | readonly string[] | undefined;
}

interface CacheEntry {
  access: AccessResponse;
  client: AstakosClient;
  uuidsToNames: Record<string, string>;
  namesToUuids: Record<string, string>;
}

/**
 * kamaki's `CachedAstakosClient` (the object kamaki's CLI works with): an identity client
 * (`serviceType` `identity`, default version 2.0) that authenticates each token once and keeps
 * the latest authentication per user, so catalog lookups, user info and name/uuid conversions
 * after the first cost no request. A token whose cached authentication is for a different token
 * is authenticated again. Every method takes an optional `token` to act for another cached user.
 *
 * ```ts
 * const astakos = new CachedAstakosClient({ url: authUrl, token });
 * const url = await astakos.getEndpointUrl(CycladesComputeClient.serviceType);
 * ```
 */
export class CachedAstakosClient extends Client {
  static override readonly serviceType: string = 'identity';
  static override readonly DEFAULT_API_VERSION: string | undefined = '2.0';

  /** token → uuid of the user it authenticated. */
  protected readonly uuids = new Map<string, string>();
  /** uuid → latest authentication and that user's AstakosClient. */
  protected readonly cache = new Map<string, CacheEntry>();

  constructor(options: CachedAstakosClientOptions) {
    const token = Array.isArray(options?.token) ? (options.token as readonly string[])[0] : options?.token;
    super({ ...options, token: token as string | undefined } as SynnefoClientOptions, { name: 'CachedAstakosClient', errorFactory: astakosErrorFor });
  }

  /** kamaki `_resolve_token`: the given token (or the first of a list), else this client's. */
  protected resolveToken(token: string | readonly string[] | undefined): string {
    const t = Array.isArray(token) ? (token as readonly string[])[0] : (token as string | undefined);
    const resolved = checkToken('CachedAstakosClient', t ?? this.token);
    if (!resolved) throw new ConfigError('CachedAstakosClient: no token provided');
    return resolved;
  }

  /** kamaki `_validate_token`: authenticates the token unless its latest authentication is cached. */
  protected async ensureAuthenticated(token: string): Promise<CacheEntry> {
    const uuid = this.uuids.get(token);
    const entry = uuid === undefined ? undefined : this.cache.get(uuid);
    if (entry && entry.access.access.token?.id === token) return entry;
    this.uuids.delete(token);
    await this.authenticate({ token });
    return this.cache.get(this.uuids.get(token) as string) as CacheEntry;
  }

  /** kamaki `get_client`: the AstakosClient of a (cached) user. */
  async getClient(options: { token?: string } = {}): Promise<AstakosClient> {
    checkOptions('CachedAstakosClient.getClient()', options, ['token']);
    return (await this.ensureAuthenticated(this.resolveToken(options.token))).client;
  }

  /**
   * kamaki `authenticate(token=None)`: authenticates a token (this client's by default) and
   * caches the answer for its user; resolves with the access record.
   */
  async authenticate(options: { token?: string } = {}): Promise<AccessResponse> {
    checkOptions('CachedAstakosClient.authenticate()', options, ['token']);
    const token = this.resolveToken(options.token);
    const client = new AstakosClient({ ...this.sharedOptions, url: this.endpointUrl, token });
    const access = await client.authenticate();
    // A dry-run AstakosClient resolves with the request it would send: pass it up as the answer.
    if (isDryRunRequest(access)) throw new DryRunSignal(access);
    const uuid = access?.access?.user?.id;
    if (typeof uuid !== 'string') throw new AstakosClientError('authenticate returned no user id', 500);
    this.uuids.set(token, uuid);
    this.cache.set(uuid, { access, client, uuidsToNames: {}, namesToUuids: {} });
    return access;
  }

  /** kamaki `remove_user(uuid)`: forgets a cached user. */
  removeUser(uuid: string): void {
    const entry = this.cache.get(uuid);
    if (!entry) throw new AstakosClientError(`No user with uuid ${uuid} in the cache`, 0);
    this.uuids.delete(entry.access.access.token?.id as string);
    this.cache.delete(uuid);
  }

  /** kamaki `get_token(uuid)`: the token of a cached user. */
  getToken(uuid: string): string {
    const token = this.cache.get(uuid)?.access.access.token?.id;
    if (typeof token !== 'string') throw new AstakosClientError(`No user with uuid ${uuid} in the cache`, 0);
    return token;
  }

  /** kamaki `get_services(token=None)`: the (cached) service catalog. */
  async getServices(options: { token?: string } = {}): Promise<CatalogService[]> {
    checkOptions('CachedAstakosClient.getServices()', options, ['token']);
    return (await this.ensureAuthenticated(this.resolveToken(options.token))).access.access.serviceCatalog ?? [];
  }

  /**
   * kamaki `get_service_details(service_type)`: the first catalog service whose type matches
   * case-insensitively; AstakosClientError `Service type "X" not in service catalog` otherwise.
   */
  async getServiceDetails(serviceType: string, options: { token?: string } = {}): Promise<CatalogService> {
    for (const service of await this.getServices(options)) {
      if (typeof service?.type === 'string' && service.type.toLowerCase() === serviceType.toLowerCase()) return service;
    }
    throw new AstakosClientError(`Service type "${serviceType}" not in service catalog`, 0);
  }

  /**
   * kamaki `get_service_endpoints(service_type, version=None)`: the endpoint of that service
   * (versionId compared case-insensitively); exactly one must match, else AstakosClientError
   * "N endpoints match type X".
   */
  async getServiceEndpoints(serviceType: string, options: { version?: string; token?: string } = {}): Promise<CatalogEndpoint> {
    checkOptions('CachedAstakosClient.getServiceEndpoints()', options, ['version', 'token']);
    const service = await this.getServiceDetails(serviceType, options.token === undefined ? {} : { token: options.token });
    const version = options.version?.toLowerCase();
    const matches = (service.endpoints ?? []).filter((e) => !version || String(e.versionId ?? '').toLowerCase() === version);
    if (matches.length !== 1) {
      throw new AstakosClientError(`${matches.length} endpoints match type ${serviceType}${options.version ? ` and versionId ${options.version}` : ''}`, 0);
    }
    return matches[0] as CatalogEndpoint;
  }

  /** kamaki `get_endpoint_url(service_type, version=None)`: the `publicURL` of that endpoint. */
  async getEndpointUrl(serviceType: string, options: { version?: string; token?: string } = {}): Promise<string> {
    const endpoint = await this.getServiceEndpoints(serviceType, options);
    if (typeof endpoint.publicURL !== 'string') throw new AstakosClientError(`Service type "${serviceType}" has no publicURL`, 0);
    return endpoint.publicURL;
  }

  /**
   * A client of another service, from the catalog: `new Class({ url: <its publicURL>, token,
   * ...this client's core options, ...options })`.
   */
  async clientFor<C, O>(Class: ServiceClientClass<C, O>, options?: Partial<O> & Record<string, unknown> & { token?: string }): Promise<C> {
    const token = this.resolveToken(options?.token);
    const url = await this.getEndpointUrl(Class.serviceType, { token });
    return new Class({ ...(this.sharedOptions as object), ...(options ?? {}), url, token } as never);
  }

  /**
   * kamaki `list_users()`: every cached user's `access.user` plus its `auth_token` (authenticates
   * this client's token first when the cache is empty). The tokens are the caller's own secrets:
   * do not print them.
   */
  async listUsers(): Promise<(Record<string, unknown> & { auth_token: string })[]> {
    if (this.cache.size === 0) await this.authenticate();
    return [...this.cache.values()].map((e) => ({ ...(e.access.access.user as Record<string, unknown>), auth_token: e.access.access.token?.id as string }));
  }

  /** kamaki `user_info(token=None)`: the cached `access.user` plus `default_project` (`token.tenant.id`). */
  async userInfo(options: { token?: string } = {}): Promise<UserInfo> {
    checkOptions('CachedAstakosClient.userInfo()', options, ['token']);
    const { access } = await this.ensureAuthenticated(this.resolveToken(options.token));
    return { ...(access.access.user as UserInfo), default_project: access.access.token?.tenant?.id as string };
  }

  /** kamaki `user_set_default_project(project_id, token=None)`. */
  async userSetDefaultProject(projectId: string, options: { token?: string } = {}): Promise<void> {
    checkOptions('CachedAstakosClient.userSetDefaultProject()', options, ['token']);
    await (await this.ensureAuthenticated(this.resolveToken(options.token))).client.setDefaultProject(projectId);
  }

  /** kamaki `term(key, token=None)`: one field of {@link CachedAstakosClient.userInfo}. */
  async term(key: string, options: { token?: string } = {}): Promise<unknown> {
    return this.userTerm(key, options);
  }

  /** kamaki `user_term(key, token=None)`: one field of the user info, or undefined. */
  async userTerm(key: string, options: { token?: string } = {}): Promise<unknown> {
    return ((await this.userInfo(options)) as Record<string, unknown>)[key];
  }

  /**
   * kamaki `post_user_catalogs(uuids=None, displaynames=None)`: uuid → name for `uuids`, else
   * name → uuid for `displaynames` (cached per user).
   */
  async postUserCatalogs(options: { uuids?: readonly string[]; displaynames?: readonly string[]; token?: string } = {}): Promise<Record<string, string>> {
    checkOptions('CachedAstakosClient.postUserCatalogs()', options, ['uuids', 'displaynames', 'token'], { displayNames: 'displaynames' });
    const extra = options.token === undefined ? {} : { token: options.token };
    return options.uuids?.length ? this.uuids2usernames(options.uuids, extra) : this.usernames2uuids(options.displaynames ?? [], extra);
  }

  /** kamaki `uuids2usernames(uuids)`: asks Astakos only for uuids not cached yet; resolves with the whole cached map. */
  async uuids2usernames(uuids: readonly string[], options: { token?: string } = {}): Promise<Record<string, string>> {
    checkOptions('CachedAstakosClient.uuids2usernames()', options, ['token']);
    const entry = await this.ensureAuthenticated(this.resolveToken(options.token));
    if (uuids.some((u) => !Object.prototype.hasOwnProperty.call(entry.uuidsToNames, u))) Object.assign(entry.uuidsToNames, await entry.client.getUsernames(uuids));
    return entry.uuidsToNames;
  }

  /** kamaki `usernames2uuids(usernames)`: the reverse of {@link CachedAstakosClient.uuids2usernames}. */
  async usernames2uuids(usernames: readonly string[], options: { token?: string } = {}): Promise<Record<string, string>> {
    checkOptions('CachedAstakosClient.usernames2uuids()', options, ['token']);
    const entry = await this.ensureAuthenticated(this.resolveToken(options.token));
    if (usernames.some((u) => !Object.prototype.hasOwnProperty.call(entry.namesToUuids, u))) Object.assign(entry.namesToUuids, await entry.client.getUuids(usernames));
    return entry.namesToUuids;
  }
}
