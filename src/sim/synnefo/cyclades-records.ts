/** The records the simulated Cyclades services keep (compute, network, image, volume share them). */

export type ServerStatus = 'BUILD' | 'ACTIVE' | 'STOPPED' | 'ERROR' | 'DELETED' | 'RESIZE' | 'REBOOT' | 'UNKNOWN';

/** An action running on a server until `at` (clock ms), when the server takes `status`. */
export interface ServerTask {
  /** Synnefo's task name (`REBOOT`, `START`, `STOP`, `RESIZE`, `DESTROY`, `RESCUE`, `UNRESCUE`). */
  readonly action: string;
  /** `SNF:task_state` while it runs. */
  readonly taskState: string;
  readonly status: ServerStatus;
  readonly at: number;
}

export interface DiagnosticRecord {
  level: string;
  created: number;
  source: string;
  sourceDate: number;
  message: string;
  details: string | null;
}

export interface ServerRecord {
  readonly id: number;
  name: string;
  readonly userId: string;
  project: string;
  sharedToProject: boolean;
  flavorId: number;
  readonly imageId: string;
  metadata: Record<string, string>;
  /** tag → status (ACTIVE, PENDADD, PENDDEL). */
  tags: Map<string, string>;
  readonly keyNames: string[];
  status: ServerStatus;
  /** Build progress runs from `created` to `buildUntil`. */
  readonly created: number;
  readonly buildUntil: number;
  updated: number;
  task: ServerTask | undefined;
  deleted: boolean;
  rescue: boolean;
  readonly hostId: string;
  /** The admin password and when it leaves the cache. */
  password: { value: string; until: number } | undefined;
  diagnostics: DiagnosticRecord[];
}

export type PortStatus = 'BUILD' | 'ACTIVE' | 'DOWN' | 'ERROR';

export interface PortRecord {
  readonly id: string;
  name: string;
  readonly userId: string;
  readonly networkId: string;
  deviceId: number | null;
  readonly mac: string;
  status: PortStatus;
  /** When a BUILD port becomes ACTIVE. */
  activeAt: number;
  fixedIps: { ip: string; subnetId: string }[];
  securityGroups: string[];
  firewallProfile: string | undefined;
  /** The floating IP this port carries, if any. */
  floatingIpId: string | undefined;
  readonly created: number;
  updated: number;
  deleted: boolean;
}

export interface NetworkRecord {
  readonly id: string;
  name: string;
  readonly userId: string | null;
  project: string | null;
  sharedToProject: boolean;
  readonly type: string;
  readonly public: boolean;
  readonly floatingIpPool: boolean;
  status: string;
  activeAt: number;
  subnets: string[];
  readonly created: number;
  updated: number;
  deleted: boolean;
}

export interface SubnetRecord {
  readonly id: string;
  readonly networkId: string;
  name: string;
  readonly userId: string | null;
  readonly public: boolean;
  readonly cidr: string;
  readonly ipVersion: number;
  readonly gateway: string | null;
  readonly pools: { start: string; end: string }[];
  readonly dhcp: boolean;
  readonly dns: string[];
  readonly hostRoutes: unknown[];
  /** Addresses in use (numbers), the gateway included. */
  readonly allocated: Set<number>;
  readonly created: number;
  updated: number;
  deleted: boolean;
}

export interface FloatingIpRecord {
  readonly id: string;
  readonly address: string;
  readonly networkId: string;
  readonly subnetId: string;
  readonly userId: string;
  project: string;
  sharedToProject: boolean;
  portId: string | null;
  readonly created: number;
  updated: number;
  deleted: boolean;
}

export type VolumeStatus = 'creating' | 'available' | 'attaching' | 'detaching' | 'in_use' | 'deleting' | 'deleted' | 'error';

export interface VolumeRecord {
  readonly id: number;
  name: string;
  description: string;
  size: number;
  readonly userId: string;
  project: string;
  sharedToProject: boolean;
  status: VolumeStatus;
  /** A transition running until `at`. */
  pending: { status: VolumeStatus; at: number } | undefined;
  serverId: number | null;
  deviceIndex: number | null;
  readonly typeId: number;
  readonly imageId: string | null;
  readonly snapshotId: string | null;
  readonly sourceVolid: string | null;
  metadata: Record<string, string>;
  deleteOnTermination: boolean;
  /** A server's root disk: charged with the server, deleted with it. */
  readonly root: boolean;
  readonly created: number;
  updated: number;
  deleted: boolean;
}

export interface SnapshotRecord {
  readonly id: string;
  readonly volumeId: number;
  name: string;
  description: string;
  readonly size: number;
  readonly userId: string;
  readonly project: string;
  status: 'CREATING' | 'AVAILABLE' | 'ERROR' | 'DELETED';
  availableAt: number;
  metadata: Record<string, string>;
  readonly created: number;
  updated: number;
  deleted: boolean;
}

export interface ImageRecord {
  readonly id: string;
  name: string;
  readonly owner: string;
  /** `pithos://<account>/<container>/<object>` */
  readonly location: string;
  diskFormat: string;
  containerFormat: string;
  readonly size: number;
  readonly checksum: string;
  isPublic: boolean;
  /** Lower-case keys. */
  properties: Record<string, string>;
  status: 'AVAILABLE' | 'SAVING' | 'ERROR' | 'DELETED';
  description: string;
  readonly isSnapshot: boolean;
  members: Set<string>;
  readonly created: number;
  updated: number;
  deleted: boolean;
  deletedAt: number | null;
}

export interface FlavorRecord {
  readonly id: number;
  readonly name: string;
  readonly ram: number;
  readonly disk: number;
  readonly vcpus: number;
  readonly diskTemplate: string;
  readonly volumeTypeId: number;
  readonly allowCreate: boolean;
  readonly public: boolean;
  readonly deleted: boolean;
}

export interface VolumeTypeRecord {
  readonly id: number;
  readonly name: string;
  readonly diskTemplate: string;
  readonly detachable: boolean;
  readonly deleted: boolean;
}

export interface KeypairRecord {
  readonly id: number;
  readonly name: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly created: number;
}
