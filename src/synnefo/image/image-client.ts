import { ConfigError } from '../../core/errors/config-error.js';
import { ResponseError } from '../../core/errors/response-error.js';
import { Client, type SynnefoClientOptions } from '../base/client.js';
import { quote, unquote } from '../base/quote.js';
import { callInit, headerObject, type CallOptions } from '../compute/call-options.js';
import type { components } from '../generated/synnefo-image.js';
import { operations } from '../generated/synnefo-image.meta.js';
import type { paths } from '../generated/synnefo-image.js';

export type ImageSummary = components['schemas']['ImageSummary'];
export type ImageDetail = components['schemas']['ImageDetail'];

/**
 * An image as kamaki's `get_meta`/`register` return it: every `x-image-meta-<field>` under its
 * hyphenated field name (`disk-format`, `created-at`, …), values unquoted, and the properties
 * under `properties` with `_` keys (`x-image-meta-property-os-family` → `os_family`).
 */
export interface ImageMeta {
  id?: string;
  name?: string;
  location?: string;
  status?: string;
  owner?: string;
  'disk-format'?: string;
  'container-format'?: string;
  size?: string;
  checksum?: string;
  'is-public'?: string;
  properties: Record<string, string>;
  [field: string]: string | Record<string, string> | undefined;
}

/** `register` parameters (kamaki's `params` dict): the `x-image-meta-*` headers Plankton takes. */
export interface RegisterParams {
  store?: string;
  diskFormat?: string;
  containerFormat?: string;
  checksum?: string;
  isPublic?: boolean;
  owner?: string;
  /** Refused: Plankton compares the header text with an integer and always answers 400. */
  size?: never;
}

/** Options of {@link ImageClient.updateImage} (kamaki's keyword parameters). */
export interface UpdateImageOptions extends CallOptions {
  name?: string;
  diskFormat?: string;
  containerFormat?: string;
  status?: string;
  public?: boolean;
  ownerId?: string;
  /** kamaki's `**properties`: `X-Image-Meta-Property-<key>` headers. */
  properties?: Record<string, string>;
}

const META = 'x-image-meta-';
const PROPERTY = 'x-image-meta-property-';
/** Response headers whose values Plankton percent-encodes. */
const QUOTED_FIELDS = new Set(['x-image-meta-name', 'x-image-meta-location', 'x-image-meta-description']);
const PARAM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  store: 'store', diskFormat: 'disk-format', disk_format: 'disk-format', containerFormat: 'container-format', container_format: 'container-format',
  checksum: 'checksum', isPublic: 'is-public', is_public: 'is-public', owner: 'owner', size: 'size',
});

/** kamaki's `_format_image_headers`, with the quoted values decoded. */
export function formatImageHeaders(headers: Headers): ImageMeta {
  const reply: ImageMeta = { properties: {} };
  headers.forEach((value, rawName) => {
    const name = unquote(rawName.toLowerCase());
    if (name.startsWith(PROPERTY)) {
      reply.properties[name.slice(PROPERTY.length).replace(/-/g, '_')] = unquote(value);
    } else if (name.startsWith(META)) {
      reply[name.slice(META.length)] = QUOTED_FIELDS.has(name) ? unquote(value) : value;
    }
  });
  return reply;
}

/** `pithos://<uuid>/<container>/<path>` from a string or kamaki's `(uuid, container, path)` tuple, each segment quoted once. */
export function imageLocation(where: string, location: string | readonly [string, string, string]): string {
  const prefix = 'pithos://';
  let parts: string[];
  if (typeof location === 'string') {
    if (!location.startsWith(prefix)) {
      throw new ConfigError(`${where}: the location must be pithos://<account uuid>/<container>/<object path> or [uuid, container, path]`);
    }
    parts = location.slice(prefix.length).split('/');
  } else {
    if (!Array.isArray(location) || location.length !== 3 || location.some((s) => typeof s !== 'string' || s === '')) {
      throw new ConfigError(`${where}: a location array must be [account uuid, container, object path]`);
    }
    parts = [location[0], location[1], ...location[2].split('/')];
  }
  if (parts.length < 3 || parts.slice(0, 2).some((p) => p === '') || parts.slice(2).join('/') === '') {
    throw new ConfigError(`${where}: the location must name an account, a container and an object`);
  }
  return prefix + parts.map((s) => quote(s, '')).join('/');
}

