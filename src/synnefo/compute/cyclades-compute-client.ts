import { pathId } from '../base/index.js';
import { ConfigError } from '../../core/errors/config-error.js';
import type { SynnefoWaitOptions } from '../base/wait.js';
import { WAIT_OPTION_NAMES, waitUntilStatus, waitWhileStatus } from '../base/wait.js';
import { callInit, callOptionsOf, fillResponseHeaders, headerObject, type CallOptions } from './call-options.js';
import { base64Of, ComputeClient, personalityOf, sid } from './compute-client.js';
import type { Console, Diagnostic, Flavor, FlavorRef, Metadata, Personality, Server, ServerCreated, ServerNetwork, ServerStats, TagList, VolumeAttachment } from './types.js';

/** Options of Cyclades {@link CycladesComputeClient.createServer} (kamaki's keyword parameters). */
export interface CycladesCreateServerOptions extends CallOptions {
  /** SSH key pairs to install (`SNF:key_names`). */
  keyNames?: string[];
  /** One SSH key pair (OpenStack `key_name`); not together with `keyNames`. */
  keyName?: string;
  /** Text or bytes for the server (cloud-init); opskit base64-encodes it into the body. */
  userData?: string | Uint8Array;
  /** Server metadata; `os` and `users` are inherited from the image unless given. Not modified. */
  metadata?: Metadata;
  personality?: Personality[];
  /** `undefined`: the deployment's default NICs; `[]`: none. */
  networks?: ServerNetwork[];
  tags?: string[];
  /** The project to charge (default: the user's default project). */
  projectId?: string;
  /** The admin password (at least 10 characters with upper, lower and digits); generated when absent. */
  adminPass?: string;
  /** Share the server with the members of its project. */
  sharedToProject?: boolean;
  /** kamaki `response_headers`: pass `{ location: null }` to receive `Location`. */
  responseHeaders?: Record<string, string | null | undefined>;
}

/** Options of {@link CycladesComputeClient.listFlavors}. */
export interface CycladesListFlavorsOptions extends CallOptions {
  /** Only public flavors (`SNF:is_public=True`). */
  isPublic?: boolean;
  /** Only flavors this project may use (`SNF:flavor-access`). */
  projectId?: string;
}

const CONSOLE_TYPES = ['vnc', 'vnc-ws', 'vnc-wss'] as const;
const FIREWALL_PROFILES = ['ENABLED', 'DISABLED', 'PROTECTED'];
const CREATE_OPTIONS = ['keyNames', 'keyName', 'userData', 'metadata', 'personality', 'networks', 'tags', 'projectId', 'adminPass', 'sharedToProject', 'responseHeaders'];

/**
 * kamaki's `CycladesComputeClient` (alias `CycladesClient`): {@link ComputeClient} plus Cyclades'
 * extensions (console, firewall profiles, reassign, stats, diagnostics, volume attachments,
 * tag statuses) and waiters that throw `TimeoutError` (kamaki's silent return with `silent: true`).
 *
 * ```ts
 * const cyclades = new CycladesComputeClient({ url: computeUrl, token });
 * const server = await cyclades.createServer('web-1', flavorId, imageId, { keyNames: ['laptop'] });
 * await cyclades.waitServerUntil(server.id, 'ACTIVE', { onProgress: (p) => console.log(p.value.progress) });
 * ```
 *
 * `listTags`/`replaceTags` resolve with `{tags, statuses}` here (kamaki's Cyclades client returns
 * the whole reply) where `ComputeClient` resolves with the list.
 */
export class CycladesComputeClient extends ComputeClient<TagList> {
  /** Console types Cyclades offers (kamaki `CONSOLE_TYPES`). */
  static readonly CONSOLE_TYPES: readonly string[] = CONSOLE_TYPES;

