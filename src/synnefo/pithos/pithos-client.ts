import { ConfigError } from '../../core/errors/config-error.js';
import { ResponseError } from '../../core/errors/response-error.js';
import { checkOptions } from '../../core/options.js';
import { Paged } from '../../core/paged.js';
import { markerPaging } from '../../core/paging-strategies.js';
import { NotSupportedBySwift } from './errors/not-supported-by-swift.js';
import { filterIn, prefixed, type HeaderInput } from './headers.js';
import type { Hashmap } from './transport.js';
import { classifySource, streamBlocks, type UploadSource } from './source.js';
import { progressCounter, type ProgressCallback } from './progress.js';
import { StorageClient } from './storage-client.js';
import type { SharingPermissions, StorageClientOptions } from './options.js';
import { absolutePublicUrl, httpDate, parseSharingHeader, sharingHeader, untilSeconds } from './wire.js';

/** Options of {@link PithosClient.createContainer} (kamaki's keywords). */
export interface CreateContainerOptions {
  /** Container quota in bytes (0 = unlimited). */
  sizelimit?: number | undefined;
  versioning?: 'auto' | 'none' | undefined;
  metadata?: Readonly<Record<string, string>> | undefined;
  /** The project whose quota the container uses. */
  projectId?: string | undefined;
}

/** Conditions of {@link PithosClient.getObjectHashmap}. */
export interface HashmapOptions {
  version?: string | number | undefined;
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | Date | undefined;
  ifUnmodifiedSince?: string | Date | undefined;
}

/** Options of the copy and move methods (kamaki's keywords). */
export interface CopyMoveOptions {
  sourceVersion?: string | number | undefined;
  sourceAccount?: string | undefined;
  /** Publish the destination (true) or not (false); left as is when undefined (kamaki always sent False). */
  public?: boolean | undefined;
  contentType?: string | undefined;
  /** Also copy/move every `<name><delimiter>…` object (a whole directory). */
  delimiter?: string | undefined;
}

/** Options of {@link PithosClient.uploadObjectUnchunked}. */
export interface UnchunkedOptions {
  /** The source is a hashmap JSON (`{"bytes", "hashes"}`), not the data. */
  withHashFile?: boolean | undefined;
  size?: number | undefined;
  etag?: string | undefined;
  contentEncoding?: string | undefined;
  contentDisposition?: string | undefined;
  contentType?: string | undefined;
  sharing?: SharingPermissions | undefined;
  public?: boolean | undefined;
  metadata?: Readonly<Record<string, string>> | undefined;
}

/**
 * kamaki's `PithosClient`: everything of {@link StorageClient} plus the Pithos+ features —
 * container policies (quota, versioning, project), purge, hashmaps, groups, sharing, public
 * URLs, versions, manifests, partial updates (append, truncate, overwrite). On a plain Swift the
 * Pithos-only methods throw `NotSupportedBySwift` before sending anything.
 *
 * ```ts
 * const pithos = new PithosClient({ url, token, account: uuid, container: 'pithos' });
 * await pithos.uploadObject('photo.jpg', file, { contentType: 'image/jpeg', onProgress: console.log });
 * const link = await pithos.publishObject('photo.jpg');
 * ```
 */
export class PithosClient extends StorageClient {
  constructor(options: StorageClientOptions) {
    super(options);
  }

  // ---------------------------------------------------------------- account

  /** Account headers (kamaki `get_account_info`), optionally as of `until` (Unix seconds or Date). */
  override async getAccountInfo(options: { until?: number | Date } = {}): Promise<Record<string, string>> {
    checkOptions('getAccountInfo()', options, ['until']);
    const until = untilSeconds(options.until, 'getAccountInfo()');
    return (await this.send('HEAD', { container: null }, { query: { until }, success: [200, 204], op: 'getAccountInfo' })).headers;
  }

  /** `{ 'x-account-policy-quota': … }` (kamaki `get_account_quota`; read-only, from Astakos). */
  async getAccountQuota(): Promise<Record<string, string>> {
    const info = await this.getAccountInfo();
    return info['x-account-policy-quota'] !== undefined ? { 'x-account-policy-quota': info['x-account-policy-quota'] } : {};
  }

