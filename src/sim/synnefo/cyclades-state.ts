import type { SynnefoSimHost, SynnefoSimUser } from './host.js';
import { fault } from './cyclades-http.js';
import { ipToNumber, parseCidr } from './cyclades-ip.js';
import type {
  FlavorRecord, FloatingIpRecord, ImageRecord, KeypairRecord, NetworkRecord, PortRecord, ServerRecord, SnapshotRecord,
  SubnetRecord, VolumeRecord, VolumeTypeRecord,
} from './cyclades-records.js';

/**
 * The state the simulated Cyclades services share: compute sees the ports and volumes of its
 * servers, network sees the servers its ports connect, block storage attaches to servers, and
 * both compute and Plankton list images. One state per simulator host.
 */

/** How long the simulated backend takes, in clock milliseconds. */
export interface CycladesTimings {
  /** Server BUILD → ACTIVE (progress runs 0 → 100 meanwhile). */
  buildMs: number;
  /** Reboot, start, shutdown, resize, rescue, delete. */
  actionMs: number;
  /** Port BUILD → ACTIVE, network PENDING → ACTIVE. */
  portMs: number;
  /** Volume creating → available / in_use, attaching, detaching, deleting. */
  volumeMs: number;
  /** Snapshot CREATING → AVAILABLE. */
  snapshotMs: number;
  /** How long the admin password stays in the server's cache. */
  passwordMs: number;
}

export const DEFAULT_TIMINGS: Readonly<CycladesTimings> = Object.freeze({
  buildMs: 3000, actionMs: 1000, portMs: 500, volumeMs: 1000, snapshotMs: 1000, passwordMs: 60_000,
});

/** The account that owns the seeded public images. */
export const SYSTEM_UUID = '00000000-0000-4000-8000-000000000000';
export const PUBLIC_NETWORK_ID = '1';
export const PUBLIC_SUBNET_ID = '1';

export interface CycladesState {
  readonly host: SynnefoSimHost;
  timings: CycladesTimings;
  readonly flavors: Map<number, FlavorRecord>;
  readonly volumeTypes: Map<number, VolumeTypeRecord>;
  readonly images: Map<string, ImageRecord>;
  readonly servers: Map<number, ServerRecord>;
  readonly networks: Map<string, NetworkRecord>;
  readonly subnets: Map<string, SubnetRecord>;
  readonly ports: Map<string, PortRecord>;
  readonly floatingIps: Map<string, FloatingIpRecord>;
  readonly volumes: Map<number, VolumeRecord>;
  readonly snapshots: Map<string, SnapshotRecord>;
  /** user uuid → key name → key pair. */
  readonly keypairs: Map<string, Map<string, KeypairRecord>>;
  /** Next numeric id per kind. */
  readonly counters: Record<'server' | 'network' | 'subnet' | 'port' | 'floatingIp' | 'volume' | 'keypair' | 'mac', number>;
  /** Whether the snapshot routes exist (CYCLADES_SNAPSHOTS_ENABLED). */
  snapshotsEnabled: boolean;
  /** Whether the rescue action is enabled (else 404 featureNotEnabled). */
  rescueEnabled: boolean;
}

// The services of one simulator are created separately (the host mounts each), so the state they
// share is found through the host object they all receive. A WeakMap keyed by that host keeps it
// per simulator, goes away with it, and holds nothing at import time.
const states = new WeakMap<SynnefoSimHost, CycladesState>();

/** The shared Cyclades state of a simulator host, seeded on first use. */
export function cycladesState(host: SynnefoSimHost): CycladesState {
  let state = states.get(host);
  if (!state) {
    state = seed(host);
    states.set(host, state);
  }
  return state;
}

