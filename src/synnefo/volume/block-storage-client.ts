import { pathId } from '../base/index.js';
import { ConfigError } from '../../core/errors/config-error.js';
import { Client, type SynnefoClientOptions } from '../base/client.js';
import { isoTime } from '../base/iso-time.js';
import { WAIT_OPTION_NAMES, waitForItem, waitUntilStatus, waitWhileStatus, type SynnefoWaitOptions } from '../base/wait.js';
import { callInit, callOptionsOf, headerObject, type CallOptions } from '../compute/call-options.js';
import type { components } from '../generated/synnefo-volume.js';
import { operations } from '../generated/synnefo-volume.meta.js';
import type { paths } from '../generated/synnefo-volume.js';

type S = components['schemas'];
/** A volume (status lower-case: `creating`, `available`, `in_use`, …). */
export type Volume = S['Volume'];
export type VolumeRef = S['VolumeRef'];
/** A snapshot (status upper-case: `CREATING`, `AVAILABLE`, …). */
export type Snapshot = S['Snapshot'];
export type SnapshotRef = S['SnapshotRef'];
export type VolumeType = S['VolumeType'];

/** Options of OpenStack {@link BlockStorageClient.createVolume} (kamaki's keyword parameters). */
export interface CreateVolumeOptions extends CallOptions {
  availabilityZone?: string;
  sourceVolid?: string;
  /** Required by Cyclades. */
  displayName?: string;
  displayDescription?: string;
  snapshotId?: string;
  imageRef?: string;
  volumeType?: string | number;
  bootable?: boolean;
  metadata?: Record<string, string>;
}

/** Options of {@link BlockStorageClient.waitVolume}: the waiter's options and kamaki's `stop`. */
export interface WaitVolumeOptions extends SynnefoWaitOptions<Volume> {
  /** Stop when this holds (default: status is no longer `creating`). */
  stop?: (volume: Volume) => boolean;
}

const CREATE_OPTIONS = ['availabilityZone', 'sourceVolid', 'displayName', 'displayDescription', 'snapshotId', 'imageRef', 'volumeType', 'bootable', 'metadata'];

/** A positive integer size in GB (kamaki's `int(size)`). */
export function volumeSize(where: string, size: number | string): number {
  const n = typeof size === 'string' && /^\s*\d+\s*$/.test(size) ? Number(size) : size;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw new ConfigError(`${where}: size must be a positive whole number of GB`);
  return n;
}

/**
 * kamaki's `BlockStorageClient`: the OpenStack Cinder v2 API (volumes, snapshots, volume types)
 * with volume waiters that throw `TimeoutError` (kamaki's silent return with `silent: true`).
 * On Cyclades use {@link CycladesBlockStorageClient} (create needs a display name and may name a
 * server and a project).
 */
export class BlockStorageClient extends Client<paths> {
  static override readonly serviceType: string = 'volume';
  static override readonly DEFAULT_API_VERSION: string | undefined = '2.0';

  constructor(options: SynnefoClientOptions) {
    super(options, { operations });
  }

  /** @internal */
  protected where(method: string): string {
    return `${this.constructor.name}.${method}()`;
  }

  /** Your volumes (`/volumes`, or `/volumes/detail` with `detail`); `changesSince` lists what changed since (304 → `NotModified`). */
  async listVolumes(detail = false, options: CallOptions & { changesSince?: Date | number | string } = {}): Promise<VolumeRef[] | Volume[]> {
    const init = callInit(this.where('listVolumes'), options, ['changesSince']);
    const query = { 'changes-since': options.changesSince === undefined ? undefined : isoTime(options.changesSince) };
    return detail ? (await this.get('/volumes/detail', { query, ...init })).data.volumes : (await this.get('/volumes', { query, ...init })).data.volumes;
  }

  /** One volume. */
  async getVolumeDetails(volumeId: string | number, options?: CallOptions): Promise<Volume> {
    return (await this.get('/volumes/{volume_id}', { params: { path: { volume_id: pathId(volumeId) } }, ...callInit(this.where('getVolumeDetails'), options) })).data.volume;
  }