  /**
   * Creates a server (POST `/servers`, 202). As kamaki does, it first reads the image and copies
   * its `os` and `users` metadata into the server's unless given (your object is not modified);
   * user data travels base64-encoded in the body.
   */
  override async createServer(name: string, flavorId: string | number, imageId: string, options: CycladesCreateServerOptions = {}): Promise<ServerCreated> {
    const init = callInit(this.where('createServer'), options, CREATE_OPTIONS);
    if (options.keyName && options.keyNames?.length) throw new ConfigError(`${this.where('createServer')}: give keyName or keyNames, not both (the server refuses both)`);
    const image = await this.getImageDetails(imageId, callOptionsOf(options));
    const metadata: Metadata = { ...(options.metadata ?? {}) };
    for (const key of ['os', 'users']) {
      const inherited = image.metadata?.[key];
      if (inherited !== undefined && !(key in metadata)) metadata[key] = inherited;
    }
    const server: Record<string, unknown> = { name, flavorRef: flavorId, imageRef: imageId };
    if (options.keyName) server.key_name = options.keyName;
    if (options.keyNames?.length) server['SNF:key_names'] = [...new Set(options.keyNames)];
    if (options.userData) server.user_data = base64Of(options.userData);
    if (Object.keys(metadata).length) server.metadata = metadata;
    if (options.personality?.length) server.personality = personalityOf(options.personality);
    if (options.networks !== undefined) server.networks = options.networks;
    if (options.projectId !== undefined) server.project = options.projectId;
    if (options.tags !== undefined) server.tags = options.tags;
    if (options.adminPass !== undefined) server.adminPass = options.adminPass;
    if (options.sharedToProject !== undefined) server.shared_to_project = options.sharedToProject;
    const r = await this.post('/servers', { body: { server } as never, success: 202, ...init });
    fillResponseHeaders(options.responseHeaders, r.headers);
    return r.data.server as ServerCreated;
  }

  /** Sets the firewall profile of one of the server's ports on a public network. */
  async setFirewallProfile(serverId: string | number, profile: string, portId: string, options?: CallOptions): Promise<Record<string, string>> {
    if (!FIREWALL_PROFILES.includes(profile)) throw new ConfigError(`${this.where('setFirewallProfile')}: profile must be one of ${FIREWALL_PROFILES.join(', ')}`);
    return headerObject((await this.action('setFirewallProfile', serverId, { firewallProfile: { profile, nic: portId } }, 202, options)).headers);
  }