  /** `x-account-meta-*` headers (kamaki `get_account_meta`). */
  async getAccountMeta(options: { until?: number | Date } = {}): Promise<Record<string, string>> {
    return filterIn(await this.getAccountInfo(options), 'x-account-meta-');
  }

  /** `x-account-group-*` headers (kamaki `get_account_group`). */
  async getAccountGroup(): Promise<Record<string, string>> {
    return filterIn(await this.getAccountInfo(), 'x-account-group-');
  }

  /** Creates or replaces a group (kamaki `set_account_group`): members are user UUIDs. */
  async setAccountGroup(group: string, usernames: readonly string[]): Promise<void> {
    await this.accountPost({ [`X-Account-Group-${group}`]: usernames.join(',') }, 'setAccountGroup');
  }

  /** Deletes a group (kamaki `del_account_group`). */
  async delAccountGroup(group: string): Promise<void> {
    await this.accountPost({ [`X-Account-Group-${group}`]: '' }, 'delAccountGroup');
  }

  /** Merges account metadata (kamaki `set_account_meta`; always `?update`). */
  async setAccountMeta(metapairs: Readonly<Record<string, string>>): Promise<void> {
    await this.accountPost(prefixed('X-Account-Meta-', metapairs), 'setAccountMeta');
  }

  /** Deletes one account metadata key (kamaki `del_account_meta`). */
  override async delAccountMeta(metakey: string): Promise<void> {
    await this.accountPost({ [`X-Account-Meta-${metakey}`]: '' }, 'delAccountMeta');
  }

  private async accountPost(headers: HeaderInput, op: string): Promise<void> {
    // No X-Account-Policy-* (kamaki sent them; the server ignores them: the quota lives in Astakos).
    await this.send('POST', { container: null }, { query: { update: '' }, headers, success: [202, 204], op, idempotent: true });
  }

  /**
   * The accounts sharing objects with me (kamaki `get_sharing_accounts`), as an async iterator
   * over `marker` pages.
   */
  getSharingAccounts(options: { limit?: number; marker?: string } = {}): Paged<{ name: string; last_modified?: string }> {
    checkOptions('getSharingAccounts()', options, ['limit', 'marker']);
    const limit = options.limit ?? 10000;
    return new Paged(
      markerPaging({
        limit,
        marker: (i: { name: string }) => i.name,
        fetch: async (marker, pageLimit, ctx) => {
          const r = await this.request('GET', '/', { query: { format: 'json', limit: pageLimit, marker }, success: [200, 204], opskit: { op: 'getSharingAccounts', ...(ctx.signal ? { signal: ctx.signal } : {}) } });
          return { items: Array.isArray(r.data) ? r.data : [] };
        },
      }),
      options.marker !== undefined ? { start: options.marker } : {},
    );
  }

  // ---------------------------------------------------------------- containers

  /**
   * Creates a container, or merges policy and metadata into an existing one (kamaki
   * `create_container`; 201 or 202). Returns the reply headers.
   */
  override async createContainer(container: string | undefined = this.container, options: CreateContainerOptions = {}): Promise<Record<string, string>> {
    checkOptions('createContainer()', options, ['sizelimit', 'versioning', 'metadata', 'projectId'], { project_id: 'projectId' });
    const c = this.assertContainer('createContainer', container);
    const r = await this.send('PUT', { container: c }, {
      headers: {
        'X-Container-Policy-Quota': options.sizelimit, 'X-Container-Policy-Versioning': options.versioning,
        'X-Container-Policy-Project': options.projectId, ...prefixed('X-Container-Meta-', options.metadata),
      },
      success: [201, 202],
      op: 'createContainer',
    });
    return r.headers;
  }

  /**
   * Deletes the current container (kamaki `del_container`): with `until`, purges its history up
   * to then (integer seconds); with `delimiter`, deletes all its objects and keeps it.
   */
  async delContainer(options: { until?: number | Date; delimiter?: string } = {}): Promise<void> {
    checkOptions('delContainer()', options, ['until', 'delimiter']);
    const container = this.assertContainer('delContainer');
    const until = untilSeconds(options.until, 'delContainer()');
    if (until !== undefined) await this.requirePithos('delContainer({ until })');
    await this.send('DELETE', { container }, { query: { until, delimiter: options.delimiter }, success: 204, op: 'delContainer' });
  }

