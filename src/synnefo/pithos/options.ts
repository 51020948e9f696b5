import type { SharedOptions, SynnefoClientOptions } from '../base/client.js';
import type { ProgressCallback } from './progress.js';

/** Options of `new StorageClient()` / `new PithosClient()` (kamaki: `endpoint_url, token, account, container`). */
export interface StorageClientOptions extends SynnefoClientOptions {
  /** The account: the user's UUID on Pithos (from Astakos), `AUTH_<project>` on Swift. */
  account?: string | undefined;
  /** The container most methods work in (kamaki's `client.container`; the CLI's default is `pithos`). */
  container?: string | undefined;
  /** Blocks (or Swift segments) in flight at once during uploads and downloads (kamaki `MAX_THREADS`). Default 4. */
  maxThreads?: number | undefined;
  /** On plain Swift, objects larger than this go up as Static Large Object segments of this size. Default 8 MiB. */
  segmentSize?: number | undefined;
}

export const STORAGE_OPTION_NAMES: readonly string[] = Object.freeze(['account', 'container', 'maxThreads', 'segmentSize']);
export const STORAGE_OPTION_ALIASES: Readonly<Record<string, string>> = Object.freeze({ MAX_THREADS: 'maxThreads', max_threads: 'maxThreads', endpoint_url: 'url' });

/** kamaki's `sharing` argument: `{ read: [...], write: [...] }` (user UUIDs, `<owner>:<group>`, `*`). */
export interface SharingPermissions {
  read?: readonly string[] | undefined;
  write?: readonly string[] | undefined;
}

/** Options of `uploadObject` / `uploadFromString` (kamaki's keyword arguments, camelCased). */
export interface UploadOptions {
  /** Bytes to read from a stream source (kamaki `size`); a shorter stream is an error. */
  size?: number | undefined;
  /** Ignored by Pithos on hashmap PUTs; on Swift, the MD5 the server must find (422 otherwise). */
  etag?: string | undefined;
  /** Replace only if the current ETag is this one (`If-Match`). */
  ifEtagMatch?: string | undefined;
  /** Create only (`If-None-Match: *`): 412 when the object exists. */
  ifNotExist?: boolean | undefined;
  contentEncoding?: string | undefined;
  contentDisposition?: string | undefined;
  /** The object's MIME type (default `application/octet-stream`); sent as the hashmap PUT's Content-Type. */
  contentType?: string | undefined;
  sharing?: SharingPermissions | undefined;
  public?: boolean | undefined;
  /** `X-Object-Meta-*` of the new object. */
  metadata?: Readonly<Record<string, string>> | undefined;
  /** Upload into another user's container you may write to (kamaki `target_account`). */
  targetAccount?: string | undefined;
  /** Progress through hashing and uploading (kamaki's `hash_cb` and `upload_cb`). */
  onProgress?: ProgressCallback | undefined;
  signal?: AbortSignal | undefined;
  /** Override the client's `maxThreads` for this upload. */
  maxThreads?: number | undefined;
  /** Kept for kamaki's signature: the block info is always cached per container. */
  containerInfoCache?: unknown;
}

export const UPLOAD_OPTION_NAMES = [
  'size', 'etag', 'ifEtagMatch', 'ifNotExist', 'contentEncoding', 'contentDisposition', 'contentType', 'sharing', 'public',
  'metadata', 'targetAccount', 'onProgress', 'signal', 'maxThreads', 'containerInfoCache',
] as const;
export const UPLOAD_OPTION_ALIASES: Readonly<Record<string, string>> = Object.freeze({ hash_cb: 'onProgress', hashCb: 'onProgress', upload_cb: 'onProgress', uploadCb: 'onProgress', if_not_exist: 'ifNotExist', if_etag_match: 'ifEtagMatch' });

/** Options of `downloadObject`, `downloadToBytes`, `streamDown` (kamaki's keyword arguments, camelCased). */
export interface DownloadOptions {
  version?: string | number | undefined;
  /** Skip blocks a file already holds with the right hash (random-access destinations only). */
  resume?: boolean | undefined;
  /** Only these bytes: `'0-99,200-,-50'` (kamaki `range_str`). */
  range?: string | undefined;
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | Date | undefined;
  ifUnmodifiedSince?: string | Date | undefined;
  onProgress?: ProgressCallback | undefined;
  signal?: AbortSignal | undefined;
  maxThreads?: number | undefined;
}

export const DOWNLOAD_OPTION_NAMES = ['version', 'resume', 'range', 'ifMatch', 'ifNoneMatch', 'ifModifiedSince', 'ifUnmodifiedSince', 'onProgress', 'signal', 'maxThreads'] as const;
export const DOWNLOAD_OPTION_ALIASES: Readonly<Record<string, string>> = Object.freeze({ range_str: 'range', rangeStr: 'range', download_cb: 'onProgress', downloadCb: 'onProgress', if_match: 'ifMatch', if_none_match: 'ifNoneMatch' });

/** Options of the listing methods. */
export interface ListObjectsOptions {
  /** Page size (≤ 10000): the iterator fetches as many pages as it needs. */
  limit?: number | undefined;
  marker?: string | undefined;
  prefix?: string | undefined;
  delimiter?: string | undefined;
  /** prefix = path, delimiter = `/`, no virtual directories. */
  path?: string | undefined;
  /** Meta filters: `['key', '!key', 'key=value', 'key<value', …]` (Pithos). */
  meta?: readonly string[] | string | undefined;
  /** Only shared objects (Pithos; kamaki `show_only_shared`). */
  shared?: boolean | undefined;
  /** Only public objects (Pithos; owner only). */
  public?: boolean | undefined;
  /** State at this time: a Date or integer Unix seconds (Pithos). */
  until?: number | Date | undefined;
  ifModifiedSince?: string | Date | undefined;
  ifUnmodifiedSince?: string | Date | undefined;
  /** Swift only: names before this one. */
  endMarker?: string | undefined;
  /** Kept for kamaki's signature; opskit always asks for JSON. */
  format?: string | undefined;
  signal?: AbortSignal | undefined;
}

export const LIST_OPTION_NAMES = ['limit', 'marker', 'prefix', 'delimiter', 'path', 'meta', 'shared', 'public', 'until', 'ifModifiedSince', 'ifUnmodifiedSince', 'endMarker', 'format', 'signal'] as const;
export const LIST_OPTION_ALIASES: Readonly<Record<string, string>> = Object.freeze({ show_only_shared: 'shared', showOnlyShared: 'shared', end_marker: 'endMarker' });

export type { SharedOptions };