  /** Starts a stopped server (Cyclades `start`); its status goes STOPPED → ACTIVE. */
  override async startServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('startServer', serverId, { start: {} }, 202, options)).headers);
  }

  /** Shuts a server down (Cyclades `shutdown`); its status goes ACTIVE → STOPPED. */
  override async shutdownServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('shutdownServer', serverId, { shutdown: {} }, 202, options)).headers);
  }

  /** VNC connection details (`{type, host, port, password}`; answers 200). `consoleType` ∈ vnc, vnc-ws, vnc-wss. */
  async getServerConsole(serverId: string | number, consoleType = 'vnc', options?: CallOptions): Promise<Console> {
    if (!(CONSOLE_TYPES as readonly string[]).includes(consoleType)) {
      throw new ConfigError(`${this.where('getServerConsole')}: console type must be one of ${CONSOLE_TYPES.join(', ')}`);
    }
    return (await this.action('getServerConsole', serverId, { console: { type: consoleType } }, 200, options)).data.console;
  }

  /** Charges the server to another project (200); `sharedToProject` shares it with the project's members. */
  async reassignServer(serverId: string | number, project: string, options: CallOptions & { sharedToProject?: boolean } = {}): Promise<Record<string, string>> {
    const reassign: Record<string, unknown> = { project };
    if (options.sharedToProject !== undefined) reassign.shared_to_project = options.sharedToProject;
    return headerObject((await this.action('reassignServer', serverId, { reassign }, 200, options, ['sharedToProject'])).headers);
  }

  /** Attaches one of your floating IPs to the server (Cyclades `addFloatingIp`; not in kamaki). */
  async addFloatingIp(serverId: string | number, address: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('addFloatingIp', serverId, { addFloatingIp: { address } }, 202, options)).headers);
  }

  /** Detaches a floating IP from the server (Cyclades `removeFloatingIp`; not in kamaki). */
  async removeFloatingIp(serverId: string | number, address: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('removeFloatingIp', serverId, { removeFloatingIp: { address } }, 202, options)).headers);
  }

  /** Statistics graphs of the server (URLs). */
  async getServerStats(serverId: string | number, options?: CallOptions): Promise<ServerStats> {
    return (await this.get('/servers/{server_id}/stats', { params: { path: sid(serverId) }, ...callInit(this.where('getServerStats'), options) })).data.stats;
  }

  /** Diagnostics of the server (the server answers a bare list). */
  async getServerDiagnostics(serverId: string | number, options?: CallOptions): Promise<Diagnostic[]> {
    return (await this.get('/servers/{server_id}/diagnostics', { params: { path: sid(serverId) }, ...callInit(this.where('getServerDiagnostics'), options) })).data;
  }

  /** The admin password while the server still caches it (not in kamaki); `ItemNotFound` once it has expired. */
  async getServerPassword(serverId: string | number, options?: CallOptions): Promise<string> {
    return (await this.get('/servers/{server_id}/password', { params: { path: sid(serverId) }, ...callInit(this.where('getServerPassword'), options) })).data.password;
  }

  /** Forgets the cached admin password now (not in kamaki; 204). */
  async deleteServerPassword(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/servers/{server_id}/password', { params: { path: sid(serverId) }, success: 204, ...callInit(this.where('deleteServerPassword'), options) })).headers);
  }

  /** Deprecated in kamaki: `[status, progress]` (progress only while BUILD). */
  async getServerStatus(serverId: string | number, options?: CallOptions): Promise<[string, number | null]> {
    const s = await this.getServerDetails(serverId, options);
    return [s.status, s.status === 'BUILD' ? (s.progress ?? null) : null];
  }

  /**
   * Waits while the server's status is `currentStatus` (default BUILD) and resolves with the
   * server in its new state. Throws `TimeoutError` (with `lastValue`) after `timeout` ms (default
   * 100 000, kamaki's `max_wait`); `silent: true` resolves with the last server instead, as kamaki.
   */
  async waitServerWhile(serverId: string | number, currentStatus = 'BUILD', options: SynnefoWaitOptions<Server> = {}): Promise<Server> {
    callInit(this.where('waitServerWhile'), options, WAIT_OPTION_NAMES);
    return waitWhileStatus((ctx) => this.getServerDetails(serverId, { signal: ctx.signal }), currentStatus, options, `server ${serverId}`);
  }

  /** Waits until the server's status is `targetStatus` (default ACTIVE); see {@link waitServerWhile}. */
  async waitServerUntil(serverId: string | number, targetStatus = 'ACTIVE', options: SynnefoWaitOptions<Server> = {}): Promise<Server> {
    callInit(this.where('waitServerUntil'), options, WAIT_OPTION_NAMES);
    return waitUntilStatus((ctx) => this.getServerDetails(serverId, { signal: ctx.signal }), targetStatus, options, `server ${serverId}`);
  }

  /** kamaki's backwards-compatible name of {@link waitServerWhile}. */
  async waitServer(serverId: string | number, currentStatus = 'BUILD', options: SynnefoWaitOptions<Server> = {}): Promise<Server> {
    return this.waitServerWhile(serverId, currentStatus, options);
  }

  /** One volume attachment (its id is the volume id). */
  async getVolumeAttachment(serverId: string | number, attachmentId: string | number, options?: CallOptions): Promise<VolumeAttachment> {
    const r = await this.get('/servers/{server_id}/os-volume_attachments/{attachment_id}', { params: { path: { ...sid(serverId), attachment_id: pathId(attachmentId) } }, ...callInit(this.where('getVolumeAttachment'), options) });
    return r.data.volumeAttachment;
  }

  /** The volumes attached to the server. */
  async listVolumeAttachments(serverId: string | number, options?: CallOptions): Promise<VolumeAttachment[]> {
    return (await this.get('/servers/{server_id}/os-volume_attachments', { params: { path: sid(serverId) }, ...callInit(this.where('listVolumeAttachments'), options) })).data.volumeAttachments;
  }

  /** Attaches a volume (202): it goes `attaching` → `in_use`. */
  async attachVolume(serverId: string | number, volumeId: string | number, options?: CallOptions): Promise<VolumeAttachment> {
    const r = await this.post('/servers/{server_id}/os-volume_attachments', { params: { path: sid(serverId) }, body: { volumeAttachment: { volumeId } }, success: 202, ...callInit(this.where('attachVolume'), options) });
    return r.data.volumeAttachment;
  }

  /** Detaches one attachment (202); the volume is not deleted. */
  async deleteVolumeAttachment(serverId: string | number, attachmentId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    const r = await this.delete('/servers/{server_id}/os-volume_attachments/{attachment_id}', { params: { path: { ...sid(serverId), attachment_id: pathId(attachmentId) } }, success: 202, ...callInit(this.where('deleteVolumeAttachment'), options) });
    return headerObject(r.headers);
  }

  /**
   * Detaches every attachment of `volumeId` from the server and resolves with them. Not atomic
   * (a list, then one delete each), as in kamaki; {@link deleteVolumeAttachment} is one call.
   */
  async detachVolume(serverId: string | number, volumeId: string | number, options?: CallOptions): Promise<VolumeAttachment[]> {
    const matches = (await this.listVolumeAttachments(serverId, options)).filter((a) => String(a.volumeId) === pathId(volumeId));
    for (const a of matches) await this.deleteVolumeAttachment(serverId, a.id, options);
    return matches;
  }

  /** Flavors, optionally only public ones or those a project may use. */
  override async listFlavors(detail = false, options: CycladesListFlavorsOptions = {}): Promise<FlavorRef[] | Flavor[]> {
    const init = callInit(this.where('listFlavors'), options, ['isPublic', 'projectId']);
    const query = { 'SNF:is_public': options.isPublic ? true : undefined, 'SNF:flavor-access': options.projectId || undefined };
    return detail ? (await this.get('/flavors/detail', { query, ...init })).data.flavors : (await this.get('/flavors', { query, ...init })).data.flavors;
  }

  /** The server's tags and their statuses (Cyclades returns the whole reply). */
  override async listTags(serverId: string | number, options?: CallOptions): Promise<TagList> {
    return (await this.get('/servers/{server_id}/tags', { params: { path: sid(serverId) }, ...callInit(this.where('listTags'), options) })).data;
  }

  /** Replaces the server's tags; resolves with `{tags, statuses}` (new tags are `PENDADD`). */
  override async replaceTags(serverId: string | number, tags: string[], options?: CallOptions): Promise<TagList> {
    return (await this.put('/servers/{server_id}/tags', { params: { path: sid(serverId) }, body: { tags }, ...callInit(this.where('replaceTags'), options) })).data;
  }

  /** The status of one tag (`tag-status` header); `ItemNotFound` when the server has no such tag. */
  async getTagStatus(serverId: string | number, tag: string, options?: CallOptions): Promise<string | null> {
    const r = await this.get('/servers/{server_id}/tags/{tag}', { params: { path: { ...sid(serverId), tag } }, success: 204, ...callInit(this.where('getTagStatus'), options) });
    return r.headers.get('tag-status');
  }
}

/** kamaki's backwards-compatible name of {@link CycladesComputeClient}. */
export const CycladesClient = CycladesComputeClient;
/** kamaki's backwards-compatible name of {@link CycladesComputeClient}. */
export type CycladesClient = CycladesComputeClient;
