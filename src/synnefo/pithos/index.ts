// The Pithos+ part of opskit/synnefo: StorageClient (Swift-style) and PithosClient (everything),
// the block upload/download engines and their sources and sinks.
export { StorageClient, type Target, type StorageCall, type StorageReply, type UploadResult, type DownloadResult } from './storage-client.js';
export { PithosClient, type CreateContainerOptions, type HashmapOptions, type CopyMoveOptions, type UnchunkedOptions } from './pithos-client.js';
export type { StorageClientOptions, UploadOptions, DownloadOptions, ListObjectsOptions, SharingPermissions } from './options.js';
export { swiftTempAuth, keystoneV3Auth, splitStorageUrl, type SwiftLogin, type KeystoneV3Options } from './swift-auth.js';
export { uploadRandomAccess, uploadStream, type BlockUploadOptions, type BlockUploadResult } from './upload.js';
export { downloadBlocks, type BlockDownloadOptions, type BlockDownloadResult } from './download.js';
export type { PithosTransport, BlockInfo, Hashmap, VersionPin } from './transport.js';
export { bytesSource, blobSource, streamBlocks, classifySource, type RandomAccessSource, type UploadSource } from './source.js';
export { bytesSink, classifySink, type RandomAccessSink, type DownloadSink } from './sink.js';
export type { TransferProgress, ProgressCallback } from './progress.js';
export { parseUserRanges } from './ranges.js';
export { encodeRequestHeaders, decodeResponseHeaders } from './headers.js';
export * from './errors/index.js';