  /**
   * Purges a container's history (kamaki `purge_container`, which sent a float the server
   * ignores, deleting the container instead): `until` = now, as integer seconds.
   */
  async purgeContainer(container: string | undefined = this.container): Promise<void> {
    const c = this.assertContainer('purgeContainer', container);
    await this.requirePithos('purgeContainer', c);
    const now = Math.floor((this.sharedOptions.now ?? Date.now)() / 1000);
    await this.send('DELETE', { container: c }, { query: { until: now }, success: 204, op: 'purgeContainer' });
  }

  /** Container headers (kamaki `get_container_info`), optionally as of `until`. */
  override async getContainerInfo(container: string = this.assertContainer('getContainerInfo'), options: { until?: number | Date } = {}): Promise<Record<string, string>> {
    checkOptions('getContainerInfo()', options, ['until']);
    const until = untilSeconds(options.until, 'getContainerInfo()');
    return (await this.send('HEAD', { container }, { query: { until }, success: [200, 204], op: 'getContainerInfo' })).headers;
  }

  /** `{ 'x-container-policy-versioning': … }` (kamaki `get_container_versioning`). */
  async getContainerVersioning(container: string = this.assertContainer('getContainerVersioning')): Promise<Record<string, string>> {
    return filterIn(await this.getContainerInfo(container), 'x-container-policy-versioning');
  }

  /** `{ 'x-container-policy-quota': … }` (kamaki `get_container_limit`). */
  async getContainerLimit(container: string = this.assertContainer('getContainerLimit')): Promise<Record<string, string>> {
    return filterIn(await this.getContainerInfo(container), 'x-container-policy-quota');
  }

  /** `x-container-meta-*` headers (kamaki `get_container_meta`). */
  async getContainerMeta(options: { until?: number | Date } = {}): Promise<Record<string, string>> {
    return filterIn(await this.getContainerInfo(this.assertContainer('getContainerMeta'), options), 'x-container-meta-');
  }

  /** `{ 'x-container-object-meta': 'k1,k2' }` (kamaki `get_container_object_meta`). */
  async getContainerObjectMeta(options: { until?: number | Date } = {}): Promise<Record<string, string>> {
    return filterIn(await this.getContainerInfo(this.assertContainer('getContainerObjectMeta'), options), 'x-container-object-meta');
  }

  /** Merges container metadata (kamaki `set_container_meta`). */
  async setContainerMeta(metapairs: Readonly<Record<string, string>>): Promise<void> {
    await this.containerPost(prefixed('X-Container-Meta-', metapairs), 'setContainerMeta');
  }

  /** Deletes one container metadata key (kamaki `del_container_meta`). */
  async delContainerMeta(metakey: string): Promise<void> {
    await this.containerPost({ [`X-Container-Meta-${metakey}`]: '' }, 'delContainerMeta');
  }

  /** Sets the container quota in bytes, 0 = unlimited (kamaki `set_container_limit`). */
  async setContainerLimit(limit: number): Promise<void> {
    if (!Number.isInteger(limit) || limit < 0) throw new ConfigError('setContainerLimit(): limit must be a non-negative integer (bytes)');
    await this.requirePithos('setContainerLimit');
    await this.containerPost({ 'X-Container-Policy-Quota': limit }, 'setContainerLimit');
  }

  /** Sets the versioning policy, `auto` or `none` (kamaki `set_container_versioning`). */
  async setContainerVersioning(versioning: 'auto' | 'none'): Promise<void> {
    if (versioning !== 'auto' && versioning !== 'none') throw new ConfigError('setContainerVersioning(): versioning must be "auto" or "none"');
    await this.requirePithos('setContainerVersioning');
    await this.containerPost({ 'X-Container-Policy-Versioning': versioning }, 'setContainerVersioning');
  }

  /** Charges the container to another project (kamaki `reassign_container`). */
  async reassignContainer(projectId: string): Promise<void> {
    await this.requirePithos('reassignContainer');
    await this.containerPost({ 'X-Container-Policy-Project': projectId }, 'reassignContainer');
  }

