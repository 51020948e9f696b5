import { pathId } from '../base/index.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { encodeBase64 } from '../../crypto/encoding/base64.js';
import { encodeUtf8 } from '../../crypto/encoding/utf8.js';
import { Client, type SynnefoClientOptions } from '../base/client.js';
import { ItemNotFound } from '../base/errors/item-not-found.js';
import { isoTime } from '../base/iso-time.js';
import { operations } from '../generated/synnefo-compute.meta.js';
import type { paths } from '../generated/synnefo-compute.js';
import { callInit, callOptionsOf, fillResponseHeaders, headerObject, type CallOptions } from './call-options.js';
import type {
  ComputeFloatingIp, ComputeImage, Flavor, FlavorRef, ImageRef, Keypair, Metadata, Personality, Server, ServerAddresses, ServerCreated,
  ServerNetwork, ServerRef,
} from './types.js';

/** `changes-since` as a Date, epoch milliseconds or ISO 8601 text. */
export type ChangesSince = Date | number | string;

/** Options of {@link ComputeClient.listServers} (kamaki's keyword parameters). */
export interface ListServersOptions extends CallOptions {
  /** Only servers changed since then (at most one hour ago), deleted ones included; nothing changed throws `NotModified` (304). */
  changesSince?: ChangesSince;
  /** OpenStack filters (Cyclades ignores them). */
  image?: string;
  flavor?: string | number;
  name?: string;
  marker?: string;
  limit?: number;
  status?: string;
  host?: string;
  /** kamaki `response_headers`: pass `{ next: null, previous: null }` to receive those headers. */
  responseHeaders?: Record<string, string | null | undefined>;
}

/** Options of OpenStack {@link ComputeClient.createServer}. */
export interface CreateServerOptions extends CallOptions {
  /** OpenStack only: sent as a query parameter. */
  securityGroup?: string;
  /** Text or bytes made available to the server; opskit base64-encodes it. */
  userData?: string | Uint8Array;
  /** OpenStack only: sent as a query parameter. */
  availabilityZone?: string;
  metadata?: Metadata;
  personality?: Personality[];
  /** `undefined`: the server's default policy; `[]`: no NIC at all. */
  networks?: ServerNetwork[];
  tags?: string[];
  /** kamaki `response_headers`: pass `{ location: null }` to receive `Location`. */
  responseHeaders?: Record<string, string | null | undefined>;
}

/** Options of {@link ComputeClient.rebuildServer}. */
export interface RebuildServerOptions extends CallOptions {
  /** The image to rebuild from (default: the server's current image). */
  imageId?: string;
  name?: string;
  metadata?: Metadata;
  personality?: Personality[];
}

const LIST_SERVER_OPTIONS = ['changesSince', 'image', 'flavor', 'name', 'marker', 'limit', 'status', 'host', 'responseHeaders'];
const CREATE_SERVER_OPTIONS = ['securityGroup', 'userData', 'availabilityZone', 'metadata', 'personality', 'networks', 'tags', 'responseHeaders'];

/** User data and file contents travel base64-encoded; text is UTF-8 first. */
export function base64Of(value: string | Uint8Array): string {
  return encodeBase64(typeof value === 'string' ? encodeUtf8(value) : value);
}

/** Personality entries on the wire: bytes become base64; text is taken as already base64 (as kamaki takes it). */
export function personalityOf(items: readonly Personality[]): Record<string, unknown>[] {
  return items.map((p) => ({ ...p, contents: typeof p.contents === 'string' ? p.contents : encodeBase64(p.contents) }));
}

/** `server_id` path parameter (kamaki takes int or str). */
export function sid(serverId: string | number): { server_id: string } {
  return { server_id: pathId(serverId) };
}

/**
 * kamaki's `ComputeClient`: the OpenStack Compute v2 API as Cyclades serves it (servers, actions,
 * metadata, tags, flavors, images, key pairs, the floating-IP extension). Every kamaki method,
 * camelCased, with kamaki's positional parameters and its keyword parameters in one final
 * options object. On a Synnefo cloud use {@link CycladesComputeClient}, which adds Cyclades'
 * extensions and waiters.
 *
 * ```ts
 * const compute = new ComputeClient({ url: await astakos.getEndpointUrl('compute'), token });
 * const servers = await compute.listServers(true);
 * ```
 */
