import { pathId } from '../base/index.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { callInit, headerObject, type CallOptions } from '../compute/call-options.js';
import { BlockStorageClient, volumeSize, type CreateVolumeOptions, type Snapshot, type VolumeRef } from './block-storage-client.js';

/** Options of Cyclades {@link CycladesBlockStorageClient.createVolume}. */
export interface CycladesCreateVolumeOptions extends CallOptions {
  /** Create it attached to this server (required for non-detachable volume types). */
  serverId?: string | number;
  displayDescription?: string;
  snapshotId?: string;
  imageRef?: string;
  /** Required without `serverId`: a detachable type. */
  volumeType?: string | number;
  metadata?: Record<string, string>;
  /** The project to charge (default: the user's default project). */
  project?: string;
}

const CREATE_OPTIONS = ['serverId', 'displayDescription', 'snapshotId', 'imageRef', 'volumeType', 'metadata', 'project'];

/**
 * kamaki's `CycladesBlockStorageClient`: volumes as Cyclades creates them (a display name is
 * required; a server and a project may be named), reassigned between projects.
 */
export class CycladesBlockStorageClient extends BlockStorageClient {
  /**
   * Creates a volume (202; the reply has `id`, `display_name`, `links`): `creating` → `available`,
   * or → `in_use` when created on `serverId`. `createVolume(size, { displayName, … })` (the
   * OpenStack form) works too.
   */
  override createVolume(size: number | string, displayName: string, options?: CycladesCreateVolumeOptions): Promise<VolumeRef>;
  override createVolume(size: number | string, options?: CreateVolumeOptions): Promise<VolumeRef>;
  override async createVolume(size: number | string, nameOrOptions?: string | CreateVolumeOptions, options: CycladesCreateVolumeOptions = {}): Promise<VolumeRef> {
    if (typeof nameOrOptions !== 'string') return super.createVolume(size, nameOrOptions);
    const where = this.where('createVolume');
    const init = callInit(where, options, CREATE_OPTIONS);
    if (nameOrOptions === '') throw new ConfigError(`${where}: Cyclades requires a display name`);
    const volume: Record<string, unknown> = { size: volumeSize(where, size), display_name: nameOrOptions };
    if (options.serverId !== undefined) volume.server_id = options.serverId;
    if (options.displayDescription !== undefined) volume.display_description = options.displayDescription;
    if (options.snapshotId !== undefined) volume.snapshot_id = options.snapshotId;
    if (options.imageRef !== undefined) volume.imageRef = options.imageRef;
    if (options.volumeType !== undefined) volume.volume_type = options.volumeType;
    if (options.metadata !== undefined) volume.metadata = options.metadata;
    if (options.project !== undefined) volume.project = options.project;
    return (await this.post('/volumes', { body: { volume } as never, success: 202, ...init })).data.volume;
  }

  /** Charges a volume to another project (200). */
  async reassignVolume(volumeId: string | number, project: string, options: CallOptions & { sharedToProject?: boolean } = {}): Promise<Record<string, string>> {
    const init = callInit(this.where('reassignVolume'), options, ['sharedToProject']);
    const reassign: Record<string, unknown> = { project };
    if (options.sharedToProject !== undefined) reassign.shared_to_project = options.sharedToProject;
    const r = await this.post('/volumes/{volume_id}/action', { params: { path: { volume_id: pathId(volumeId) } }, body: { reassign } as never, success: 200, ...init });
    return headerObject(r.headers);
  }

  /** Snapshots a volume (202; Cyclades ignores `force`, so this form has none). */
  override async createSnapshot(volumeId: string | number, options: CallOptions & { displayName?: string; displayDescription?: string } = {}): Promise<Snapshot> {
    callInit(this.where('createSnapshot'), options, ['displayName', 'displayDescription']);
    return super.createSnapshot(volumeId, options);
  }
}