  private async containerPost(headers: HeaderInput, op: string): Promise<void> {
    const container = this.assertContainer(op);
    await this.send('POST', { container }, { query: { update: '' }, headers, success: [202, 204], op, idempotent: true });
  }

  // ---------------------------------------------------------------- objects

  /** Object headers (kamaki `get_object_info`), of a version when given. */
  override async getObjectInfo(obj: string, options: { version?: string | number } = {}): Promise<Record<string, string>> {
    return super.getObjectInfo(obj, options);
  }

  /** `x-object-meta-*` headers (kamaki PithosClient `get_object_meta`). */
  override async getObjectMeta(obj: string, options: { version?: string | number } = {}): Promise<Record<string, string>> {
    return filterIn(await this.getObjectInfo(obj, options), 'x-object-meta-');
  }

  /**
   * Merges object metadata (kamaki `set_object_meta`): `?update` on Pithos; on Swift, whose
   * object POST replaces all metadata, the current keys are sent along.
   */
  async setObjectMeta(obj: string, metapairs: Readonly<Record<string, string>>): Promise<void> {
    if (!(await this.isPithos())) {
      const current = await this.plainObjectMeta(obj);
      await this.send('POST', { container: this.assertContainer('setObjectMeta'), object: obj }, {
        query: { update: '' }, headers: prefixed('X-Object-Meta-', { ...current, ...metapairs }), success: [202, 204], op: 'setObjectMeta', idempotent: true,
      });
      return;
    }
    await this.objectPost(obj, prefixed('X-Object-Meta-', metapairs), 'setObjectMeta');
  }

  /** Deletes one object metadata key, keeping the others (kamaki `del_object_meta`). */
  override async delObjectMeta(obj: string, metakey: string): Promise<void> {
    if (!(await this.isPithos())) return super.delObjectMeta(obj, metakey);
    await this.objectPost(obj, { [`X-Object-Meta-${metakey}`]: '' }, 'delObjectMeta');
  }

  private async objectPost(obj: string, headers: HeaderInput, op: string): Promise<Record<string, string>> {
    const container = this.assertContainer(op);
    return (await this.send('POST', { container, object: obj }, { query: { update: '' }, headers, success: [202, 204], op, idempotent: true })).headers;
  }

  /**
   * Deletes an object (kamaki `del_object`): with `until`, purges its history; with `delimiter`,
   * also every `<obj><delimiter>…` object.
   */
  async delObject(obj: string, options: { until?: number | Date; delimiter?: string } = {}): Promise<void> {
    checkOptions('delObject()', options, ['until', 'delimiter']);
    const container = this.assertContainer('delObject');
    const until = untilSeconds(options.until, 'delObject()');
    if (until !== undefined || options.delimiter !== undefined) await this.requirePithos('delObject({ until, delimiter })');
    await this.send('DELETE', { container, object: obj }, { query: { until, delimiter: options.delimiter }, success: 204, op: 'delObject' });
  }

  /** Publishes an object and returns its public URL (absolute) (kamaki `publish_object`). */
  async publishObject(obj: string): Promise<string> {
    await this.requirePithos('publishObject');
    await this.objectPost(obj, { 'X-Object-Public': true }, 'publishObject');
    const info = await this.getObjectInfo(obj);
    const url = absolutePublicUrl(info['x-object-public'], this.endpointUrl);
    if (!url) throw new ResponseError('publishObject', 'the object has no X-Object-Public after publishing');
    return url;
  }

  /** Unpublishes an object (kamaki `unpublish_object`). */
  async unpublishObject(obj: string): Promise<void> {
    await this.requirePithos('unpublishObject');
    await this.objectPost(obj, { 'X-Object-Public': false }, 'unpublishObject');
  }

  /** `{ read: 'a,b', write: 'c' }` (kamaki `get_object_sharing`; values are comma lists). */
  async getObjectSharing(obj: string): Promise<Record<string, string>> {
    await this.requirePithos('getObjectSharing');
    return parseSharingHeader((await this.getObjectInfo(obj))['x-object-sharing']);
  }

