import { md5 } from '@noble/hashes/legacy.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { ResponseError } from '../../core/errors/response-error.js';
import { checkOptions } from '../../core/options.js';
import { Paged } from '../../core/paged.js';
import { markerPaging } from '../../core/paging-strategies.js';
import { encodeHex } from '../../crypto/encoding/hex.js';
import { blockHashAlgorithm } from '../../crypto/merkle/algorithms.js';
import { Client, ClientError, type QueryParams, type SynnefoResponse } from '../base/index.js';
import { operations } from '../generated/pithos.meta.js';
import type { paths } from '../generated/pithos.js';
import { downloadBlocks } from './download.js';
import { IntegrityError } from './errors/integrity-error.js';
import { NotSupportedBySwift } from './errors/not-supported-by-swift.js';
import { decodeResponseHeaders, encodeRequestHeaders, filterIn, prefixed, type HeaderInput } from './headers.js';
import {
  DOWNLOAD_OPTION_ALIASES, DOWNLOAD_OPTION_NAMES, LIST_OPTION_ALIASES, LIST_OPTION_NAMES, STORAGE_OPTION_ALIASES, STORAGE_OPTION_NAMES,
  UPLOAD_OPTION_ALIASES, UPLOAD_OPTION_NAMES, type DownloadOptions, type ListObjectsOptions, type StorageClientOptions, type UploadOptions,
} from './options.js';
import { runPool } from './pool.js';
import { progressCounter } from './progress.js';
import { parseUserRanges } from './ranges.js';
import { bytesSink, classifySink, type DownloadSink, type RandomAccessSink } from './sink.js';
import { classifySource, streamBlocks, type RandomAccessSource, type UploadSource } from './source.js';
import type { BlockInfo, Hashmap, PithosTransport, VersionPin } from './transport.js';
import { uploadRandomAccess, uploadStream, type BlockUploadResult } from './upload.js';
import { httpDate, sharingHeader, untilSeconds } from './wire.js';
import { keystoneV3Auth, splitStorageUrl, swiftTempAuth, type KeystoneV3Options } from './swift-auth.js';
import type { CoreOptions } from '../../core/types.js';

/** Where a request goes: the account level (container `null`), a container, or an object. */
export interface Target {
  account?: string | undefined;
  container?: string | null | undefined;
  object?: string | undefined;
}

/** One request of the storage API (the facade's own call shape). */
export interface StorageCall {
  query?: QueryParams;
  headers?: HeaderInput;
  body?: unknown;
  success: number | readonly number[];
  parseAs?: 'json' | 'text' | 'arrayBuffer' | 'stream';
  /** Operation name for errors and logs (kamaki's method name). */
  op: string;
  signal?: AbortSignal | undefined;
  idempotent?: boolean;
  /** Leave `format=json` out (Swift SLO manifest PUTs, public URLs). */
  noFormat?: boolean;
}

/** A storage reply: data, status, and the headers decoded (lower-case names, percent-decoded values). */
export interface StorageReply<T = any> {
  data: T;
  status: number;
  headers: Record<string, string>;
  raw: SynnefoResponse<T>;
}

/** What an upload resolves with. */
export interface UploadResult {
  /** The reply headers of the request that created the object (ETag, X-Object-Version, …). */
  headers: Record<string, string>;
  /** Bytes of block (or segment) data sent: 0 when the server already held every block. */
  bytesSent: number;
  /** Blocks (Pithos) or segments (Swift) sent. */
  blocksSent: number;
  /** `pithos` (block protocol) or `swift` (plain PUT or SLO). */
  protocol: 'pithos' | 'swift';
}

/** What a download resolves with. */
export interface DownloadResult {
  /** Bytes delivered to the destination. */
  bytes: number;
  /** The object's headers (from the hashmap GET, or from the plain GET on Swift / manifests). */
  headers: Record<string, string>;
  /** Bytes fetched over the network (less than `bytes` when blocks repeat or a resume found them). */
  bytesFetched: number;
}

const DEFAULT_SEGMENT = 8 * 1024 * 1024;

/**
 * kamaki's `StorageClient`: the OpenStack Object Storage API v1 as Pithos+ and OpenStack Swift
 * both speak it, with kamaki's method names (camelCased) and its bugs fixed (see docs/compat.md).
 * Uploads and downloads use the Pithos block protocol when the server is Pithos (deduplicated,
 * resumable, verified) and plain PUT/GET or Static Large Objects on Swift; the server kind is
 * read once per container from `X-Container-Block-Hash`.
 *
 * ```ts
 * const s = await StorageClient.fromTempAuth('http://127.0.0.1:8080/auth/v1.0', 'test:tester', 'testing', { container: 'c' });
 * await s.createContainer('c');
 * await s.uploadObject('hello.txt', new TextEncoder().encode('hi'), { contentType: 'text/plain' });
 * ```
 */
export class StorageClient extends Client<paths> {
  static override readonly serviceType: string = 'object-store';
  static override readonly DEFAULT_API_VERSION: string | undefined = '1';

  /** The account (kamaki `account`). */
  account: string | undefined;
  /** The current container (kamaki `container`). */
  container: string | undefined;
  /** Blocks or segments in flight at once (kamaki `MAX_THREADS`). */
  maxThreads: number;
  /** Swift SLO segment size. */
  segmentSize: number;
  readonly #blockInfo = new Map<string, Promise<BlockInfo | undefined>>();

  constructor(options: StorageClientOptions) {
    super(options, { operations, options: STORAGE_OPTION_NAMES, aliases: STORAGE_OPTION_ALIASES, name: new.target.name });
    this.account = options.account;
    this.container = options.container;
    this.maxThreads = positiveInt(options.maxThreads ?? 4, `new ${new.target.name}(): maxThreads`);
    this.segmentSize = positiveInt(options.segmentSize ?? DEFAULT_SEGMENT, `new ${new.target.name}(): segmentSize`);
  }