function seed(host: SynnefoSimHost): CycladesState {
  const now = host.clock.now();
  const state: CycladesState = {
    host,
    timings: { ...DEFAULT_TIMINGS },
    flavors: new Map(),
    volumeTypes: new Map(),
    images: new Map(),
    servers: new Map(),
    networks: new Map(),
    subnets: new Map(),
    ports: new Map(),
    floatingIps: new Map(),
    volumes: new Map(),
    snapshots: new Map(),
    keypairs: new Map(),
    counters: { server: 1000, network: 2, subnet: 2, port: 1, floatingIp: 1, volume: 1, keypair: 1, mac: 1 },
    snapshotsEnabled: true,
    rescueEnabled: false,
  };
  state.volumeTypes.set(1, { id: 1, name: 'drbd', diskTemplate: 'drbd', detachable: false, deleted: false });
  state.volumeTypes.set(2, { id: 2, name: 'ext_archipelago', diskTemplate: 'ext_archipelago', detachable: true, deleted: false });
  const flavors: [number, number, number, number, number, boolean][] = [
    // id, vcpus, ram MB, disk GB, volume type, allow_create
    [1, 1, 1024, 20, 1, true],
    [2, 2, 2048, 20, 1, true],
    [3, 4, 4096, 40, 1, true],
    [4, 1, 1024, 20, 2, true],
    [5, 2, 2048, 20, 2, true],
    [6, 8, 8192, 80, 1, false],
  ];
  for (const [id, vcpus, ram, disk, typeId, allowCreate] of flavors) {
    const template = state.volumeTypes.get(typeId)!.diskTemplate;
    state.flavors.set(id, { id, name: `C${vcpus}R${ram}D${disk}${template}`, vcpus, ram, disk, diskTemplate: template, volumeTypeId: typeId, allowCreate, public: true, deleted: false });
  }
  const images: [string, string, Record<string, string>][] = [
    ['Debian Base', 'debian_base-12.0-x86_64.diskdump', { os: 'debian', osfamily: 'linux', users: 'root', root_partition: '1', description: 'Debian 12 (bookworm) base system' }],
    ['Ubuntu Server', 'ubuntu_server-24.04-x86_64.diskdump', { os: 'ubuntu', osfamily: 'linux', users: 'user', root_partition: '1', description: 'Ubuntu 24.04 LTS server' }],
  ];
  for (const [name, object, properties] of images) {
    const id = host.random.uuid();
    state.images.set(id, {
      id, name, owner: SYSTEM_UUID, location: `pithos://${SYSTEM_UUID}/images/${object}`, diskFormat: 'diskdump', containerFormat: 'bare',
      size: 2147483648, checksum: host.random.hex(32), isPublic: true, properties, status: 'AVAILABLE', description: properties.description ?? '',
      isSnapshot: false, members: new Set(), created: now, updated: now, deleted: false, deletedAt: null,
    });
  }
  state.networks.set(PUBLIC_NETWORK_ID, {
    id: PUBLIC_NETWORK_ID, name: 'Public IPv4 Network', userId: null, project: null, sharedToProject: false, type: 'IP_LESS_ROUTED',
    public: true, floatingIpPool: true, status: 'ACTIVE', activeAt: now, subnets: [PUBLIC_SUBNET_ID], created: now, updated: now, deleted: false,
  });
  const cidr = parseCidr('203.0.113.0/24')!;
  state.subnets.set(PUBLIC_SUBNET_ID, {
    id: PUBLIC_SUBNET_ID, networkId: PUBLIC_NETWORK_ID, name: 'Public IPv4 Subnet', userId: null, public: true, cidr: '203.0.113.0/24',
    ipVersion: 4, gateway: '203.0.113.1', pools: [{ start: '203.0.113.2', end: '203.0.113.254' }], dhcp: true, dns: [], hostRoutes: [],
    allocated: new Set([cidr.first]), created: now, updated: now, deleted: false,
  });
  return state;
}

/**
 * Options of the Cyclades services, as `createSim('synnefo', { services: { compute: {...} } })`
 * would pass them (any of the four services takes all of them: they share one state).
 */
export interface CycladesServiceOptions extends Partial<CycladesTimings> {
  /** Whether the snapshot routes exist (default true). */
  snapshotsEnabled?: boolean;
  /** Whether rescue / unrescue work (default false: 404 featureNotEnabled). */
  rescueEnabled?: boolean;
}

const OPTION_NAMES = new Set(['buildMs', 'actionMs', 'portMs', 'volumeMs', 'snapshotMs', 'passwordMs', 'snapshotsEnabled', 'rescueEnabled']);

/** Applies service options to the shared state (unknown names and bad values are refused). */
export function configureCyclades(state: CycladesState, options: CycladesServiceOptions | undefined): void {
  if (!options) return;
  for (const [key, value] of Object.entries(options)) {
    if (!OPTION_NAMES.has(key)) throw new RangeError(`unknown Cyclades simulator option ${JSON.stringify(key)} (known: ${[...OPTION_NAMES].join(', ')})`);
    if (key === 'snapshotsEnabled' || key === 'rescueEnabled') {
      if (typeof value !== 'boolean') throw new RangeError(`${key} must be a boolean`);
      state[key] = value;
    } else {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`${key} must be a non-negative number of milliseconds`);
      state.timings[key as keyof CycladesTimings] = value;
    }
  }
}

/** Next id of a kind. */
export function nextId(state: CycladesState, kind: keyof CycladesState['counters']): number {
  return state.counters[kind]++;
}

/**
 * Applies every transition due by `now` (servers, ports, networks, volumes, snapshots), each
 * stamped with the time it happened so `changes-since` sees it then.
 */