  /**
   * Replaces an object's permissions (kamaki `set_object_sharing`): the whole set is replaced,
   * entries are lower-cased by the server; `false`/omitted lists grant nothing.
   */
  async setObjectSharing(obj: string, options: { readPermission?: readonly string[] | false; writePermission?: readonly string[] | false } = {}): Promise<void> {
    checkOptions('setObjectSharing()', options, ['readPermission', 'writePermission'], { read_permission: 'readPermission', write_permission: 'writePermission' });
    await this.requirePithos('setObjectSharing');
    const value = sharingHeader({ read: options.readPermission || [], write: options.writePermission || [] });
    await this.objectPost(obj, { 'X-Object-Sharing': value }, 'setObjectSharing');
  }

  /** Removes every permission (kamaki `del_object_sharing`). */
  async delObjectSharing(obj: string): Promise<void> {
    await this.requirePithos('delObjectSharing');
    await this.objectPost(obj, { 'X-Object-Sharing': '' }, 'delObjectSharing');
  }

  /** `[[versionId, timestamp], …]` (kamaki `get_object_versionlist`), deleted versions excluded. */
  async getObjectVersionlist(obj: string): Promise<Array<[number, string]>> {
    await this.requirePithos('getObjectVersionlist');
    const container = this.assertContainer('getObjectVersionlist');
    const r = await this.send<{ versions?: unknown }>('GET', { container, object: obj }, { query: { version: 'list' }, success: 200, op: 'getObjectVersionlist', parseAs: 'json' });
    const versions = r.data?.versions;
    if (!Array.isArray(versions)) throw new ResponseError('getObjectVersionlist', 'the reply has no versions list');
    return versions.map((v) => [Number((v as unknown[])[0]), String((v as unknown[])[1])] as [number, string]);
  }

  /**
   * The object's hashmap (kamaki `get_object_hashmap`). A 304 or 412 is a typed error
   * (`NotModified`, `PreconditionFailed`), not kamaki's `{}`.
   */
  async getObjectHashmap(obj: string, options: HashmapOptions = {}): Promise<Hashmap> {
    checkOptions('getObjectHashmap()', options, ['version', 'ifMatch', 'ifNoneMatch', 'ifModifiedSince', 'ifUnmodifiedSince']);
    const container = this.assertContainer('getObjectHashmap');
    await this.requirePithos('getObjectHashmap', container);
    const r = await this.send<Hashmap>('GET', { container, object: obj }, {
      query: { hashmap: 'True', version: options.version === undefined ? undefined : String(options.version) },
      headers: {
        'If-Match': options.ifMatch, 'If-None-Match': options.ifNoneMatch,
        'If-Modified-Since': httpDate(options.ifModifiedSince), 'If-Unmodified-Since': httpDate(options.ifUnmodifiedSince),
      },
      success: 200,
      op: 'getObjectHashmap',
      parseAs: 'json',
    });
    if (!r.data || !Array.isArray(r.data.hashes)) throw new ResponseError('getObjectHashmap', 'the reply is not a hashmap');
    return r.data;
  }