/**
 * kamaki's `ImageClient`: the Plankton image service. Images are Pithos objects registered with
 * metadata that travels in `X-Image-Meta-*` headers (names, descriptions and properties
 * percent-encoded both ways, as kamaki does).
 *
 * ```ts
 * const images = new ImageClient({ url: imageUrl, token });
 * const meta = await images.register('Debian', `pithos://${uuid}/images/debian.diskdump`, { isPublic: false }, { OS: 'debian', USERS: 'root' });
 * ```
 */
export class ImageClient extends Client<paths> {
  static override readonly serviceType: string = 'image';
  static override readonly DEFAULT_API_VERSION: string | undefined = '1.0';

  constructor(options: SynnefoClientOptions) {
    super(options, { operations });
  }

  /** @internal */
  protected where(method: string): string {
    return `${this.constructor.name}.${method}()`;
  }

  /**
   * Images you can use (yours, shared with you, public): `/images`, or `/images/detail` with
   * `detail`. Truthy `filters` (`name`, `container_format`, `disk_format`, `status`, `size_min`,
   * `size_max`) are sent; `order` is a sort key, `-key` for descending. Without `order` the
   * server's own order applies (newest first); kamaki always sent `sort_dir=asc`.
   */
  async listPublic(detail = false, filters: Readonly<Record<string, string | number | undefined>> = {}, order = '', options?: CallOptions): Promise<ImageSummary[] | ImageDetail[]> {
    const init = callInit(this.where('listPublic'), options);
    const query: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(filters ?? {})) if (v) query[k] = v;
    if (order) {
      const desc = order.startsWith('-');
      const key = desc ? order.slice(1) : order;
      query.sort_dir = desc ? 'desc' : 'asc';
      if (key) query.sort_key = key;
    }
    return detail ? (await this.get('/images/detail', { query, ...init })).data.images : (await this.get('/images', { query, ...init })).data.images;
  }

  /** An image's metadata (HEAD `/images/{id}`), parsed from its headers. */
  async getMeta(imageId: string, options?: CallOptions): Promise<ImageMeta> {
    const r = await this.head('/images/{image_id}', { params: { path: { image_id: imageId } }, ...callInit(this.where('getMeta'), options) });
    return formatImageHeaders(r.headers);
  }

  /**
   * Registers the Pithos object at `location` as an image (POST `/images`, answers 200). `params`
   * become `X-Image-Meta-*` headers (a `false` `isPublic` is sent too; kamaki dropped falsy values),
   * `properties` become quoted `X-Image-Meta-Property-*` headers (the server lower-cases keys).
   * The image id is the object's UUID; registering it again updates it.
   */
  async register(name: string, location: string | readonly [string, string, string], params: RegisterParams = {}, properties: Readonly<Record<string, string>> = {}, options?: CallOptions): Promise<ImageMeta & { id: string }> {
    const where = this.where('register');
    const init = callInit(where, options);
    if (typeof name !== 'string' || name === '') throw new ConfigError(`${where}: an image name is required`);
    const headers: Record<string, string> = { 'X-Image-Meta-Name': quote(name), 'X-Image-Meta-Location': imageLocation(where, location) };
    for (const [key, value] of Object.entries(params ?? {})) {
      const header = PARAM_HEADERS[key];
      if (!header) throw new ConfigError(`${where}: unknown image parameter ${JSON.stringify(key)} (known: store, diskFormat, containerFormat, checksum, isPublic, owner)`);
      if (header === 'size') throw new ConfigError(`${where}: Plankton refuses x-image-meta-size (it takes the size from the object); leave size out`);
      if (value === undefined || value === null || value === '') continue;
      headers[`X-Image-Meta-${header.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())}`] = typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value);
    }
    for (const [key, value] of Object.entries(properties ?? {})) headers[`X-Image-Meta-Property-${quote(key, '')}`] = quote(String(value));
    const r = await this.post('/images', { headers, success: 200, ...init } as never);
    const meta = formatImageHeaders((r as { headers: Headers }).headers);
    // A registered image always has an id; without one the caller could not address it again.
    if (typeof meta.id !== 'string' || meta.id === '') throw new ResponseError(where, 'no x-image-meta-id header');
    return meta as ImageMeta & { id: string };
  }

  /** Unregisters an image (204); the Pithos object stays. */
  async unregister(imageId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/images/{image_id}', { params: { path: { image_id: imageId } }, success: 204, ...callInit(this.where('unregister'), options) })).headers);
  }

  /** Users an image is shared with (`[{ member_id, can_share }]`). */
  async listMembers(imageId: string, options?: CallOptions): Promise<{ member_id: string; can_share?: boolean }[]> {
    return (await this.get('/images/{image_id}/members', { params: { path: { image_id: imageId } }, ...callInit(this.where('listMembers'), options) })).data.members;
  }

  /** Your images that `member` can use (`[{ image_id, can_share }]`). */
  async listShared(member: string, options?: CallOptions): Promise<{ image_id: string; can_share?: boolean }[]> {
    return (await this.get('/shared-images/{member}', { params: { path: { member } }, ...callInit(this.where('listShared'), options) })).data.shared_images;
  }

  /** Shares an image with a user (204). */
  async addMember(imageId: string, member: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.put('/images/{image_id}/members/{member}', { params: { path: { image_id: imageId, member } }, headers: { 'content-length': '0' }, success: 204, ...callInit(this.where('addMember'), options) })).headers);
  }

  /** Stops sharing an image with a user (204). */
  async removeMember(imageId: string, member: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/images/{image_id}/members/{member}', { params: { path: { image_id: imageId, member } }, success: 204, ...callInit(this.where('removeMember'), options) })).headers);
  }

  /** Replaces the members of an image (204). */
  async setMembers(imageId: string, members: readonly string[], options?: CallOptions): Promise<Record<string, string>> {
    if (!Array.isArray(members) || members.some((m) => typeof m !== 'string' || m === '')) {
      throw new ConfigError(`${this.where('setMembers')}: members must be a list of user ids (strings)`);
    }
    const body = { memberships: members.map((m) => ({ member_id: m })) };
    return headerObject((await this.put('/images/{image_id}/members', { params: { path: { image_id: imageId } }, body, success: 204, ...callInit(this.where('setMembers'), options) })).headers);
  }

  /**
   * Updates an image's metadata (PUT `/images/{id}` with headers and no body); resolves with the
   * response headers, as kamaki does (use {@link formatImageHeaders} to parse them).
   */
  async updateImage(imageId: string, options: UpdateImageOptions = {}): Promise<Record<string, string>> {
    const init = callInit(this.where('updateImage'), options, ['name', 'diskFormat', 'containerFormat', 'status', 'public', 'ownerId', 'properties']);
    const headers: Record<string, string> = { 'content-length': '0' };
    if (options.name !== undefined) headers['X-Image-Meta-Name'] = quote(options.name);
    if (options.diskFormat !== undefined) headers['X-Image-Meta-Disk-Format'] = options.diskFormat;
    if (options.containerFormat !== undefined) headers['X-Image-Meta-Container-Format'] = options.containerFormat;
    if (options.status !== undefined) headers['X-Image-Meta-Status'] = options.status;
    if (options.public !== undefined) headers['X-Image-Meta-Is-Public'] = options.public ? 'True' : 'False';
    if (options.ownerId !== undefined) headers['X-Image-Meta-Owner'] = options.ownerId;
    for (const [k, v] of Object.entries(options.properties ?? {})) headers[`X-Image-Meta-Property-${quote(k, '')}`] = quote(String(v));
    const r = await this.put('/images/{image_id}', { params: { path: { image_id: imageId } }, headers, ...init } as never);
    return headerObject((r as { headers: Headers }).headers);
  }
}