export function settle(state: CycladesState, now: number): void {
  for (const s of state.servers.values()) {
    if (s.status === 'BUILD' && !s.task && now >= s.buildUntil) {
      s.status = 'ACTIVE';
      s.updated = s.buildUntil;
      s.diagnostics.push({ level: 'INFO', created: s.buildUntil, source: 'image-helper', sourceDate: s.buildUntil, message: 'Image customization finished successfully.', details: null });
    }
    if (s.task && now >= s.task.at) {
      const task = s.task;
      s.task = undefined;
      s.status = task.status;
      s.updated = task.at;
      if (task.action === 'DESTROY') finishDestroy(state, s, task.at);
      if (task.action === 'RESCUE') s.rescue = true;
      if (task.action === 'UNRESCUE') s.rescue = false;
    }
  }
  for (const p of state.ports.values()) {
    if (p.status === 'BUILD' && now >= p.activeAt) {
      const server = p.deviceId === null ? undefined : state.servers.get(p.deviceId);
      // A port goes ACTIVE once its server has been built.
      if (server && server.status === 'BUILD' && !server.task) continue;
      p.status = 'ACTIVE';
      p.updated = Math.max(p.activeAt, server?.buildUntil ?? 0);
    }
  }
  for (const n of state.networks.values()) {
    if (n.status === 'PENDING' && now >= n.activeAt) {
      n.status = 'ACTIVE';
      n.updated = n.activeAt;
    }
  }
  for (const v of state.volumes.values()) {
    if (v.pending && now >= v.pending.at) {
      const { status, at } = v.pending;
      v.pending = undefined;
      v.status = status;
      v.updated = at;
      if (status === 'available') {
        v.serverId = null;
        v.deviceIndex = null;
      }
      if (status === 'deleted') v.deleted = true;
    }
  }
  for (const snap of state.snapshots.values()) {
    if (snap.status === 'CREATING' && now >= snap.availableAt) {
      snap.status = 'AVAILABLE';
      snap.updated = snap.availableAt;
    }
  }
}

/** What a server's flavor costs in Astakos units (RAM and disk in bytes). */
export function flavorCost(flavor: FlavorRecord, running: boolean): Record<string, number> {
  const ram = flavor.ram * 2 ** 20;
  return {
    'cyclades.vm': 1,
    'cyclades.total_cpu': flavor.vcpus,
    'cyclades.total_ram': ram,
    'cyclades.disk': flavor.disk * 2 ** 30,
    ...(running ? { 'cyclades.cpu': flavor.vcpus, 'cyclades.ram': ram } : {}),
  };
}

/** The same changes with every amount negated (a release). */
export function negate(changes: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, -v]));
}

/** Whether a server counts as running for the `cyclades.cpu` / `cyclades.ram` quotas. */
export function isRunning(server: ServerRecord): boolean {
  return server.status !== 'STOPPED' && server.status !== 'DELETED' && server.status !== 'ERROR';
}

/** The user's server, or 404 `itemNotFound` (also for someone else's). */
export function ownedServer(state: CycladesState, user: SynnefoSimUser, id: string | number): ServerRecord {
  const server = state.servers.get(Number(id));
  if (!server || server.userId !== user.uuid) throw fault.itemNotFound(`Server ${id} not found`);
  return server;
}

/** Finishes a server's deletion: ports gone, floating IPs detached, volumes detached or deleted. */
function finishDestroy(state: CycladesState, server: ServerRecord, at: number): void {
  server.deleted = true;
  for (const port of state.ports.values()) {
    if (port.deviceId !== server.id || port.deleted) continue;
    releasePort(state, port, at);
  }
  for (const volume of state.volumes.values()) {
    if (volume.serverId !== server.id || volume.deleted) continue;
    if (volume.root || volume.deleteOnTermination) {
      volume.status = 'deleted';
      volume.deleted = true;
      volume.pending = undefined;
      if (!volume.root) state.host.charge(userOf(state, volume.userId), { 'cyclades.disk': -volume.size * 2 ** 30 }, volume.project);
    } else {
      volume.status = 'available';
      volume.pending = undefined;
    }
    volume.serverId = null;
    volume.deviceIndex = null;
    volume.updated = at;
  }
}

/** Deletes a port: its addresses go back to their pools and its floating IP is detached. */
export function releasePort(state: CycladesState, port: PortRecord, at: number): void {
  port.deleted = true;
  port.updated = at;
  for (const fixed of port.fixedIps) {
    const fip = port.floatingIpId ? state.floatingIps.get(port.floatingIpId) : undefined;
    if (fip && fip.address === fixed.ip) continue;
    state.subnets.get(fixed.subnetId)?.allocated.delete(ipToNumber(fixed.ip) ?? -1);
  }
  if (port.floatingIpId) {
    const fip = state.floatingIps.get(port.floatingIpId);
    if (fip) {
      fip.portId = null;
      fip.updated = at;
    }
    port.floatingIpId = undefined;
  }
  state.ports.delete(port.id);
}

/** The user a record belongs to (users are never removed from a running simulator). */
export function userOf(state: CycladesState, uuid: string): SynnefoSimUser {
  const user = state.host.findUser(uuid);
  if (!user) throw new Error(`unknown user ${uuid}`);
  return user;
}