  /**
   * One plain PUT of the whole data (kamaki `upload_object_unchunked`), or with `withHashFile`
   * a hashmap PUT of a `{"bytes", "hashes"}` document.
   */
  async uploadObjectUnchunked(obj: string, f: Uint8Array | Blob | string, options: UnchunkedOptions = {}): Promise<Record<string, string>> {
    checkOptions('uploadObjectUnchunked()', options, ['withHashFile', 'size', 'etag', 'contentEncoding', 'contentDisposition', 'contentType', 'sharing', 'public', 'metadata']);
    const container = this.assertContainer('uploadObjectUnchunked');
    let data = typeof f === 'string' ? new TextEncoder().encode(f) : f instanceof Uint8Array ? f : new Uint8Array(await f.arrayBuffer());
    if (options.size !== undefined) data = data.subarray(0, options.size);
    const headers = {
      ...this.objectPutHeaders({ ...options }), ETag: options.withHashFile ? undefined : options.etag,
    };
    if (options.withHashFile) {
      await this.requirePithos('uploadObjectUnchunked({ withHashFile })', container);
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(data));
      } catch {
        throw new ConfigError('uploadObjectUnchunked(): the hash file is not JSON');
      }
      return (await this.send('PUT', { container, object: obj }, { query: { hashmap: 'True' }, headers, body, success: 201, op: 'uploadObjectUnchunked' })).headers;
    }
    return (await this.send('PUT', { container, object: obj }, { headers, body: data, success: 201, op: 'uploadObjectUnchunked' })).headers;
  }

  /**
   * A manifest object (kamaki `create_object_by_manifestation`): its data is the concatenation
   * of the objects named `<obj>…` in this container (`X-Object-Manifest: <container>/<obj>`).
   */
  async createObjectByManifestation(obj: string, options: Omit<UnchunkedOptions, 'withHashFile' | 'size'> = {}): Promise<Record<string, string>> {
    checkOptions('createObjectByManifestation()', options, ['etag', 'contentEncoding', 'contentDisposition', 'contentType', 'sharing', 'public', 'metadata']);
    const container = this.assertContainer('createObjectByManifestation');
    const headers = { ...this.objectPutHeaders(options), ETag: options.etag, 'X-Object-Manifest': `${container}/${obj}` };
    return (await this.send('PUT', { container, object: obj }, { headers, body: new Uint8Array(0), success: 201, op: 'createObjectByManifestation' })).headers;
  }

  /**
   * Copies an object (kamaki `copy_object`) — without kamaki's side effects: the destination is
   * published only when `public` is given, and the client's container is left alone.
   */
  override async copyObject(srcContainer: string, srcObject: string, dstContainer: string, dstObject?: string | false, options: CopyMoveOptions = {}): Promise<Record<string, string>> {
    return this.copyOrMove('copyObject', 'X-Copy-From', srcContainer, srcObject, dstContainer, dstObject, options);
  }

  /** Moves an object (kamaki `move_object`), on Swift as copy + delete; see {@link copyObject}. */
  override async moveObject(srcContainer: string, srcObject: string, dstContainer: string, dstObject?: string | false, options: CopyMoveOptions = {}): Promise<Record<string, string>> {
    if (!(await this.isPithos(dstContainer))) {
      if (Object.values(options).some((v) => v !== undefined)) throw new NotSupportedBySwift('moveObject(options)', 'sourceVersion, sourceAccount, public, contentType and delimiter need Pithos');
      return super.moveObject(srcContainer, srcObject, dstContainer, dstObject);
    }
    return this.copyOrMove('moveObject', 'X-Move-From', srcContainer, srcObject, dstContainer, dstObject, options);
  }

  private async copyOrMove(
    op: string, header: 'X-Copy-From' | 'X-Move-From', srcContainer: string, srcObject: string, dstContainer: string, dstObject: string | false | undefined, o: CopyMoveOptions,
  ): Promise<Record<string, string>> {
    checkOptions(`${op}()`, o, ['sourceVersion', 'sourceAccount', 'public', 'contentType', 'delimiter'], { source_version: 'sourceVersion', source_account: 'sourceAccount', content_type: 'contentType' });
    if ((o.sourceVersion !== undefined || o.sourceAccount !== undefined || o.public !== undefined || o.delimiter !== undefined) && op === 'copyObject') {
      await this.requirePithos(`${op}(options)`, dstContainer);
    }
    const target = dstObject || srcObject;
    const r = await this.send('PUT', { container: dstContainer, object: target }, {
      query: { delimiter: o.delimiter, ignore_content_type: o.contentType === undefined ? '' : undefined },
      headers: {
        [header]: `/${srcContainer}/${srcObject}`,
        'Content-Type': o.contentType,
        'X-Source-Account': o.sourceAccount,
        'X-Source-Version': header === 'X-Copy-From' && o.sourceVersion !== undefined ? String(o.sourceVersion) : undefined,
        'X-Object-Public': o.public,
      },
      body: new Uint8Array(0),
      success: 201,
      op,
      idempotent: header === 'X-Copy-From',
    });
    return r.headers;
  }

  /**
   * Appends the source to the object (kamaki `append_object`), block by block IN ORDER (kamaki
   * sent the blocks from parallel threads, which could reorder them). Returns each reply's headers.
   */
  async appendObject(obj: string, sourceFile: UploadSource, options: { onProgress?: ProgressCallback; signal?: AbortSignal } = {}): Promise<Record<string, string>[]> {
    checkOptions('appendObject()', options, ['onProgress', 'signal'], { upload_cb: 'onProgress', uploadCb: 'onProgress' });
    const container = this.assertContainer('appendObject');
    const info = await this.requirePithos('appendObject', container);
    const out: Record<string, string>[] = [];
    const src = classifySource(sourceFile, 'appendObject()');
    const total = src.kind === 'random' ? src.source.size : 0;
    const progress = progressCounter('uploading', total, src.kind === 'random' ? Math.ceil(total / info.blockSize) : 0, options.onProgress);
    progress.start();
    const send = async (block: Uint8Array) => {
      const r = await this.send('POST', { container, object: obj }, {
        query: { update: '' }, headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': 'bytes */*' }, body: block, success: 204, op: 'appendObject', signal: options.signal, idempotent: false,
      });
      out.push(r.headers);
      progress.add(block.length);
    };
    if (src.kind === 'random') {
      for (let offset = 0; offset < src.source.size; offset += info.blockSize) await send(await src.source.read(offset, Math.min(info.blockSize, src.source.size - offset)));
    } else {
      for await (const block of streamBlocks(src.stream, info.blockSize, options.signal)) await send(block);
    }
    return out;
  }

  /** Cuts the object to `uptoBytes` bytes (kamaki `truncate_object`). */
  async truncateObject(obj: string, uptoBytes: number): Promise<Record<string, string>> {
    if (!Number.isInteger(uptoBytes) || uptoBytes < 0) throw new ConfigError('truncateObject(): uptoBytes must be a non-negative integer');
    const container = this.assertContainer('truncateObject');
    await this.requirePithos('truncateObject', container);
    const type = (await this.getObjectInfo(obj))['content-type'] ?? 'application/octet-stream';
    const r = await this.send('POST', { container, object: obj }, {
      query: { update: '' },
      headers: { 'Content-Type': type, 'Content-Range': `bytes 0-${uptoBytes}/*`, 'X-Object-Bytes': uptoBytes, 'X-Source-Object': `/${container}/${obj}` },
      body: new Uint8Array(0),
      success: 204,
      op: 'truncateObject',
      idempotent: true,
    });
    return r.headers;
  }

  /**
   * Overwrites bytes `start..end` (inclusive) of the object with the source's first bytes
   * (kamaki `overwrite_object`), block-sized POSTs with `Content-Range: bytes s-e/*`.
   */
  async overwriteObject(obj: string, start: number, end: number, sourceFile: UploadSource, options: { sourceVersion?: string | number; onProgress?: ProgressCallback; signal?: AbortSignal } = {}): Promise<Record<string, string>[]> {
    checkOptions('overwriteObject()', options, ['sourceVersion', 'onProgress', 'signal'], { source_version: 'sourceVersion', upload_cb: 'onProgress' });
    const container = this.assertContainer('overwriteObject');
    const info = await this.requirePithos('overwriteObject', container);
    const size = Number((await this.getObjectInfo(obj, options.sourceVersion !== undefined ? { version: options.sourceVersion } : {}))['content-length']);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) throw new ConfigError('overwriteObject(): start and end must be integers with 0 ≤ start ≤ end');
    if (start > size || end > size) throw new ConfigError(`overwriteObject(): the range ${start}-${end} exceeds the object's ${size} bytes`);
    const src = classifySource(sourceFile, 'overwriteObject()');
    if (src.kind !== 'random') throw new ConfigError('overwriteObject(): the source must be bytes, a Blob or a random-access source');
    const datasize = Math.min(end - start + 1, src.source.size);
    const out: Record<string, string>[] = [];
    const progress = progressCounter('uploading', datasize, Math.ceil(datasize / info.blockSize), options.onProgress);
    progress.start();
    for (let offset = 0; offset < datasize; offset += info.blockSize) {
      const block = await src.source.read(offset, Math.min(info.blockSize, datasize - offset));
      const r = await this.send('POST', { container, object: obj }, {
        query: { update: '' },
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start + offset}-${start + offset + block.length - 1}/*` },
        body: block, success: 204, op: 'overwriteObject', signal: options.signal, idempotent: true,
      });
      out.push(r.headers);
      progress.add(block.length);
    }
    return out;
  }
}