  /**
   * A client for a Swift storage URL (`…/v1/AUTH_<account>`, as TempAuth and Keystone give it):
   * the account is its last segment.
   */
  static fromStorageUrl<C extends typeof StorageClient>(this: C, storageUrl: string, token: string, options: Omit<StorageClientOptions, 'url' | 'token' | 'account'> = {}): InstanceType<C> {
    const { url, account } = splitStorageUrl(storageUrl);
    return new this({ ...options, url, token, account }) as InstanceType<C>;
  }

  /** Logs in with Swift TempAuth (`/auth/v1.0`) and returns a client for the account. */
  static async fromTempAuth<C extends typeof StorageClient>(this: C, authUrl: string, user: string, key: string, options: Omit<StorageClientOptions, 'url' | 'token' | 'account'> = {}): Promise<InstanceType<C>> {
    const { account: _a, container: _c, maxThreads: _m, segmentSize: _s, ...core } = options as StorageClientOptions;
    const login = await swiftTempAuth(authUrl, user, key, core);
    return (this as C).fromStorageUrl(login.storageUrl, login.token, options) as InstanceType<C>;
  }

  /** Logs in with Keystone v3 (password, project scope) and returns a client for the project's account. */
  static async fromKeystoneV3<C extends typeof StorageClient>(this: C, authUrl: string, credentials: Omit<KeystoneV3Options, keyof CoreOptions>, options: Omit<StorageClientOptions, 'url' | 'token' | 'account'> = {}): Promise<InstanceType<C>> {
    const { account: _a, container: _c, maxThreads: _m, segmentSize: _s, ...core } = options as StorageClientOptions;
    const login = await keystoneV3Auth(authUrl, { ...core, ...credentials });
    return (this as C).fromStorageUrl(login.storageUrl, login.token, options) as InstanceType<C>;
  }

  // ---------------------------------------------------------------- transport helpers

  /** kamaki `_assert_account`. */
  protected assertAccount(where: string, account = this.account): string {
    if (!account) throw new ConfigError(`${where}: no account (give { account } to the constructor or set client.account)`);
    return account;
  }

  /** kamaki `_assert_container`. */
  protected assertContainer(where: string, container = this.container): string {
    if (!container) throw new ConfigError(`${where}: no container (give { container } to the constructor or set client.container)`);
    return container;
  }

  /**
   * Sends one storage request through the core chain: path quoted the Python 2 way, `format=json`
   * added, meta/group/source headers percent-encoded, reply headers decoded.
   */
  async send<T = any>(method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE', target: Target, call: StorageCall): Promise<StorageReply<T>> {
    const account = this.assertAccount(call.op, target.account ?? this.account);
    const params: Record<string, string> = { account };
    let url = '/{account}';
    if (target.container !== null && target.container !== undefined) {
      params.container = target.container;
      url += '/{container}';
      if (target.object !== undefined) {
        params.object = target.object;
        url += '/{object}';
      }
    }
    const query: QueryParams = call.noFormat ? { ...call.query } : { format: 'json', ...call.query };
    const init: Record<string, unknown> = {
      params: { path: params },
      query,
      headers: encodeRequestHeaders(call.headers ?? {}),
      success: call.success,
      opskit: { op: call.op, ...(call.signal ? { signal: call.signal } : {}), ...(call.idempotent !== undefined ? { idempotent: call.idempotent } : {}) },
      ...(call.body !== undefined ? { body: call.body } : {}),
      // Replies are read as text unless JSON is asked for (Swift answers writes with HTML bodies); HEAD
      // as a stream, because the core's buffered responses replace Content-Length with the body's length.
      parseAs: call.parseAs ?? (method === 'HEAD' ? 'stream' : 'text'),
    };
    const r = (await this.request(method, url, init as never)) as SynnefoResponse<T>;
    return { data: r.data, status: r.status, headers: decodeResponseHeaders(r.headers), raw: r };
  }

