import type { OpsClient } from '../../core/client.js';
import { dryRunnable } from '../../core/dry-run.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { CORE_OPTION_NAMES, checkOptions } from '../../core/options.js';
import type { CoreOptions } from '../../core/types.js';
import { encodeBase64 } from '../../crypto/encoding/base64.js';
import { encodeUtf8 } from '../../crypto/encoding/utf8.js';
import type { SharedOptions } from '../base/client.js';
import { ServiceApi, type SynnefoCallInit, type SynnefoHttpMethod } from '../base/service-api.js';
import { checkToken, TokenAuth } from '../base/token-auth.js';
import { parseEndpoints, urlPath, type EndpointFilter } from './catalog.js';
import { AstakosClientError } from './errors/astakos-client-error.js';
import { astakosErrorFor } from './errors/error-for.js';
import { NoUserName } from './errors/no-user-name.js';
import { NoUUID } from './errors/no-uuid.js';
import { operations } from '../generated/synnefo-astakos.meta.js';
import type { paths } from '../generated/synnefo-astakos.js';
import { mkProvisions, projectProvision, provisionPairs, userProvision, type ProvisionEntries } from './provisions.js';
import type {
  AccessResponse, AccessUser, ApplicationRef, CatalogEndpoint, Commission, CommissionRequest, Membership, Project, ProjectQuota,
  ProjectQuotas, ProjectSpecs, Provision, Resource, ResolveResult,
} from './types.js';

/** Options of `new AstakosClient(…)`: the auth URL, the token and the core options. */
export interface AstakosClientOptions extends CoreOptions {
  /** The auth URL (`https://accounts.example.org/identity/v2.0`); every call goes to its host. */
  url: string;
  /** The user's (or, for service calls, a component's) token. */
  token?: string | undefined;
}

/** Option names of `new AstakosClient()`. */
export const ASTAKOS_CLIENT_OPTION_NAMES: readonly string[] = Object.freeze(['url', 'token', ...CORE_OPTION_NAMES]);

const OPTION_ALIASES = Object.freeze({ auth_url: 'url', authUrl: 'url', endpoint_url: 'url', endpointUrl: 'url' });

/** Options of the commission helpers (astakosclient keywords, camelCased). */
export interface CommissionOptions {
  /** Description of the commission. Default `''`. */
  name?: string;
  /** Apply even over the limits. Default false. */
  force?: boolean;
  /** Accept at once instead of leaving it pending. Default false. */
  autoAccept?: boolean;
}

/** Where the account, UI and OAuth2 calls go (from the catalog, on the auth URL's host). */
interface Roots {
  accountUrl: string;
  uiUrl: string;
  oauth2Url: string | undefined;
  account: ServiceApi<paths>;
  ui: ServiceApi<paths>;
  oauth2: ServiceApi<paths> | undefined;
}

const PROJECT_ACTIONS = new Set(['suspend', 'unsuspend', 'terminate', 'reinstate']);
const APPLICATION_ACTIONS = new Set(['approve', 'deny', 'dismiss', 'cancel']);
const MEMBERSHIP_ACTIONS = new Set(['leave', 'cancel', 'accept', 'reject', 'remove']);
const PROJECT_MODES = new Set(['default', 'related', 'member', 'active']);

/** A service client class opskit can build from the catalog (`ComputeClient`, `PithosClient`, …). */
export interface ServiceClientClass<C, O = Record<string, unknown>> {
  new (options: { url: string; token?: string | undefined } & O): C;
  readonly serviceType: string;
}

function joinIfList(v: string | readonly string[] | undefined): string | undefined {
  return v === undefined ? undefined : typeof v === 'string' ? v : v.join(',');
}

/**
 * kamaki's `AstakosClient` (astakosclient underneath): authentication and the service catalog,
 * user catalogs, resources, quotas, commissions, projects and memberships, feedback and OAuth2.
 * Every request goes to the host of the auth URL; the account, UI and OAuth2 calls use only the
 * PATH of their catalog URLs (protocol §2.2, §8.13), learned lazily from the catalog (one
 * unauthenticated `POST /tokens`) unless `authenticate()` already ran. Every failure is an
 * {@link AstakosClientError} ({@link QuotaLimit} for a refused commission).
 *
 * ```ts
 * const astakos = new AstakosClient({ url: 'https://accounts.example.org/identity/v2.0', token });
 * const me = await astakos.authenticate();
 * const computeUrl = await astakos.getEndpointUrl('compute');
 * const compute = await astakos.clientFor(CycladesComputeClient);
 * ```
 */