export class ComputeClient<Tags = string[]> extends Client<paths> {
  static override readonly serviceType: string = 'compute';
  static override readonly DEFAULT_API_VERSION: string | undefined = '2.0';

  constructor(options: SynnefoClientOptions) {
    super(options, { operations });
  }

  /** @internal `ClassName.method` for messages. */
  protected where(method: string): string {
    return `${this.constructor.name}.${method}()`;
  }

  /**
   * Servers (GET `/servers`, or `/servers/detail` with `detail`). With `changesSince`, deleted
   * servers are included and nothing changed throws `NotModified` (304), as in kamaki.
   */
  async listServers(detail = false, options: ListServersOptions = {}): Promise<ServerRef[] | Server[]> {
    const init = callInit(this.where('listServers'), options, LIST_SERVER_OPTIONS);
    const o = options;
    const query = {
      'changes-since': o.changesSince === undefined ? undefined : isoTime(o.changesSince),
      image: o.image || undefined, flavor: o.flavor || undefined, name: o.name || undefined, marker: o.marker || undefined,
      limit: o.limit || undefined, status: o.status || undefined, host: o.host || undefined,
    };
    const r = detail ? await this.get('/servers/detail', { query, ...init }) : await this.get('/servers', { query, ...init });
    fillResponseHeaders(o.responseHeaders, r.headers);
    return r.data.servers;
  }

  /** One server with details (GET `/servers/{id}`). */
  async getServerDetails(serverId: string | number, options?: CallOptions): Promise<Server> {
    const r = await this.get('/servers/{server_id}', { params: { path: sid(serverId) }, ...callInit(this.where('getServerDetails'), options) });
    return r.data.server;
  }

  /**
   * Creates a server (POST `/servers`, 202). OpenStack sends `securityGroup`, `userData` and
   * `availabilityZone` as query parameters; Cyclades reads user data from the body (see
   * {@link CycladesComputeClient.createServer}).
   */
  async createServer(name: string, flavorId: string | number, imageId: string, options: CreateServerOptions = {}): Promise<ServerCreated> {
    const init = callInit(this.where('createServer'), options, CREATE_SERVER_OPTIONS);
    const server: Record<string, unknown> = { name, flavorRef: flavorId, imageRef: imageId };
    if (options.metadata && Object.keys(options.metadata).length) server.metadata = { ...options.metadata };
    if (options.personality?.length) server.personality = personalityOf(options.personality);
    if (options.networks !== undefined) server.networks = options.networks;
    if (options.tags !== undefined) server.tags = options.tags;
    const query = {
      security_group: options.securityGroup || undefined,
      user_data: options.userData ? base64Of(options.userData) : undefined,
      availability_zone: options.availabilityZone || undefined,
    };
    const r = await this.post('/servers', { body: { server } as never, query, success: 202, ...init });
    fillResponseHeaders(options.responseHeaders, r.headers);
    return r.data.server as ServerCreated;
  }

  /** Renames a server (PUT `/servers/{id}`, 204); resolves with the response headers. */
  async updateServerName(serverId: string | number, newName: string, options?: CallOptions): Promise<Record<string, string>> {
    const r = await this.put('/servers/{server_id}', { params: { path: sid(serverId) }, body: { server: { name: newName } }, success: 204, ...callInit(this.where('updateServerName'), options) });
    return headerObject(r.headers);
  }