  /** Creates a volume (OpenStack form; 202). Cyclades needs `displayName` (see CycladesBlockStorageClient). */
  async createVolume(size: number | string, options: CreateVolumeOptions = {}): Promise<VolumeRef> {
    const init = callInit(this.where('createVolume'), options, CREATE_OPTIONS);
    const o = options;
    const volume: Record<string, unknown> = { size: volumeSize(this.where('createVolume'), size) };
    if (o.availabilityZone !== undefined) volume.availability_zone = o.availabilityZone;
    if (o.sourceVolid !== undefined) volume.source_volid = o.sourceVolid;
    if (o.displayDescription !== undefined) volume.display_description = o.displayDescription;
    if (o.snapshotId !== undefined) volume.snapshot_id = o.snapshotId;
    if (o.displayName !== undefined) volume.display_name = o.displayName;
    if (o.imageRef !== undefined) volume.imageRef = o.imageRef;
    if (o.volumeType !== undefined) volume.volume_type = o.volumeType;
    if (o.bootable !== undefined) volume.bootable = o.bootable;
    if (o.metadata !== undefined) volume.metadata = o.metadata;
    return (await this.post('/volumes', { body: { volume } as never, success: 202, ...init })).data.volume;
  }

  /** Updates a volume (200); with nothing to change it just reads it, as kamaki does. */
  async updateVolume(volumeId: string | number, options: CallOptions & { displayName?: string; displayDescription?: string; deleteOnTermination?: boolean; metadata?: Record<string, string> } = {}): Promise<Volume> {
    const init = callInit(this.where('updateVolume'), options, ['displayName', 'displayDescription', 'deleteOnTermination', 'metadata']);
    const volume: Record<string, unknown> = {};
    if (options.displayDescription !== undefined) volume.display_description = options.displayDescription;
    if (options.displayName !== undefined) volume.display_name = options.displayName;
    if (options.deleteOnTermination !== undefined) volume.delete_on_termination = Boolean(options.deleteOnTermination);
    if (options.metadata !== undefined) volume.metadata = options.metadata;
    if (Object.keys(volume).length === 0) return this.getVolumeDetails(volumeId, callOptionsOf(options));
    return (await this.put('/volumes/{volume_id}', { params: { path: { volume_id: pathId(volumeId) } }, body: { volume }, ...init })).data.volume;
  }

  /** Deletes a volume (202): it goes `deleting` → `deleted`, and its quota is released. */
  async deleteVolume(volumeId: string | number, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/volumes/{volume_id}', { params: { path: { volume_id: pathId(volumeId) } }, success: 202, ...callInit(this.where('deleteVolume'), options) })).headers);
  }

  /** Your snapshots (`/snapshots`, or `/snapshots/detail` with `detail`). */
  async listSnapshots(detail = false, options: CallOptions & { changesSince?: Date | number | string } = {}): Promise<SnapshotRef[] | Snapshot[]> {
    const init = callInit(this.where('listSnapshots'), options, ['changesSince']);
    const query = { 'changes-since': options.changesSince === undefined ? undefined : isoTime(options.changesSince) };
    return detail ? (await this.get('/snapshots/detail', { query, ...init })).data.snapshots : (await this.get('/snapshots', { query, ...init })).data.snapshots;
  }

  /** One snapshot. */
  async getSnapshotDetails(snapshotId: string, options?: CallOptions): Promise<Snapshot> {
    return (await this.get('/snapshots/{snapshot_id}', { params: { path: { snapshot_id: snapshotId } }, ...callInit(this.where('getSnapshotDetails'), options) })).data.snapshot;
  }