export class AstakosClient {
  /** The catalog type of the identity service. */
  static readonly serviceType = 'identity';

  /** The auth URL as given (trailing `/` removed): the identity root. */
  readonly authUrl: string;
  /** The core client of the identity root (openapi-fetch through the pipeline). */
  readonly api: OpsClient<paths>;
  /** The options this client was made with, minus url and token (for clients it derives). */
  readonly sharedOptions: SharedOptions;
  /** @internal The X-Auth-Token handler. */
  protected readonly auth: TokenAuth;
  /** @internal The identity root. */
  protected readonly identity: ServiceApi<paths>;
  /** @internal Account, UI and OAuth2 roots, once known. */
  protected roots: Roots | undefined;

  constructor(options: AstakosClientOptions) {
    const where = 'new AstakosClient()';
    if (!options || typeof options !== 'object') throw new ConfigError(`${where}: options { url, token } are required`);
    checkOptions(where, options, ASTAKOS_CLIENT_OPTION_NAMES, OPTION_ALIASES);
    if (typeof options.url !== 'string' || !options.url.trim()) throw new ConfigError(`${where}: url (the auth URL) is required`);
    let parsed: URL;
    try {
      parsed = new URL(options.url.trim());
    } catch {
      throw new ConfigError(`${where}: url is not an absolute URL: ${JSON.stringify(options.url.slice(0, 200))}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigError(`${where}: unsupported scheme ${parsed.protocol}`);
    this.authUrl = options.url.trim().replace(/\/+$/, '');
    this.auth = new TokenAuth(checkToken(where, options.token));
    const { url: _url, token: _token, ...shared } = options;
    this.sharedOptions = shared;
    this.identity = this.root(this.authUrl);
    this.api = this.identity.api;
    if (options.dryRun) return dryRunnable(this);
  }

  /** The token sent as `X-Auth-Token`; set it to act as another user (kamaki's `with_temp_token`). */
  get token(): string | undefined {
    return this.auth.token;
  }

  set token(value: string | undefined) {
    this.auth.token = checkToken('AstakosClient.token', value);
  }

  /** The `astakos_account` publicURL, once the catalog has been read (astakosclient `account_url`). */
  get accountUrl(): string | undefined {
    return this.roots?.accountUrl;
  }

  /** The path account calls use (astakosclient `account_prefix`), once known. */
  get accountPrefix(): string | undefined {
    return this.roots ? urlPath(this.roots.accountUrl) : undefined;
  }

  /** The `SNF:uiURL` of the account service (astakosclient `ui_url`), once known. */
  get uiUrl(): string | undefined {
    return this.roots?.uiUrl;
  }

  /** The path UI calls use (astakosclient `ui_prefix`), once known. */
  get uiPrefix(): string | undefined {
    return this.roots ? urlPath(this.roots.uiUrl) : undefined;
  }

  /** The `astakos_oauth2` publicURL (astakosclient `oauth2_url`), once known. */
  get oauth2Url(): string | undefined {
    return this.roots?.oauth2Url;
  }

  /** The path OAuth2 calls use (astakosclient `oauth2_prefix`), once known. */
  get oauth2Prefix(): string | undefined {
    return this.roots?.oauth2Url ? urlPath(this.roots.oauth2Url) : undefined;
  }

  // ---- tokens and the catalog -------------------------------------------------------------

  /**
   * `POST /tokens` with the token (astakosclient `authenticate`): the token, the user and the
   * service catalog. `tenantName`, when given, must be the user's uuid. `access.token.tenant.id`
   * is the user's DEFAULT PROJECT, not the uuid.
   */
  async authenticate(options: { tenantName?: string } = {}): Promise<AccessResponse> {
    checkOptions('AstakosClient.authenticate()', options, ['tenantName'], { tenant_name: 'tenantName' });
    const token = this.token;
    if (!token) throw new ConfigError('AstakosClient.authenticate(): no token to authenticate');
    const auth: Record<string, unknown> = { token: { id: token } };
    if (options.tenantName !== undefined) auth.tenantName = options.tenantName;
    const r = await this.identity.request('POST', '/tokens', { body: { auth } });
    this.fillEndpoints(r.data as AccessResponse);
    return r.data as AccessResponse;
  }

  /**
   * `POST /tokens` with no body (astakosclient `get_endpoints`): the public service catalog,
   * `{ access: { serviceCatalog: [...] } }`, without authenticating.
   */
  async getEndpoints(): Promise<AccessResponse> {
    const r = await this.identity.request('POST', '/tokens', { headers: { 'content-type': 'application/json' }, opskit: { op: 'getEndpoints' } });
    this.fillEndpoints(r.data as AccessResponse);
    return r.data as AccessResponse;
  }

  /**
   * kamaki `get_service_endpoints(service_type, version=None)`: the first endpoint of the first
   * catalog service of this `type` (exact match; `version` filters `versionId`, e.g. `v2.0`).
   * Throws {@link NoEndpoints} when there is none.
   */
  async getServiceEndpoints(serviceType: string, options: { version?: string } = {}): Promise<CatalogEndpoint> {
    checkOptions('AstakosClient.getServiceEndpoints()', options, ['version']);
    const services = parseEndpoints(await this.getEndpoints(), { type: serviceType, versionId: options.version });
    return services[0]?.endpoints[0] as CatalogEndpoint;
  }

  /** kamaki `get_endpoint_url`: the `publicURL` of {@link AstakosClient.getServiceEndpoints}. */
  async getEndpointUrl(serviceType: string, options: { version?: string } = {}): Promise<string> {
    const endpoint = await this.getServiceEndpoints(serviceType, options);
    if (typeof endpoint.publicURL !== 'string') throw new AstakosClientError(`Service type "${serviceType}" has no publicURL`, 500);
    return endpoint.publicURL;
  }

  /**
   * A client of another service, from the catalog: `new Class({ url: <its publicURL>, token,
   * ...this client's core options, ...options })`. Not in kamaki (the CLI does it by hand).
   */
  async clientFor<C, O>(Class: ServiceClientClass<C, O>, options?: Partial<O> & Record<string, unknown>): Promise<C> {
    const url = await this.getEndpointUrl(Class.serviceType);
    return new Class({ ...(this.sharedOptions as object), ...(options ?? {}), url, token: this.token } as never);
  }

  /** kamaki's `user_info` (a property there, a call here): `authenticate().access.user`. */
  async userInfo(): Promise<AccessUser> {
    const r = await this.authenticate();
    return r.access.user as AccessUser;
  }

  /** kamaki `user_term(term)`: one field of {@link AstakosClient.userInfo}. */
  async userTerm(term: string): Promise<unknown> {
    return ((await this.userInfo()) as Record<string, unknown>)[term];
  }

  /**
   * `GET /tokens/{token_id}` (astakosclient `validate_token`): an OAuth2 access token's user and
   * expiry; `belongsTo` must be inside the token's scope. The token never shows in logs or errors.
   */
  async validateToken(tokenId: string, options: { belongsTo?: string } = {}): Promise<AccessResponse> {
    checkOptions('AstakosClient.validateToken()', options, ['belongsTo'], { belongs_to: 'belongsTo' });
    this.auth.addSecret(tokenId);
    const r = await this.identity.request('GET', '/tokens/{token_id}', { params: { path: { token_id: tokenId } }, query: { belongsTo: options.belongsTo } });
    return r.data as AccessResponse;
  }

  // ---- user catalogs, services, resources, feedback -----------------------------------------

  /** `POST /user_catalogs {uuids}` (astakosclient `get_usernames`): uuid → display name. */
  async getUsernames(uuids: readonly string[]): Promise<Record<string, string>> {
    return this.catalog('/user_catalogs', 'uuids', uuids, 'uuid_catalog', 'getUsernames');
  }

  /** astakosclient `get_username`: one display name; {@link NoUserName} when unknown. */
  async getUsername(uuid: string): Promise<string> {
    const names = await this.getUsernames([uuid]);
    if (!Object.prototype.hasOwnProperty.call(names, uuid)) throw new NoUserName(uuid);
    return names[uuid] as string;
  }

  /** `POST /service/user_catalogs {uuids}` with a service token (astakosclient `service_get_usernames`). */
  async serviceGetUsernames(uuids: readonly string[] | null): Promise<Record<string, string>> {
    return this.catalog('/service/user_catalogs', 'uuids', uuids, 'uuid_catalog', 'serviceGetUsernames');
  }

  /** astakosclient `service_get_username`. */
  async serviceGetUsername(uuid: string): Promise<string> {
    const names = await this.serviceGetUsernames([uuid]);
    if (!Object.prototype.hasOwnProperty.call(names, uuid)) throw new NoUserName(uuid);
    return names[uuid] as string;
  }

  /** `POST /user_catalogs {displaynames}` (astakosclient `get_uuids`): display name → uuid. */
  async getUuids(displayNames: readonly string[]): Promise<Record<string, string>> {
    return this.catalog('/user_catalogs', 'displaynames', displayNames, 'displayname_catalog', 'getUuids');
  }

  /** astakosclient `get_uuid`: one uuid; {@link NoUUID} when unknown. */
  async getUuid(displayName: string): Promise<string> {
    const uuids = await this.getUuids([displayName]);
    if (!Object.prototype.hasOwnProperty.call(uuids, displayName)) throw new NoUUID(displayName);
    return uuids[displayName] as string;
  }

  /** `POST /service/user_catalogs {displaynames}` with a service token (astakosclient `service_get_uuids`). */
  async serviceGetUuids(displayNames: readonly string[] | null): Promise<Record<string, string>> {
    return this.catalog('/service/user_catalogs', 'displaynames', displayNames, 'displayname_catalog', 'serviceGetUuids');
  }

  /** astakosclient `service_get_uuid`. */
  async serviceGetUuid(displayName: string): Promise<string> {
    const uuids = await this.serviceGetUuids([displayName]);
    if (!Object.prototype.hasOwnProperty.call(uuids, displayName)) throw new NoUUID(displayName);
    return uuids[displayName] as string;
  }

  /** `GET <ui>/get_services` (astakosclient `get_services`): the services the web UI lists. */
  async getServices(): Promise<{ id?: string; name?: string; url?: string; icon?: string }[]> {
    const roots = await this.lazyRoots();
    return (await roots.ui.request('GET', '/get_services')).data;
  }

  /** `GET /resources` (astakosclient `get_resources`): resource name → definition. */
  async getResources(): Promise<Record<string, Resource>> {
    return (await this.account('GET', '/resources')).data;
  }

  /**
   * `POST /feedback` (astakosclient `send_feedback`), form-encoded as the server needs it
   * (astakosclient sends it as octet-stream, which the server cannot read: protocol §8.12).
   */
  async sendFeedback(message: string, data: string): Promise<void> {
    if (typeof message !== 'string' || typeof data !== 'string') throw new ConfigError('AstakosClient.sendFeedback(): message and data must be strings');
    await this.account('POST', '/feedback', {
      body: { feedback_msg: message, feedback_data: data },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** `POST /myaccount/default_project` (astakosclient `set_default_project`). */
  async setDefaultProject(projectId: string): Promise<void> {
    await this.account('POST', '/myaccount/default_project', { body: { project_id: projectId } });
  }

  // ---- quotas --------------------------------------------------------------------------------

  /** `GET /quotas` (astakosclient `get_quotas`): project → resource → quota of the caller. */
  async getQuotas(): Promise<ProjectQuotas> {
    return (await this.account('GET', '/quotas')).data;
  }

  /**
   * `GET /service_quotas` with a service token (astakosclient `service_get_quotas(user,
   * project_id)`): user → project → resource → quota; lists are sent comma-joined.
   */
  async serviceGetQuotas(options: { user?: string | readonly string[]; projectId?: string | readonly string[]; project?: string | readonly string[] } = {}): Promise<Record<string, ProjectQuotas>> {
    checkOptions('AstakosClient.serviceGetQuotas()', options, ['user', 'projectId', 'project'], { project_id: 'projectId' });
    const project = options.projectId ?? options.project;
    return (await this.account('GET', '/service_quotas', { query: { user: joinIfList(options.user), project: joinIfList(project) } })).data;
  }

  /** `GET /service_project_quotas` with a service token (astakosclient `service_get_project_quotas`). */
  async serviceGetProjectQuotas(options: { projectId?: string | readonly string[]; project?: string | readonly string[] } = {}): Promise<Record<string, Record<string, ProjectQuota>>> {
    checkOptions('AstakosClient.serviceGetProjectQuotas()', options, ['projectId', 'project'], { project_id: 'projectId' });
    return (await this.account('GET', '/service_project_quotas', { query: { project: joinIfList(options.projectId ?? options.project) } })).data;
  }

  // ---- commissions ---------------------------------------------------------------------------

  /**
   * `POST /commissions` (astakosclient's `_issue_commission`): issues a raw commission request
   * and resolves with its serial. A 413 is a {@link QuotaLimit}.
   */
  async issueCommission(request: CommissionRequest): Promise<number> {
    const r = await this.account('POST', '/commissions', { body: request, success: 201 });
    const serial = (r.data as { serial?: unknown } | undefined)?.serial;
    if (typeof serial !== 'number') throw new AstakosClientError('issue_commission_core request returned no serial', r.status);
    return serial;
  }

  /** astakosclient `mk_provisions`: a user provision and its project provision. */
  mkProvisions(holder: string, source: string, resource: string, quantity: number): Provision[] {
    return mkProvisions(holder, source, resource, quantity);
  }

  /**
   * astakosclient `issue_commission_generic`: user provisions keyed `(holder, source, resource)`
   * and project provisions keyed `(project, resource)` (see {@link ProvisionEntries}).
   */
  async issueCommissionGeneric(userProvisions: ProvisionEntries, projectProvisions: ProvisionEntries, options: CommissionOptions = {}): Promise<number> {
    const where = 'AstakosClient.issueCommissionGeneric()';
    const provisions = [
      ...provisionPairs(where, userProvisions, ['holder', 'source', 'resource']).map(([[h, s, r], q]) => userProvision(h as string, s as string, r as string, q)),
      ...provisionPairs(where, projectProvisions, ['holder', 'resource']).map(([[h, r], q]) => projectProvision(h as string, r as string, q)),
    ];
    return this.issueCommission(this.commissionRequest(where, provisions, options));
  }

  /**
   * astakosclient `issue_one_commission(holder, {(source, resource): quantity})`: two provisions
   * (user and project) per entry.
   */
  async issueOneCommission(holder: string, provisions: ProvisionEntries, options: CommissionOptions = {}): Promise<number> {
    const where = 'AstakosClient.issueOneCommission()';
    if (typeof holder !== 'string' || !holder) throw new ConfigError(`${where}: holder (a user uuid) is required`);
    const list = provisionPairs(where, provisions, ['source', 'resource']).flatMap(([[s, r], q]) => mkProvisions(holder, s as string, r as string, q));
    return this.issueCommission(this.commissionRequest(where, list, options));
  }

  /**
   * astakosclient `issue_resource_reassignment(holder, {(from, to, resource): quantity})`: moves
   * usage from one project to another (−quantity on `from`, +quantity on `to`).
   */
  async issueResourceReassignment(holder: string, provisions: ProvisionEntries, options: CommissionOptions = {}): Promise<number> {
    const where = 'AstakosClient.issueResourceReassignment()';
    const list = provisionPairs(where, provisions, ['from', 'to', 'resource']).flatMap(([[from, to, r], q]) => [
      ...mkProvisions(holder, from as string, r as string, -q),
      ...mkProvisions(holder, to as string, r as string, q),
    ]);
    return this.issueCommission(this.commissionRequest(where, list, options));
  }

  /** `GET /commissions` (astakosclient `get_pending_commissions`): pending serials. */
  async getPendingCommissions(): Promise<number[]> {
    return (await this.account('GET', '/commissions')).data;
  }

  /** `GET /commissions/{serial}` (astakosclient `get_commission_info`). */
  async getCommissionInfo(serial: number): Promise<Commission> {
    return (await this.account('GET', '/commissions/{serial}', { params: { path: { serial: checkSerial(serial, 'getCommissionInfo') } } })).data;
  }

  /** `POST /commissions/{serial}/action {"<action>": ""}` (astakosclient `commission_action`): accept or reject. */
  async commissionAction(serial: number, action: 'accept' | 'reject'): Promise<void> {
    if (action !== 'accept' && action !== 'reject') throw new ConfigError(`AstakosClient.commissionAction(): action must be "accept" or "reject"`);
    await this.account('POST', '/commissions/{serial}/action', {
      params: { path: { serial: checkSerial(serial, 'commissionAction') } },
      body: { [action]: '' },
      opskit: { op: `${action}Commission` },
    });
  }

  /** astakosclient `accept_commission`. */
  async acceptCommission(serial: number): Promise<void> {
    await this.commissionAction(serial, 'accept');
  }

  /** astakosclient `reject_commission`. */
  async rejectCommission(serial: number): Promise<void> {
    await this.commissionAction(serial, 'reject');
  }

  /** `POST /commissions/action` (astakosclient `resolve_commissions`): accept and reject many at once. */
  async resolveCommissions(acceptSerials: readonly number[], rejectSerials: readonly number[]): Promise<ResolveResult> {
    const accept = acceptSerials.map((s) => checkSerial(s, 'resolveCommissions'));
    const reject = rejectSerials.map((s) => checkSerial(s, 'resolveCommissions'));
    return (await this.account('POST', '/commissions/action', { body: { accept, reject } })).data;
  }

  // ---- projects and memberships ----------------------------------------------------------------

  /** `GET /projects` (astakosclient `get_projects(name, state, owner, mode)`). */
  async getProjects(options: { name?: string; state?: string; owner?: string; mode?: 'default' | 'related' | 'member' | 'active' } = {}): Promise<Project[]> {
    checkOptions('AstakosClient.getProjects()', options, ['name', 'state', 'owner', 'mode']);
    if (options.mode !== undefined && !PROJECT_MODES.has(options.mode)) throw new ConfigError(`AstakosClient.getProjects(): mode must be one of ${[...PROJECT_MODES].join(', ')}`);
    return (await this.account('GET', '/projects', { query: { name: options.name, state: options.state, owner: options.owner, mode: options.mode } })).data;
  }

  /** `GET /projects/{project_id}` (astakosclient `get_project`). */
  async getProject(projectId: string): Promise<Project> {
    return (await this.account('GET', '/projects/{project_id}', { params: { path: { project_id: projectId } } })).data;
  }

  /** `POST /projects` (astakosclient `create_project`): `{ id, application }` (201). */
  async createProject(specs: ProjectSpecs): Promise<ApplicationRef> {
    return (await this.account('POST', '/projects', { body: specs, success: 201 })).data;
  }

  /** `PUT /projects/{project_id}` (astakosclient `modify_project`): `{ id, application }` (201, not 200). */
  async modifyProject(projectId: string, specs: ProjectSpecs): Promise<ApplicationRef> {
    return (await this.account('PUT', '/projects/{project_id}', { params: { path: { project_id: projectId } }, body: specs, success: 201 })).data;
  }

  /** `POST /projects/{id}/action {"<action>": {"reason"}}` (astakosclient `project_action`): suspend, unsuspend, terminate, reinstate. */
  async projectAction(projectId: string, action: 'suspend' | 'unsuspend' | 'terminate' | 'reinstate', options: { reason?: string } = {}): Promise<void> {
    checkOptions('AstakosClient.projectAction()', options, ['reason']);
    if (!PROJECT_ACTIONS.has(action)) throw new ConfigError(`AstakosClient.projectAction(): action must be one of ${[...PROJECT_ACTIONS].join(', ')}`);
    await this.account('POST', '/projects/{project_id}/action', {
      params: { path: { project_id: projectId } },
      body: { [action]: { reason: options.reason ?? '' } },
    });
  }

  /**
   * `POST /projects/{id}/action {"<action>": {"app_id", "reason"}}` (astakosclient
   * `application_action`): approve, deny, dismiss or cancel an application. The reason travels
   * under `reason` (astakosclient's `reasons` is ignored by the server).
   */
  async applicationAction(projectId: string, appId: number, action: 'approve' | 'deny' | 'dismiss' | 'cancel', options: { reason?: string } = {}): Promise<void> {
    checkOptions('AstakosClient.applicationAction()', options, ['reason']);
    if (!APPLICATION_ACTIONS.has(action)) throw new ConfigError(`AstakosClient.applicationAction(): action must be one of ${[...APPLICATION_ACTIONS].join(', ')}`);
    await this.account('POST', '/projects/{project_id}/action', {
      params: { path: { project_id: projectId } },
      body: { [action]: { app_id: appId, reason: options.reason ?? '' } },
      opskit: { op: 'applicationAction' },
    });
  }

  /** `GET /projects/memberships[?project=]` (astakosclient `get_memberships`). */
  async getMemberships(options: { projectId?: string; project?: string } = {}): Promise<Membership[]> {
    checkOptions('AstakosClient.getMemberships()', options, ['projectId', 'project'], { project_id: 'projectId' });
    return (await this.account('GET', '/projects/memberships', { query: { project: options.projectId ?? options.project } })).data;
  }

  /** `GET /projects/memberships/{memb_id}` (astakosclient `get_membership`). */
  async getMembership(membId: number | string): Promise<Membership> {
    return (await this.account('GET', '/projects/memberships/{memb_id}', { params: { path: { memb_id: membId } } })).data;
  }

  /** `POST /projects/memberships/{id}/action {"<action>": reason}` (astakosclient `membership_action`). */
  async membershipAction(membId: number | string, action: 'leave' | 'cancel' | 'accept' | 'reject' | 'remove', options: { reason?: string } = {}): Promise<void> {
    checkOptions('AstakosClient.membershipAction()', options, ['reason']);
    if (!MEMBERSHIP_ACTIONS.has(action)) throw new ConfigError(`AstakosClient.membershipAction(): action must be one of ${[...MEMBERSHIP_ACTIONS].join(', ')}`);
    await this.account('POST', '/projects/memberships/{memb_id}/action', { params: { path: { memb_id: membId } }, body: { [action]: options.reason ?? '' } });
  }

  /** `POST /projects/memberships {"join": {"project"}}` (astakosclient `join_project`): `{ id }` of the membership. */
  async joinProject(projectId: string): Promise<{ id: number }> {
    return (await this.account('POST', '/projects/memberships', { body: { join: { project: projectId } } })).data;
  }

  /** `POST /projects/memberships {"enroll": {"project", "user"}}` (astakosclient `enroll_member`): `{ id }`. */
  async enrollMember(projectId: string, email: string): Promise<{ id: number }> {
    return (await this.account('POST', '/projects/memberships', { body: { enroll: { project: projectId, user: email } }, opskit: { op: 'enrollMember' } })).data;
  }

  // ---- OAuth2 ----------------------------------------------------------------------------------

  /**
   * `POST <oauth2>/token` (astakosclient `get_token(grant_type, client_id, client_secret,
   * **body_params)`): client credentials as HTTP Basic, `grant_type` and `bodyParams`
   * (camelCase keys become snake_case: `redirectUri` → `redirect_uri`) form-encoded. The client
   * secret and the access token returned are scrubbed from later logs and errors.
   */
  async getToken(grantType: string, clientId: string, clientSecret: string, bodyParams: Readonly<Record<string, string>> = {}): Promise<{ access_token?: string; token_type?: string; expires_in?: number }> {
    const roots = await this.lazyRoots(true);
    if (!roots.oauth2) throw new AstakosClientError('No endpoints found matching, name = astakos_oauth2', 500);
    this.auth.addSecret(clientSecret);
    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(bodyParams)) form[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = String(v);
    form.grant_type = grantType;
    const basic = encodeBase64(encodeUtf8(`${clientId}:${clientSecret}`));
    const r = await roots.oauth2.request('POST', '/token', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    });
    const token = (r.data as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token === 'string') this.auth.addSecret(token);
    return r.data;
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Public facts only: the token stays out of JSON and logs. */
  toJSON(): Record<string, unknown> {
    return { authUrl: this.api.scrub(this.authUrl), accountUrl: this.accountUrl === undefined ? undefined : this.api.scrub(this.accountUrl) };
  }

  /** What `console.log` shows in Node: the same public facts as `toJSON`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AstakosClient ${JSON.stringify(this.toJSON())}`;
  }

  /** @internal A root on the auth URL's host sharing this client's auth and options. */
  protected root(baseUrl: string): ServiceApi<paths> {
    return new ServiceApi<paths>({ ...this.sharedOptions, baseUrl, auth: this.auth, operations, errorFactory: astakosErrorFor });
  }

  /** astakosclient `_fill_endpoints`: account, UI (and OAuth2) roots from a catalog. */
  protected fillEndpoints(access: AccessResponse): void {
    let account: CatalogEndpoint;
    try {
      account = parseEndpoints(access, { name: 'astakos_account', versionId: 'v1.0' })[0]?.endpoints[0] as CatalogEndpoint;
    } catch {
      // A catalog without the account service (a test double, an odd deployment) leaves the roots unknown.
      return;
    }
    let oauth2Url: string | undefined;
    try {
      oauth2Url = parseEndpoints(access, { name: 'astakos_oauth2' })[0]?.endpoints[0]?.publicURL;
    } catch {
      oauth2Url = undefined;
    }
    const accountUrl = String(account.publicURL ?? '');
    const uiUrl = String(account['SNF:uiURL'] ?? '');
    if (this.roots && this.roots.accountUrl === accountUrl && this.roots.uiUrl === uiUrl && this.roots.oauth2Url === oauth2Url) return;
    this.roots = this.rootsFor(accountUrl, uiUrl, oauth2Url);
  }

  protected rootsFor(accountUrl: string, uiUrl: string, oauth2Url: string | undefined): Roots {
    const origin = new URL(this.authUrl).origin;
    return {
      accountUrl,
      uiUrl,
      oauth2Url,
      account: this.root(origin + urlPath(accountUrl)),
      ui: this.root(origin + urlPath(uiUrl)),
      oauth2: oauth2Url === undefined ? undefined : this.root(origin + urlPath(oauth2Url)),
    };
  }

  /**
   * The account/UI/OAuth2 roots, reading the public catalog first when no call has yet (as
   * astakosclient). A dry-run client assumes Synnefo's default paths instead of asking.
   */
  protected async lazyRoots(needOauth2 = false): Promise<Roots> {
    if (this.roots && (!needOauth2 || this.roots.oauth2)) return this.roots;
    if (this.sharedOptions.dryRun) {
      const origin = new URL(this.authUrl).origin;
      this.roots ??= this.rootsFor(`${origin}/account/v1.0`, `${origin}/ui`, `${origin}/astakos/oauth2`);
      return this.roots;
    }
    await this.getEndpoints();
    if (!this.roots) throw new AstakosClientError('No endpoints found matching, name = astakos_account, version_id = v1.0', 500);
    return this.roots;
  }

  /** @internal An account-API call. */
  protected async account(method: SynnefoHttpMethod, url: string, init: Record<string, any> & SynnefoCallInit = {}) {
    const roots = await this.lazyRoots();
    return roots.account.request(method, url, init);
  }

  private async catalog(url: '/user_catalogs' | '/service/user_catalogs', field: 'uuids' | 'displaynames', list: readonly string[] | null, key: 'uuid_catalog' | 'displayname_catalog', op: string): Promise<Record<string, string>> {
    if (list !== null && !Array.isArray(list)) throw new ConfigError(`AstakosClient.${op}(): expected a list of strings`);
    const r = await this.account('POST', url, { body: { [field]: list }, opskit: { op } });
    const catalog = (r.data as Record<string, unknown> | undefined)?.[key];
    if (!catalog || typeof catalog !== 'object') throw new AstakosClientError(`${op} request returned no ${key}`, r.status);
    return catalog as Record<string, string>;
  }

  private commissionRequest(where: string, provisions: Provision[], options: CommissionOptions): CommissionRequest {
    checkOptions(where, options, ['name', 'force', 'autoAccept'], { auto_accept: 'autoAccept' });
    return { force: options.force ?? false, auto_accept: options.autoAccept ?? false, name: options.name ?? '', provisions };
  }
}

function checkSerial(serial: unknown, op: string): number {
  if (typeof serial !== 'number' || !Number.isInteger(serial) || serial < 0) throw new ConfigError(`AstakosClient.${op}(): a commission serial is a non-negative integer`);
  return serial;
}