  /** Deletes a server (DELETE `/servers/{id}`, 204): it goes to DELETED and its quota is released. */
  async deleteServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    const r = await this.delete('/servers/{server_id}', { params: { path: sid(serverId) }, success: 204, ...callInit(this.where('deleteServer'), options) });
    return headerObject(r.headers);
  }

  /** @internal POST `/servers/{id}/action` with one key; `success` per action. */
  protected async action(method: string, serverId: string | number, body: Record<string, unknown>, success: number, options?: CallOptions, names: readonly string[] = []): Promise<{ data: any; headers: Headers }> {
    const r = await this.post('/servers/{server_id}/action', { params: { path: sid(serverId) }, body: body as never, success, ...callInit(this.where(method), options, names) });
    return { data: r.data, headers: r.headers };
  }

  /** OpenStack `changePassword` (Cyclades answers 400: not supported). */
  async changeAdminPassword(serverId: string | number, newPassword: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('changeAdminPassword', serverId, { changePassword: { adminPass: newPassword } }, 202, options)).headers);
  }

  /**
   * OpenStack `rebuild` (Cyclades answers 400). kamaki sends the whole server back and then
   * fails on the reply; opskit sends what a rebuild takes: the image (default: the server's own),
   * and an optional name, metadata and personality.
   */
  async rebuildServer(serverId: string | number, options: RebuildServerOptions = {}): Promise<Server> {
    callInit(this.where('rebuildServer'), options, ['imageId', 'name', 'metadata', 'personality']);
    const imageRef = options.imageId ?? String((await this.getServerDetails(serverId, callOptionsOf(options))).image?.id ?? '');
    const rebuild: Record<string, unknown> = { imageRef };
    if (options.name !== undefined) rebuild.name = options.name;
    if (options.metadata !== undefined) rebuild.metadata = options.metadata;
    if (options.personality !== undefined) rebuild.personality = personalityOf(options.personality);
    return (await this.action('rebuildServer', serverId, { rebuild }, 202, callOptionsOf(options))).data?.server as Server;
  }

  /** Reboots (`HARD` when `hard`, else `SOFT`); the server shows REBOOT, then ACTIVE. */
  async rebootServer(serverId: string | number, hard = false, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('rebootServer', serverId, { reboot: { type: hard ? 'HARD' : 'SOFT' } }, 202, options)).headers);
  }

  /** Resizes to another flavor (Cyclades: the server must be STOPPED; same disk and volume type). */
  async resizeServer(serverId: string | number, flavorId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('resizeServer', serverId, { resize: { flavorRef: flavorId } }, 202, options)).headers);
  }

  /** OpenStack `confirmResize` (Cyclades answers 400). */
  async confirmResizeServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('confirmResizeServer', serverId, { confirmResize: null }, 202, options)).headers);
  }

  /** OpenStack `revertResize` (Cyclades answers 400). */
  async revertResizeServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('revertResizeServer', serverId, { revertResize: null }, 202, options)).headers);
  }

  /** OpenStack snapshot (`createImage`; Cyclades answers 400); resolves with the `Location` of the new image. */
  async createServerImage(serverId: string | number, imageName: string, metadata: Metadata = {}, options?: CallOptions): Promise<string | null> {
    return (await this.action('createServerImage', serverId, { createImage: { name: imageName, metadata } }, 202, options)).headers.get('location');
  }

  /** Starts a stopped server (OpenStack `os-start`). */
  async startServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('startServer', serverId, { 'os-start': null }, 202, options)).headers);
  }

  /** Shuts a server down (OpenStack `os-stop`). */
  async shutdownServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('shutdownServer', serverId, { 'os-stop': null }, 202, options)).headers);
  }

  /**
   * Boots a rescue image (404 featureNotEnabled where rescue is off). kamaki puts
   * `rescue_image_ref` beside `rescue`; it belongs inside it.
   */
  async rescueServer(serverId: string | number, rescueImageRef?: string, options?: CallOptions): Promise<Record<string, string>> {
    const rescue = rescueImageRef === undefined ? {} : { rescue_image_ref: rescueImageRef };
    return headerObject((await this.action('rescueServer', serverId, { rescue }, 202, options)).headers);
  }

  /** Leaves rescue mode. */
  async unrescueServer(serverId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.action('unrescueServer', serverId, { unrescue: {} }, 202, options)).headers);
  }

  /** Metadata of a server, or the one item `key` (`{ key: value }`). */
  async getServerMetadata(serverId: string | number, key = '', options?: CallOptions): Promise<Metadata> {
    const init = callInit(this.where('getServerMetadata'), options);
    if (key) return (await this.get('/servers/{server_id}/metadata/{key}', { params: { path: { ...sid(serverId), key } }, ...init })).data.meta;
    return (await this.get('/servers/{server_id}/metadata', { params: { path: sid(serverId) }, ...init })).data.metadata;
  }

  /** Sets one metadata item (PUT `/servers/{id}/metadata/{key}`, 201); resolves with `{ key: val }`. */
  async createServerMetadata(serverId: string | number, key: string, val: string, options?: CallOptions): Promise<Metadata> {
    const r = await this.put('/servers/{server_id}/metadata/{key}', { params: { path: { ...sid(serverId), key } }, body: { meta: { [key]: val } }, success: 201, ...callInit(this.where('createServerMetadata'), options) });
    return r.data.meta;
  }

  /** Merges metadata (POST `/servers/{id}/metadata`, 201; kamaki's `**metadata`); resolves with all of it. */
  async updateServerMetadata(serverId: string | number, metadata: Metadata, options?: CallOptions): Promise<Metadata> {
    const r = await this.post('/servers/{server_id}/metadata', { params: { path: sid(serverId) }, body: { metadata }, success: 201, ...callInit(this.where('updateServerMetadata'), options) });
    return r.data.metadata;
  }

  /** Deletes one metadata item (204). */
  async deleteServerMetadata(serverId: string | number, key: string, options?: CallOptions): Promise<Record<string, string>> {
    const r = await this.delete('/servers/{server_id}/metadata/{key}', { params: { path: { ...sid(serverId), key } }, success: 204, ...callInit(this.where('deleteServerMetadata'), options) });
    return headerObject(r.headers);
  }

  /**
   * The server's addresses and NICs (GET `/servers/{id}/ips`). With `changesSince`, resolves with
   * `undefined` when nothing changed (304, which this call accepts, as kamaki's does).
   */
  async getServerNics(serverId: string | number, options: CallOptions & { changesSince?: ChangesSince } = {}): Promise<ServerAddresses | undefined> {
    const init = callInit(this.where('getServerNics'), options, ['changesSince']);
    const query = { 'changes-since': options.changesSince === undefined ? undefined : isoTime(options.changesSince) };
    const r = await this.get('/servers/{server_id}/ips', { params: { path: sid(serverId) }, query, success: [200, 304], ...init });
    return r.notModified ? undefined : r.data;
  }

  /** The server's addresses on one network (`{ network_id: [...] }`); `undefined` when not modified. */
  async getServerNetworkNics(serverId: string | number, networkId: string, options: CallOptions & { changesSince?: ChangesSince } = {}): Promise<Record<string, unknown[]> | undefined> {
    const init = callInit(this.where('getServerNetworkNics'), options, ['changesSince']);
    const query = { 'changes-since': options.changesSince === undefined ? undefined : isoTime(options.changesSince) };
    const r = await this.get('/servers/{server_id}/ips/{network_id}', { params: { path: { ...sid(serverId), network_id: networkId } }, query, success: [200, 304], ...init });
    return r.notModified ? undefined : r.data.network;
  }

  /** Flavors (`/flavors`, or `/flavors/detail` with `detail`). */
  async listFlavors(detail = false, options?: CallOptions): Promise<FlavorRef[] | Flavor[]> {
    const init = callInit(this.where('listFlavors'), options);
    return detail ? (await this.get('/flavors/detail', init)).data.flavors : (await this.get('/flavors', init)).data.flavors;
  }

  /** One flavor (deleted flavors too). */
  async getFlavorDetails(flavorId: string | number, options?: CallOptions): Promise<Flavor> {
    return (await this.get('/flavors/{flavor_id}', { params: { path: { flavor_id: pathId(flavorId) } }, ...callInit(this.where('getFlavorDetails'), options) })).data.flavor;
  }

  /** A flavor's extra specs (`GET /flavors/{id}/os-extra_specs`; always empty in Cyclades; not in kamaki). */
  async getFlavorExtraSpecs(flavorId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return (await this.get('/flavors/{flavor_id}/os-extra_specs', { params: { path: { flavor_id: pathId(flavorId) } }, ...callInit(this.where('getFlavorExtraSpecs'), options) })).data.extra_specs;
  }

  /** Images as compute sees them (`/images`, or `/images/detail` with `detail`). */
  async listImages(detail = false, options: CallOptions & { responseHeaders?: Record<string, string | null | undefined> } = {}): Promise<ImageRef[] | ComputeImage[]> {
    const init = callInit(this.where('listImages'), options, ['responseHeaders']);
    const r = detail ? await this.get('/images/detail', init) : await this.get('/images', init);
    fillResponseHeaders(options.responseHeaders, r.headers);
    return r.data.images;
  }

  /** One image (compute view: status ACTIVE, lower-case metadata keys); `ItemNotFound` if absent. */
  async getImageDetails(imageId: string, options?: CallOptions): Promise<ComputeImage> {
    const r = await this.get('/images/{image_id}', { params: { path: { image_id: imageId } }, ...callInit(this.where('getImageDetails'), options) });
    if (!r.data?.image) throw new ItemNotFound('Image not available', 404, [`Image ${imageId} not found or not accessible`]);
    return r.data.image;
  }

  /** Deletes (unregisters) an image (204). */
  async deleteImage(imageId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/images/{image_id}', { params: { path: { image_id: imageId } }, success: 204, ...callInit(this.where('deleteImage'), options) })).headers);
  }

  /** Image metadata, or the one item `key`. */
  async getImageMetadata(imageId: string, key = '', options?: CallOptions): Promise<Metadata> {
    const init = callInit(this.where('getImageMetadata'), options);
    if (key) return (await this.get('/images/{image_id}/metadata/{key}', { params: { path: { image_id: imageId, key } }, ...init })).data.meta;
    return (await this.get('/images/{image_id}/metadata', { params: { path: { image_id: imageId } }, ...init })).data.metadata;
  }

  /**
   * Sets one image metadata item (PUT `/images/{id}/metadata/{key}`, 201). kamaki has this method
   * commented out and its raw call drops the key from the path.
   */
  async createImageMetadata(imageId: string, key: string, val: string, options?: CallOptions): Promise<Metadata> {
    const r = await this.put('/images/{image_id}/metadata/{key}', { params: { path: { image_id: imageId, key } }, body: { meta: { [key]: val } }, success: 201, ...callInit(this.where('createImageMetadata'), options) });
    return r.data.meta;
  }

  /** Merges image metadata (201; kamaki's `**metadata`). */
  async updateImageMetadata(imageId: string, metadata: Metadata, options?: CallOptions): Promise<Metadata> {
    const r = await this.post('/images/{image_id}/metadata', { params: { path: { image_id: imageId } }, body: { metadata }, success: 201, ...callInit(this.where('updateImageMetadata'), options) });
    return r.data.metadata;
  }

  /** Deletes one image metadata item (204). */
  async deleteImageMetadata(imageId: string, key: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/images/{image_id}/metadata/{key}', { params: { path: { image_id: imageId, key } }, success: 204, ...callInit(this.where('deleteImageMetadata'), options) })).headers);
  }

  /**
   * Floating IP pools (OpenStack; Cyclades does not route it: 400). `tenantId` is kept in kamaki's
   * position and not sent: the endpoint URL already names the tenant (kamaki put it in the path).
   */
  async getFloatingIpPools(_tenantId?: string, options?: CallOptions): Promise<{ floating_ip_pools: { name?: string }[] }> {
    return (await this.get('/os-floating-ip-pools', callInit(this.where('getFloatingIpPools'), options))).data;
  }

  /** Floating IPs, compute view (`{ floating_ips: [...] }`, as kamaki returns it). `tenantId` is not sent (see getFloatingIpPools). */
  async getFloatingIps(_tenantId?: string, options?: CallOptions): Promise<{ floating_ips: ComputeFloatingIp[] }> {
    return (await this.get('/os-floating-ips', callInit(this.where('getFloatingIps'), options))).data;
  }

  /** Allocates a floating IP (200). Cyclades ignores `pool` and picks any. */
  async allocFloatingIp(_tenantId?: string, pool?: string, options?: CallOptions): Promise<ComputeFloatingIp> {
    const r = await this.post('/os-floating-ips', { body: (pool ? { pool } : {}) as never, success: 200, ...callInit(this.where('allocFloatingIp'), options) });
    return r.data.floating_ip;
  }

  /**
   * One floating IP (GET `/os-floating-ips/{id}`). Cyclades answers with the network-API shape
   * (`floatingip`); kamaki read `floating_ips` and passed the id in the wrong place.
   */
  async getFloatingIp(_tenantId: string | undefined, fipId: string, options?: CallOptions): Promise<Record<string, unknown>> {
    if (!fipId) throw new ConfigError(`${this.where('getFloatingIp')}: a floating IP id is required`);
    const r = await this.get('/os-floating-ips/{floating_ip_id}', { params: { path: { floating_ip_id: fipId } }, ...callInit(this.where('getFloatingIp'), options) });
    const data = r.data as unknown as Record<string, Record<string, unknown> | undefined>;
    return data.floatingip ?? data.floating_ip ?? {};
  }

  /** Releases a floating IP (204). kamaki's "all IPs when no id" would send DELETE to the collection; an id is required. */
  async deleteFloatingIp(_tenantId: string | undefined, fipId: string, options?: CallOptions): Promise<Record<string, string>> {
    if (!fipId) throw new ConfigError(`${this.where('deleteFloatingIp')}: a floating IP id is required`);
    return headerObject((await this.delete('/os-floating-ips/{floating_ip_id}', { params: { path: { floating_ip_id: fipId } }, success: 204, ...callInit(this.where('deleteFloatingIp'), options) })).headers);
  }

  /** Key pairs. The server double-wraps items (`{keypair: {...}}`); opskit unwraps them. */
  async listKeypairs(options?: CallOptions): Promise<Keypair[]> {
    return (await this.get('/os-keypairs', callInit(this.where('listKeypairs'), options))).data.keypairs.map((k) => k.keypair);
  }

  /** One key pair. */
  async getKeypairDetails(keyName: string, options?: CallOptions): Promise<Keypair> {
    return (await this.get('/os-keypairs/{keypair_name}', { params: { path: { keypair_name: keyName } }, ...callInit(this.where('getKeypairDetails'), options) })).data.keypair;
  }

  /** Imports `publicKey` under `keyName`, or (without one) has the server generate a pair and return `private_key` once (201). */
  async createKey(keyName: string, publicKey?: string, options?: CallOptions): Promise<Keypair> {
    const keypair: { name: string; public_key?: string } = { name: keyName };
    if (publicKey !== undefined) keypair.public_key = publicKey;
    return (await this.post('/os-keypairs', { body: { keypair }, success: 201, ...callInit(this.where('createKey'), options) })).data.keypair;
  }

  /** Deletes a key pair (204). */
  async deleteKeypair(keyName: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/os-keypairs/{keypair_name}', { params: { path: { keypair_name: keyName } }, success: 204, ...callInit(this.where('deleteKeypair'), options) })).headers);
  }

  /** Whether a server has a tag (204 yes, 404 no). */
  async checkTagExists(serverId: string | number, tag: string, options?: CallOptions): Promise<boolean> {
    const r = await this.get('/servers/{server_id}/tags/{tag}', { params: { path: { ...sid(serverId), tag } }, success: [204, 404], ...callInit(this.where('checkTagExists'), options) });
    return r.status === 204;
  }

  /** Adds a tag: 201, or 204 when it already existed (kamaki refused the 204). */
  async addTag(serverId: string | number, tag: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.put('/servers/{server_id}/tags/{tag}', { params: { path: { ...sid(serverId), tag } }, success: [201, 204], ...callInit(this.where('addTag'), options) })).headers);
  }

  /** Deletes a tag; resolves with the status (204). */
  async deleteTag(serverId: string | number, tag: string, options?: CallOptions): Promise<number> {
    return (await this.delete('/servers/{server_id}/tags/{tag}', { params: { path: { ...sid(serverId), tag } }, success: 204, ...callInit(this.where('deleteTag'), options) })).status;
  }

  /** The server's tags. */
  async listTags(serverId: string | number, options?: CallOptions): Promise<Tags> {
    return (await this.get('/servers/{server_id}/tags', { params: { path: sid(serverId) }, ...callInit(this.where('listTags'), options) })).data.tags as Tags;
  }

  /** Replaces the server's tags; resolves with the new list. */
  async replaceTags(serverId: string | number, tags: string[], options?: CallOptions): Promise<Tags> {
    return (await this.put('/servers/{server_id}/tags', { params: { path: sid(serverId) }, body: { tags }, ...callInit(this.where('replaceTags'), options) })).data.tags as Tags;
  }

  /** Deletes every tag; resolves with the status (204; 404 when there were none). */
  async deleteTags(serverId: string | number, options?: CallOptions): Promise<number> {
    return (await this.delete('/servers/{server_id}/tags', { params: { path: sid(serverId) }, success: 204, ...callInit(this.where('deleteTags'), options) })).status;
  }

  /** OpenStack absolute and rate limits (kamaki `limits_get`; Cyclades does not route it: 400). */
  async getLimits(options?: CallOptions): Promise<Record<string, unknown>> {
    return (await this.get('/limits', callInit(this.where('getLimits'), options))).data.limits;
  }
}
