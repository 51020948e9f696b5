/**
 * The block storage part of `opskit/synnefo`: kamaki's `BlockStorageClient` (OpenStack Cinder v2)
 * and `CycladesBlockStorageClient`, with volume waiters.
 * @module
 */
export {
  BlockStorageClient, type Volume, type VolumeRef, type Snapshot, type SnapshotRef, type VolumeType, type CreateVolumeOptions, type WaitVolumeOptions,
} from './block-storage-client.js';
export { CycladesBlockStorageClient, type CycladesCreateVolumeOptions } from './cyclades-block-storage-client.js';
export { operations as volumeOperations } from '../generated/synnefo-volume.meta.js';
export type { paths as VolumePaths, components as VolumeComponents } from '../generated/synnefo-volume.js';