  /**
   * The container's block size and hash (one HEAD, cached per account and container), or
   * undefined when the server is a plain Swift (no `X-Container-Block-Hash`).
   */
  blockInfo(container = this.container, account = this.account, signal?: AbortSignal): Promise<BlockInfo | undefined> {
    const c = this.assertContainer('blockInfo', container);
    const key = `${account}\u0000${c}`;
    let p = this.#blockInfo.get(key);
    if (!p) {
      p = this.send('HEAD', { account, container: c }, { success: [200, 204], op: 'getContainerInfo', signal }).then((r) => {
        const hash = r.headers['x-container-block-hash'];
        if (!hash) return undefined;
        const size = Number(r.headers['x-container-block-size']);
        if (!Number.isSafeInteger(size) || size <= 0) throw new ResponseError('getContainerInfo', 'X-Container-Block-Size is not a positive integer');
        return { blockSize: size, blockHash: blockHashAlgorithm(hash) };
      });
      p.catch(() => this.#blockInfo.delete(key));
      this.#blockInfo.set(key, p);
    }
    return p;
  }

  /** True when the container lives on a Pithos+ server (block protocol, sharing, versions). */
  async isPithos(container = this.container): Promise<boolean> {
    return (await this.blockInfo(container)) !== undefined;
  }

  /** Throws {@link NotSupportedBySwift} before sending a Pithos-only request to a plain Swift. */
  protected async requirePithos(operation: string, container = this.container, account = this.account): Promise<BlockInfo> {
    const info = await this.blockInfo(container, account);
    if (!info) throw new NotSupportedBySwift(operation, 'its containers have no X-Container-Block-Hash');
    return info;
  }

  // ---------------------------------------------------------------- account

  /** Account headers (kamaki `get_account_info`): HEAD, 204. */
  async getAccountInfo(): Promise<Record<string, string>> {
    return (await this.send('HEAD', { container: null }, { success: [200, 204], op: 'getAccountInfo' })).headers;
  }

  /**
   * Replaces the account's metadata with `metapairs` (kamaki `replace_account_meta`): keys not
   * given are deleted. Sent as one POST with `?update` (empty values delete), so Pithos and Swift
   * (which always merges) end in the same state; 202 and 204 both succeed (kamaki wanted 202).
   */
  async replaceAccountMeta(metapairs: Readonly<Record<string, string>>): Promise<void> {
    const current = filterIn(await this.getAccountInfo(), 'x-account-meta-');
    const gone = Object.fromEntries(Object.keys(current).map((k) => [`X-Account-Meta-${k.slice('x-account-meta-'.length)}`, '']));
    await this.send('POST', { container: null }, { query: { update: '' }, headers: { ...gone, ...prefixed('X-Account-Meta-', metapairs) }, success: [202, 204], op: 'replaceAccountMeta', idempotent: true });
  }

  /** Deletes one account metadata key (empty value with `update`: works on Pithos and Swift). */
  async delAccountMeta(metakey: string): Promise<void> {
    await this.send('POST', { container: null }, { query: { update: '' }, headers: { [`X-Account-Meta-${metakey}`]: '' }, success: [202, 204], op: 'delAccountMeta', idempotent: true });
  }

  /**
   * The containers (kamaki `list_containers`), as an async iterator over `marker` pages
   * (`.all()` for an array). `limit` is the page size.
   */
  listContainers(options: { limit?: number; marker?: string; shared?: boolean; public?: boolean; until?: number | Date; signal?: AbortSignal } = {}): Paged<Record<string, any>> {
    checkOptions('listContainers()', options, ['limit', 'marker', 'shared', 'public', 'until', 'signal'], { show_only_shared: 'shared' });
    const limit = options.limit ?? 10000;
    if (!Number.isInteger(limit) || limit <= 0 || limit > 10000) throw new ConfigError('listContainers(): limit must be an integer from 1 to 10000');
    const until = untilSeconds(options.until, 'listContainers()');
    return new Paged(
      markerPaging({
        limit,
        marker: (item: Record<string, any>) => String(item.name),
        fetch: async (marker, pageLimit, ctx) => {
          const r = await this.send('GET', { container: null }, {
            query: { limit: pageLimit, marker, shared: options.shared ? '' : undefined, public: options.public ? '' : undefined, until },
            success: [200, 204, 304], op: 'listContainers', parseAs: 'json', signal: ctx.signal ?? options.signal,
          });
          return { items: Array.isArray(r.data) ? r.data : [] };
        },
      }),
      { ...(options.marker !== undefined ? { start: options.marker } : {}), ...(options.signal ? { signal: options.signal } : {}) },
    );
  }

  // ---------------------------------------------------------------- containers

  /** Creates a container (kamaki `create_container`): PUT 201; an existing one is a ClientError (202). */
  async createContainer(container: string): Promise<Record<string, string>> {
    const r = await this.send('PUT', { container }, { success: [201, 202], op: 'createContainer' });
    if (r.status === 202) throw new ClientError('Container already exists', 202);
    return r.headers;
  }

  /** Container headers (kamaki `get_container_info`): HEAD 204. */
  async getContainerInfo(container: string = this.assertContainer('getContainerInfo')): Promise<Record<string, string>> {
    return (await this.send('HEAD', { container }, { success: [200, 204], op: 'getContainerInfo' })).headers;
  }

  /** Deletes an empty container (kamaki `delete_container`); 404 and 409 are errors. */
  async deleteContainer(container: string): Promise<void> {
    await this.send('DELETE', { container }, { success: 204, op: 'deleteContainer' });
    for (const key of this.#blockInfo.keys()) if (key.endsWith(`\u0000${container}`)) this.#blockInfo.delete(key);
  }

  // ---------------------------------------------------------------- objects

  /** Creates an object with no data (kamaki `create_object`). */
  async createObject(obj: string, contentType = 'application/octet-stream', contentLength = 0): Promise<Record<string, string>> {
    const container = this.assertContainer('createObject');
    const body = new Uint8Array(contentLength);
    return (await this.send('PUT', { container, object: obj }, { headers: { 'Content-Type': contentType }, body, success: 201, op: 'createObject' })).headers;
  }

  /** Creates a directory marker object (`application/directory`, no data; kamaki `create_directory`). */
  async createDirectory(obj: string): Promise<Record<string, string>> {
    if (!obj) throw new ConfigError('createDirectory(): the directory name is empty');
    const container = this.assertContainer('createDirectory');
    return (await this.send('PUT', { container, object: obj }, { headers: { 'Content-Type': 'application/directory' }, body: new Uint8Array(0), success: 201, op: 'createDirectory' })).headers;
  }

  /** Object headers (kamaki `get_object_info`): HEAD 200. */
  async getObjectInfo(obj: string, options: { version?: string | number } = {}): Promise<Record<string, string>> {
    checkOptions('getObjectInfo()', options, ['version']);
    const container = this.assertContainer('getObjectInfo');
    const version = options.version === undefined ? undefined : String(options.version);
    return (await this.send('HEAD', { container, object: obj }, { query: { version }, success: 200, op: 'getObjectInfo' })).headers;
  }

  /**
   * The object's metadata `{ key: value }` (kamaki StorageClient `get_object_meta`, whose
   * `split('-')[-1]` cut keys with dashes; here the whole key after `x-object-meta-`).
   */
  async getObjectMeta(obj: string): Promise<Record<string, string>> {
    return this.plainObjectMeta(obj);
  }

  /** `{ key: value }` of the object's metadata (what StorageClient's getObjectMeta returns). */
  protected async plainObjectMeta(obj: string): Promise<Record<string, string>> {
    const meta = filterIn(await this.getObjectInfo(obj), 'x-object-meta-');
    return Object.fromEntries(Object.entries(meta).map(([k, v]) => [k.slice('x-object-meta-'.length), v]));
  }

  /**
   * Deletes one metadata key of an object and keeps the others (kamaki's POST wiped them all):
   * Pithos gets `?update` with an empty value, Swift (whose object POST replaces all metadata) the
   * remaining keys.
   */
  async delObjectMeta(obj: string, metakey: string): Promise<void> {
    const container = this.assertContainer('delObjectMeta');
    if (await this.isPithos(container)) {
      await this.send('POST', { container, object: obj }, { query: { update: '' }, headers: { [`X-Object-Meta-${metakey}`]: '' }, success: [202, 204], op: 'delObjectMeta', idempotent: true });
      return;
    }
    const meta = await this.plainObjectMeta(obj);
    const rest = Object.fromEntries(Object.entries(meta).filter(([k]) => k.toLowerCase() !== metakey.toLowerCase()));
    await this.send('POST', { container, object: obj }, { query: { update: '' }, headers: prefixed('X-Object-Meta-', rest), success: [202, 204], op: 'delObjectMeta', idempotent: true });
  }

  /**
   * Replaces an object's metadata with `metapairs` (kamaki `replace_object_meta`, which posted to
   * the container and had no object argument): keys not given are deleted, on Pithos (`?update`
   * with empty values for them) and Swift (whose object POST replaces all metadata) alike.
   */
  async replaceObjectMeta(obj: string, metapairs: Readonly<Record<string, string>>): Promise<void> {
    if (typeof obj !== 'string') throw new ConfigError('replaceObjectMeta(obj, metapairs): the object name comes first (kamaki posted to the container instead)');
    const container = this.assertContainer('replaceObjectMeta');
    let headers: HeaderInput = prefixed('X-Object-Meta-', metapairs);
    if (await this.isPithos(container)) {
      const current = filterIn(await this.getObjectInfo(obj), 'x-object-meta-');
      headers = { ...Object.fromEntries(Object.keys(current).map((k) => [`X-Object-Meta-${k.slice('x-object-meta-'.length)}`, ''])), ...headers };
    }
    await this.send('POST', { container, object: obj }, { query: { update: '' }, headers, success: [202, 204], op: 'replaceObjectMeta', idempotent: true });
  }

  /** Server-side copy (kamaki `copy_object`): PUT with `X-Copy-From`, on Pithos and Swift. */
  async copyObject(srcContainer: string, srcObject: string, dstContainer: string, dstObject?: string | false): Promise<Record<string, string>> {
    const target = dstObject || srcObject;
    const r = await this.send('PUT', { container: dstContainer, object: target }, {
      // No Content-Type: the copy keeps the source's (`ignore_content_type` says so to Pithos; Swift ignores it).
      query: { ignore_content_type: '' },
      headers: { 'X-Copy-From': `/${srcContainer}/${srcObject}` },
      body: new Uint8Array(0),
      success: 201,
      op: 'copyObject',
    });
    return r.headers;
  }

  /**
   * Server-side move (kamaki `move_object`): `X-Move-From` on Pithos; on Swift (which would create
   * an empty object from it) a copy and a delete.
   */
  async moveObject(srcContainer: string, srcObject: string, dstContainer: string, dstObject?: string | false): Promise<Record<string, string>> {
    const target = dstObject || srcObject;
    if (!(await this.isPithos(dstContainer))) {
      const headers = await this.copyObject(srcContainer, srcObject, dstContainer, target);
      if (!(srcContainer === dstContainer && srcObject === target)) {
        await this.send('DELETE', { container: srcContainer, object: srcObject }, { success: 204, op: 'moveObject' });
      }
      return headers;
    }
    const r = await this.send('PUT', { container: dstContainer, object: target }, {
      query: { ignore_content_type: '' },
      headers: { 'X-Move-From': `/${srcContainer}/${srcObject}` },
      body: new Uint8Array(0),
      success: 201,
      op: 'moveObject',
      idempotent: false,
    });
    return r.headers;
  }

  /** Deletes an object (kamaki `delete_object`); 404 is an error. */
  async deleteObject(obj: string): Promise<void> {
    const container = this.assertContainer('deleteObject');
    await this.send('DELETE', { container, object: obj }, { success: 204, op: 'deleteObject' });
  }

  /**
   * The objects of the current container (kamaki `list_objects`), as an async iterator over
   * `marker` pages (`for await`, `.all()`, `.pages()`): `prefix`, `delimiter` (virtual
   * directories as `{ subdir }`), `path`, `limit` (page size), `marker`, and on Pithos `meta`,
   * `shared`, `public`, `until`. A 304 ends the list.
   */
  listObjects(options: ListObjectsOptions = {}): Paged<Record<string, any>> {
    checkOptions('listObjects()', options, LIST_OPTION_NAMES, LIST_OPTION_ALIASES);
    const container = this.assertContainer('listObjects');
    const limit = options.limit ?? 10000;
    if (!Number.isInteger(limit) || limit <= 0 || limit > 10000) throw new ConfigError('listObjects(): limit must be an integer from 1 to 10000');
    const meta = typeof options.meta === 'string' ? options.meta : options.meta?.join(',');
    const until = untilSeconds(options.until, 'listObjects()');
    const nameOf = (item: Record<string, any>) => String(item.name ?? item.subdir);
    return new Paged(
      markerPaging({
        limit,
        marker: nameOf,
        fetch: async (marker, pageLimit, ctx) => {
          const r = await this.send('GET', { container }, {
            query: {
              limit: pageLimit, marker, ...(options.path !== undefined ? { path: options.path } : { prefix: options.prefix, delimiter: options.delimiter }),
              meta, shared: options.shared ? '' : undefined, public: options.public ? '' : undefined, until, end_marker: options.endMarker,
            },
            headers: { 'If-Modified-Since': httpDate(options.ifModifiedSince), 'If-Unmodified-Since': httpDate(options.ifUnmodifiedSince) },
            success: [200, 204, 304],
            op: 'listObjects',
            parseAs: 'json',
            signal: ctx.signal ?? options.signal,
          });
          return { items: Array.isArray(r.data) ? r.data : [] };
        },
      }),
      { ...(options.marker !== undefined ? { start: options.marker } : {}), ...(options.signal ? { signal: options.signal } : {}) },
    );
  }

  /** The objects under `pathPrefix` (kamaki `list_objects_in_path`): `path=`, no virtual directories. */
  listObjectsInPath(pathPrefix: string): Paged<Record<string, any>> {
    return this.listObjects({ path: pathPrefix });
  }

  // ---------------------------------------------------------------- upload

  /**
   * Uploads `source` as `obj` in constant memory (kamaki `upload_object`). On Pithos: the block
   * protocol of protocols §5 (only blocks the server lacks are sent; known content sends none; an
   * interrupted upload, run again, sends only what is still missing). On Swift: one PUT with its
   * MD5 as ETag, or Static Large Object segments above `segmentSize`.
   */
  async uploadObject(obj: string, source: UploadSource, options: UploadOptions = {}): Promise<UploadResult> {
    checkOptions('uploadObject()', options, UPLOAD_OPTION_NAMES, UPLOAD_OPTION_ALIASES);
    const container = this.assertContainer('uploadObject');
    const account = options.targetAccount ?? this.account;
    const classified = classifySource(source, 'uploadObject()');
    if (options.size !== undefined && classified.kind === 'stream') classified.stream = limitStream(classified.stream, options.size);
    const info = await this.blockInfo(container, account, options.signal);
    const threads = options.maxThreads ?? this.maxThreads;
    if (!info) return this.uploadSwift(obj, container, account, classified, options, threads);
    const transport = this.transport(container, obj, account, this.objectPutHeaders(options), undefined);
    let result: BlockUploadResult;
    if (classified.kind === 'random') {
      result = await uploadRandomAccess(transport, classified.source, info, { concurrency: threads, signal: options.signal, onProgress: options.onProgress });
    } else {
      const known = await this.knownHashes(container, obj, account, options.signal);
      result = await uploadStream(transport, classified.stream, info, { concurrency: threads, signal: options.signal, onProgress: options.onProgress, knownHashes: known });
    }
    return { headers: result.headers, bytesSent: result.bytesSent, blocksSent: result.blocksSent, protocol: 'pithos' };
  }

  /** Uploads text (UTF-8) or bytes (kamaki `upload_from_string`). */
  async uploadFromString(obj: string, inputStr: string | Uint8Array, options: UploadOptions = {}): Promise<UploadResult> {
    return this.uploadObject(obj, typeof inputStr === 'string' ? new TextEncoder().encode(inputStr) : inputStr, options);
  }

  /** The hashes of the target's current version (blocks the server surely holds), for stream uploads. */
  private async knownHashes(container: string, obj: string, account: string | undefined, signal?: AbortSignal): Promise<string[]> {
    try {
      const r = await this.send<Hashmap>('GET', { account, container, object: obj }, { query: { hashmap: 'True' }, success: 200, op: 'getObjectHashmap', signal, parseAs: 'json' });
      return Array.isArray(r.data?.hashes) ? r.data.hashes : [];
    } catch (e) {
      if (e instanceof ClientError && e.httpStatus === 404) return [];
      throw e;
    }
  }

  /** Headers of the object-creating PUT (hashmap or plain). */
  protected objectPutHeaders(o: UploadOptions): HeaderInput {
    return {
      'Content-Type': o.contentType ?? 'application/octet-stream',
      'Content-Encoding': o.contentEncoding,
      'Content-Disposition': o.contentDisposition,
      'If-Match': o.ifEtagMatch,
      'If-None-Match': o.ifNotExist ? '*' : undefined,
      'X-Object-Sharing': sharingHeader(o.sharing),
      'X-Object-Public': o.public === undefined ? undefined : o.public,
      ...prefixed('X-Object-Meta-', o.metadata),
    };
  }

  /** The block protocol's calls for one object (what the upload/download engines drive). */
  protected transport(container: string, obj: string, account: string | undefined, putHeaders: HeaderInput, hashmapQuery: QueryParams | undefined, getHeaders: HeaderInput = {}): PithosTransport {
    return {
      blockInfo: (signal) => this.blockInfo(container, account, signal),
      putHashmap: async (body, signal) => {
        const r = await this.send('PUT', { account, container, object: obj }, {
          query: { hashmap: 'True' }, headers: putHeaders, body: { bytes: body.bytes, hashes: body.hashes }, success: [201, 409], op: 'uploadObject', signal,
        });
        if (r.status === 201) return { created: true, headers: r.headers };
        let missing: unknown = r.data;
        if (typeof missing === 'string') {
          try {
            missing = JSON.parse(missing);
          } catch {
            missing = undefined;
          }
        }
        if (!Array.isArray(missing) || !missing.every((h) => typeof h === 'string')) {
          throw new ResponseError('uploadObject', 'the 409 reply of the hashmap PUT is not a JSON array of hashes');
        }
        return { created: false, missing: missing as string[] };
      },
      postBlock: async (block, signal) => {
        const r = await this.send<string[]>('POST', { account, container }, {
          query: { update: '' }, headers: { 'Content-Type': 'application/octet-stream' }, body: block, success: 202, op: 'uploadObject', signal, idempotent: true, parseAs: 'json',
        });
        if (!Array.isArray(r.data)) throw new ResponseError('uploadObject', 'the block POST reply is not a JSON list of hashes');
        return r.data;
      },
      getHashmap: async (signal) => {
        const r = await this.send<Hashmap>('GET', { account, container, object: obj }, { query: { hashmap: 'True', ...hashmapQuery }, headers: getHeaders, success: 200, op: 'getObjectHashmap', signal, parseAs: 'json' });
        if (!r.data || typeof r.data !== 'object' || Array.isArray(r.data)) throw new ResponseError('getObjectHashmap', 'the hashmap is not a JSON object');
        return { hashmap: r.data, headers: r.headers };
      },
      getRange: async (start, end, pin: VersionPin, signal) => {
        // Streamed into one array of the block's size: one copy, whatever the chunking on the wire.
        const r = await this.send<ReadableStream<Uint8Array>>('GET', { account, container, object: obj }, {
          query: { version: pin.version }, headers: { Range: `bytes=${start}-${end}`, 'If-Match': pin.ifMatch }, success: [200, 206], parseAs: 'stream', op: 'downloadObject', signal,
        });
        const want = end - start + 1;
        // A 200 is the whole object (a server that ignores Range): keep only the bytes asked for.
        const skip = r.status === 200 ? start : 0;
        return readInto(r.data, want, skip, 'downloadObject');
      },
    };
  }

  /** Swift: one PUT (MD5 as ETag) up to `segmentSize`, else a Static Large Object. */
  private async uploadSwift(
    obj: string, container: string, account: string | undefined,
    classified: ReturnType<typeof classifySource>, o: UploadOptions, threads: number,
  ): Promise<UploadResult> {
    if (o.sharing !== undefined || o.public !== undefined) {
      throw new NotSupportedBySwift('uploadObject({ sharing, public })', 'Swift drops X-Object-Sharing and X-Object-Public silently');
    }
    const S = this.segmentSize;
    const headers = this.objectPutHeaders(o);
    const putWhole = async (data: Uint8Array, sent: { n: number }): Promise<UploadResult> => {
      const etag = encodeHex(md5(data));
      if (o.etag && o.etag.toLowerCase() !== etag) throw new IntegrityError('the data does not have the MD5 given as etag', o.etag, etag);
      const progress = progressCounter('uploading', data.length, 1, o.onProgress);
      progress.start();
      const r = await this.send('PUT', { account, container, object: obj }, { headers: { ...headers, ETag: etag }, body: data, success: 201, op: 'uploadObject', signal: o.signal });
      progress.add(data.length);
      sent.n += data.length;
      return { headers: r.headers, bytesSent: data.length, blocksSent: 1, protocol: 'swift' };
    };
    if (classified.kind === 'random' && classified.source.size <= S) {
      return putWhole(await classified.source.read(0, classified.source.size), { n: 0 });
    }
    // Static Large Object: segments in `<container>_segments`, then the manifest.
    const segContainer = `${container}_segments`;
    const stamp = ((this.sharedOptions.now ?? Date.now)() / 1000).toFixed(6);
    const prefix = `${obj}/slo/${stamp}/${S}`;
    const segments: Array<{ path: string; etag: string; size_bytes: number }> = [];
    let bytesSent = 0;
    const putSegment = async (index: number, data: Uint8Array) => {
      const name = `${prefix}/${String(index).padStart(8, '0')}`;
      const etag = encodeHex(md5(data));
      await this.send('PUT', { account, container: segContainer, object: name }, { headers: { 'Content-Type': 'application/octet-stream', ETag: etag }, body: data, success: 201, op: 'uploadObject', signal: o.signal });
      segments[index] = { path: `/${segContainer}/${name}`, etag, size_bytes: data.length };
      bytesSent += data.length;
    };
    if (classified.kind === 'random') {
      const src = classified.source;
      await this.send('PUT', { account, container: segContainer }, { success: [201, 202], op: 'uploadObject', signal: o.signal });
      const count = Math.ceil(src.size / S);
      const progress = progressCounter('uploading', src.size, count, o.onProgress);
      progress.start();
      await runPool(count, threads, async (i) => {
        const data = await src.read(i * S, Math.min(S, src.size - i * S));
        await putSegment(i, data);
        progress.add(data.length);
      }, o.signal);
    } else {
      const it = streamBlocks(classified.stream, S, o.signal);
      const first = await it.next();
      const firstData = first.done ? new Uint8Array(0) : first.value;
      const second = first.done ? { done: true as const, value: undefined } : await it.next();
      if (second.done) return putWhole(firstData, { n: 0 });
      await this.send('PUT', { account, container: segContainer }, { success: [201, 202], op: 'uploadObject', signal: o.signal });
      const progress = progressCounter('uploading', 0, 0, o.onProgress);
      const inFlight = new Set<Promise<void>>();
      let failure: { e: unknown } | undefined;
      let index = 0;
      const launch = (data: Uint8Array) => {
        const p = putSegment(index++, data).then(() => progress.add(data.length), (e: unknown) => void (failure ??= { e }));
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      };
      launch(firstData);
      launch(second.value);
      for await (const data of it) {
        if (failure) break;
        if (inFlight.size >= threads) await Promise.race(inFlight);
        launch(data);
      }
      await Promise.all(inFlight);
      if (failure) throw failure.e;
    }
    const manifest = JSON.stringify(segments);
    const r = await this.send('PUT', { account, container, object: obj }, {
      query: { 'multipart-manifest': 'put' }, headers, body: manifest, success: 201, op: 'uploadObject', signal: o.signal, noFormat: true,
    });
    return { headers: r.headers, bytesSent, blocksSent: segments.length, protocol: 'swift' };
  }

  // ---------------------------------------------------------------- download

  /**
   * Downloads `obj` to `dst` in constant memory (kamaki `download_object`): a random-access sink
   * (each distinct block fetched once; `resume` skips blocks already there), a WritableStream or a
   * function given the chunks in order. On Pithos every block is pinned to the version of the
   * hashmap, checked against its hash, and the hashmap against `X-Object-Hash`
   * ({@link IntegrityError}); manifests and Swift objects come with a plain GET (Swift's MD5 ETag
   * checked when the object is not a large object).
   */
  async downloadObject(obj: string, dst: DownloadSink, options: DownloadOptions = {}): Promise<DownloadResult> {
    checkOptions('downloadObject()', options, DOWNLOAD_OPTION_NAMES, DOWNLOAD_OPTION_ALIASES);
    const container = this.assertContainer('downloadObject');
    const target = classifySink(dst);
    try {
      const result = await this.downloadTo(container, obj, target.kind === 'random' ? target : { kind: 'sequential', write: target.write }, options);
      if (target.kind === 'sequential') await target.close();
      return result;
    } catch (e) {
      if (target.kind === 'sequential') await target.abort(e);
      throw e;
    }
  }

  /** The object's bytes (kamaki `download_to_string`), verified like {@link downloadObject}. */
  async downloadToBytes(obj: string, options: DownloadOptions = {}): Promise<Uint8Array> {
    checkOptions('downloadToBytes()', options, DOWNLOAD_OPTION_NAMES, DOWNLOAD_OPTION_ALIASES);
    const container = this.assertContainer('downloadToBytes');
    const chunks: Uint8Array[] = [];
    let total = 0;
    let whole: Uint8Array | undefined;
    await this.downloadTo(container, obj, undefined, options, (size, ranged) => {
      if (ranged) return { kind: 'sequential', write: async (c: Uint8Array) => void (chunks.push(c), (total += c.length)) };
      whole = new Uint8Array(size);
      return { kind: 'random', sink: bytesSink(whole) };
    });
    if (whole) return whole;
    const out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  /** The object's text, UTF-8 decoded (kamaki `download_to_string` for text). */
  async downloadToString(obj: string, options: DownloadOptions = {}): Promise<string> {
    return new TextDecoder().decode(await this.downloadToBytes(obj, options));
  }

  /**
   * The object as a web ReadableStream (kamaki `stream_down`): blocks fetched `maxThreads` at a
   * time, verified, delivered in order; cancelling the stream aborts the download.
   */
  streamDown(obj: string, options: DownloadOptions = {}): ReadableStream<Uint8Array> {
    checkOptions('streamDown()', options, DOWNLOAD_OPTION_NAMES, DOWNLOAD_OPTION_ALIASES);
    const container = this.assertContainer('streamDown');
    const controller = new AbortController();
    const signal = options.signal ? anySignal([options.signal, controller.signal]) : controller.signal;
    let started = false;
    // Backpressure: the download waits for the reader through a one-chunk handoff.
    let deliver: ((c: Uint8Array | null, e?: unknown) => void) | undefined;
    const queue: Array<{ chunk: Uint8Array | null; error?: unknown }> = [];
    let wake: (() => void) | undefined;
    let pulled: (() => void) | undefined;
    deliver = (chunk, error) => {
      queue.push({ chunk, error });
      wake?.();
    };
    const run = async () => {
      try {
        await this.downloadTo(container, obj, {
          kind: 'sequential',
          write: async (c) => {
            deliver?.(c);
            await new Promise<void>((r) => (pulled = r));
          },
        }, { ...options, signal });
        deliver?.(null);
      } catch (e) {
        deliver?.(null, e);
      }
    };
    return new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        if (!started) {
          started = true;
          void run();
        }
        pulled?.();
        pulled = undefined;
        while (queue.length === 0) await new Promise<void>((r) => (wake = r));
        const item = queue.shift()!;
        if (item.error !== undefined) ctrl.error(item.error);
        else if (item.chunk === null) ctrl.close();
        else ctrl.enqueue(item.chunk);
      },
      cancel(reason) {
        controller.abort(reason);
        pulled?.();
        deliver = undefined;
      },
    }, { highWaterMark: 0 });
  }