  /**
   * Snapshots a volume (202). `force` goes at the body's top level, where the server reads it
   * (kamaki nested it inside `snapshot`, where it was ignored).
   */
  async createSnapshot(volumeId: string | number, options: CallOptions & { force?: boolean; displayName?: string; displayDescription?: string } = {}): Promise<Snapshot> {
    const init = callInit(this.where('createSnapshot'), options, ['force', 'displayName', 'displayDescription']);
    const snapshot: Record<string, unknown> = { volume_id: volumeId };
    if (options.displayName !== undefined) snapshot.display_name = options.displayName;
    if (options.displayDescription !== undefined) snapshot.display_description = options.displayDescription;
    const body: Record<string, unknown> = { snapshot };
    if (options.force !== undefined) body.force = Boolean(options.force);
    return (await this.post('/snapshots', { body: body as never, success: 202, ...init })).data.snapshot;
  }

  /** Updates a snapshot (200); with nothing to change it just reads it, as kamaki does. */
  async updateSnapshot(snapshotId: string, options: CallOptions & { displayName?: string; displayDescription?: string } = {}): Promise<Snapshot> {
    const init = callInit(this.where('updateSnapshot'), options, ['displayName', 'displayDescription']);
    const snapshot: Record<string, unknown> = {};
    if (options.displayDescription !== undefined) snapshot.display_description = options.displayDescription;
    if (options.displayName !== undefined) snapshot.display_name = options.displayName;
    if (Object.keys(snapshot).length === 0) return this.getSnapshotDetails(snapshotId, callOptionsOf(options));
    return (await this.put('/snapshots/{snapshot_id}', { params: { path: { snapshot_id: snapshotId } }, body: { snapshot }, ...init })).data.snapshot;
  }

  /** Deletes a snapshot (202). */
  async deleteSnapshot(snapshotId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/snapshots/{snapshot_id}', { params: { path: { snapshot_id: snapshotId } }, success: 202, ...callInit(this.where('deleteSnapshot'), options) })).headers);
  }

  /** Volume types (disk templates; `SNF:detachable` tells which can be attached and detached). */
  async listVolumeTypes(options?: CallOptions): Promise<VolumeType[]> {
    return (await this.get('/types', callInit(this.where('listVolumeTypes'), options))).data.volume_types;
  }

  /** One volume type. */
  async getVolumeTypeDetails(typeId: string | number, options?: CallOptions): Promise<VolumeType> {
    return (await this.get('/types/{type_id}', { params: { path: { type_id: pathId(typeId) } }, ...callInit(this.where('getVolumeTypeDetails'), options) })).data.volume_type;
  }

  /** Deprecated in kamaki: `[status, null]`. */
  async getVolumeStatus(volumeId: string | number, options?: CallOptions): Promise<[string, null]> {
    return [(await this.getVolumeDetails(volumeId, options)).status, null];
  }

  /** Waits until `stop(volume)` holds (default: no longer `creating`); throws `TimeoutError` unless `silent`. */
  async waitVolume(volumeId: string | number, options: WaitVolumeOptions = {}): Promise<Volume> {
    callInit(this.where('waitVolume'), options, [...WAIT_OPTION_NAMES, 'stop']);
    const { stop = (v: Volume) => v.status !== 'creating', ...wait } = options;
    return waitForItem((ctx) => this.getVolumeDetails(volumeId, { signal: ctx.signal }), stop, wait, `volume ${volumeId}`);
  }

  /** Waits while the volume's status is `currentStatus` (default `creating`). */
  async waitVolumeWhile(volumeId: string | number, currentStatus = 'creating', options: SynnefoWaitOptions<Volume> = {}): Promise<Volume> {
    callInit(this.where('waitVolumeWhile'), options, WAIT_OPTION_NAMES);
    return waitWhileStatus((ctx) => this.getVolumeDetails(volumeId, { signal: ctx.signal }), currentStatus, options, `volume ${volumeId}`);
  }

  /** Waits until the volume's status is `targetStatus` (default `in_use`). */
  async waitVolumeUntil(volumeId: string | number, targetStatus = 'in_use', options: SynnefoWaitOptions<Volume> = {}): Promise<Volume> {
    callInit(this.where('waitVolumeUntil'), options, WAIT_OPTION_NAMES);
    return waitUntilStatus((ctx) => this.getVolumeDetails(volumeId, { signal: ctx.signal }), targetStatus, options, `volume ${volumeId}`);
  }
}