  /** The common download path; `pick` chooses the sink once the size is known (downloadToBytes). */
  protected async downloadTo(
    container: string, obj: string,
    given: { kind: 'random'; sink: RandomAccessSink } | { kind: 'sequential'; write: (c: Uint8Array) => Promise<void> } | undefined,
    o: DownloadOptions,
    pick?: (size: number, ranged: boolean) => { kind: 'random'; sink: RandomAccessSink } | { kind: 'sequential'; write: (c: Uint8Array) => Promise<void> },
  ): Promise<DownloadResult> {
    const info = await this.blockInfo(container, this.account, o.signal);
    const version = o.version === undefined ? undefined : String(o.version);
    const conditions: HeaderInput = {
      'If-Match': o.ifMatch, 'If-None-Match': o.ifNoneMatch,
      'If-Modified-Since': httpDate(o.ifModifiedSince), 'If-Unmodified-Since': httpDate(o.ifUnmodifiedSince),
    };
    const threads = o.maxThreads ?? this.maxThreads;
    if (info) {
      const t = this.transport(container, obj, this.account, {}, { version }, conditions);
      const { hashmap, headers } = await t.getHashmap(o.signal);
      if (!headers['x-object-manifest']) {
        const sink = given ?? (pick as NonNullable<typeof pick>)(hashmap.bytes, o.range !== undefined);
        const r = await downloadBlocks(t, hashmap, headers, sink, { concurrency: threads, signal: o.signal, onProgress: o.onProgress, range: o.range, resume: o.resume });
        return { bytes: r.bytes, headers, bytesFetched: r.bytesFetched };
      }
    }
    return this.downloadPlain(container, obj, version, conditions, given, pick, o);
  }

  /** A plain (or ranged) GET streamed to the sink: Swift objects and Pithos manifests. */
  private async downloadPlain(
    container: string, obj: string, version: string | undefined, conditions: HeaderInput,
    given: Parameters<StorageClient['downloadTo']>[2], pick: Parameters<StorageClient['downloadTo']>[4], o: DownloadOptions,
  ): Promise<DownloadResult> {
    const head = await this.send('HEAD', { container, object: obj }, { query: { version }, headers: conditions, success: 200, op: 'downloadObject', signal: o.signal });
    const size = Number(head.headers['content-length'] ?? 0);
    const ranges = o.range !== undefined ? parseUserRanges(o.range, size) : size > 0 ? [[0, size - 1] as [number, number]] : [];
    const sink = given ?? (pick as NonNullable<typeof pick>)(size, o.range !== undefined);
    const etag = (head.headers.etag ?? '').replace(/"/g, '').toLowerCase();
    const checkMd5 = o.range === undefined && /^[0-9a-f]{32}$/.test(etag) && !head.headers['x-object-manifest'] && !head.headers['x-static-large-object'];
    const hasher = checkMd5 ? md5.create() : undefined;
    const total = ranges.reduce((s, [a, b]) => s + b - a + 1, 0);
    const progress = progressCounter('downloading', total, ranges.length, o.onProgress);
    progress.start();
    let fetched = 0;
    for (const [a, b] of ranges) {
      const whole = a === 0 && b === size - 1;
      const r = await this.send<ReadableStream<Uint8Array>>('GET', { container, object: obj }, {
        query: { version }, headers: { ...conditions, ...(whole ? {} : { Range: `bytes=${a}-${b}` }), 'If-Match': conditions['If-Match'] ?? (head.headers.etag || undefined) },
        success: whole ? [200] : [206], parseAs: 'stream', op: 'downloadObject', signal: o.signal,
      });
      let offset = a;
      const reader = (r.data as ReadableStream<Uint8Array>).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (offset + value.length > b + 1) throw new ResponseError('downloadObject', `more bytes than asked for ${a}-${b}`);
        hasher?.update(value);
        if (sink.kind === 'random') await sink.sink.write(offset, value);
        else await sink.write(value);
        offset += value.length;
        fetched += value.length;
        progress.add(value.length, 0);
      }
      if (offset !== b + 1) throw new ResponseError('downloadObject', `bytes ${a}-${b} ended after ${offset - a} bytes`);
      progress.add(0, 1);
    }
    if (hasher) {
      const got = encodeHex(hasher.digest());
      if (got !== etag) throw new IntegrityError('the downloaded data does not have the MD5 of its ETag', etag, got);
    }
    if (sink.kind === 'random' && o.range === undefined) await sink.sink.truncate?.(size);
    return { bytes: total, headers: head.headers, bytesFetched: fetched };
  }
}

/** Reads `length` bytes of a body after skipping `skip`; more or fewer is a ResponseError. */
async function readInto(body: ReadableStream<Uint8Array> | null, length: number, skip: number, op: string): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let filled = 0;
  let toSkip = skip;
  if (body) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        let chunk = value;
        if (toSkip > 0) {
          const cut = Math.min(toSkip, chunk.length);
          chunk = chunk.subarray(cut);
          toSkip -= cut;
        }
        if (filled + chunk.length > length) {
          if (skip > 0) {
            out.set(chunk.subarray(0, length - filled), filled);
            filled = length;
            await reader.cancel().catch(() => {});
            break;
          }
          throw new ResponseError(op, `more than the ${length} bytes asked for`);
        }
        out.set(chunk, filled);
        filled += chunk.length;
      }
    } finally {
      reader.releaseLock();
    }
  }
  return filled === length ? out : out.subarray(0, filled);
}

function positiveInt(v: number, what: string): number {
  if (!Number.isInteger(v) || v <= 0) throw new ConfigError(`${what} must be a positive integer`);
  return v;
}

/** The first `size` bytes of a stream; a shorter stream errors (kamaki's `size` on a file). */
function limitStream(stream: ReadableStream<Uint8Array>, size: number): ReadableStream<Uint8Array> {
  if (!Number.isSafeInteger(size) || size < 0) throw new ConfigError('uploadObject(): size must be a non-negative integer');
  const reader = stream.getReader();
  let left = size;
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      if (left === 0) {
        await reader.cancel().catch(() => {});
        ctrl.close();
        return;
      }
      const { value, done } = await reader.read();
      if (done) {
        ctrl.error(new ConfigError(`uploadObject(): the source ended ${left} bytes before the size given`));
        return;
      }
      const part = value.length > left ? value.subarray(0, left) : value;
      left -= part.length;
      ctrl.enqueue(part);
    },
    cancel: (r) => reader.cancel(r),
  });
}

/** A signal aborted by the first of `signals` (AbortSignal.any where it exists). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as unknown as { any?: (s: AbortSignal[]) => AbortSignal }).any;
  if (any) return any(signals);
  const c = new AbortController();
  for (const s of signals) {
    if (s.aborted) c.abort(s.reason);
    else s.addEventListener('abort', () => c.abort(s.reason), { once: true });
  }
  return c.signal;
}

export type { RandomAccessSource };
