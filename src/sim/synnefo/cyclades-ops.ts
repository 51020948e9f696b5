import { fault } from './cyclades-http.js';
import { inCidr, ipToNumber, numberToIp, parseCidr } from './cyclades-ip.js';
import type { FloatingIpRecord, NetworkRecord, PortRecord, ServerRecord, SubnetRecord, VolumeRecord } from './cyclades-records.js';
import { nextId, PUBLIC_NETWORK_ID, type CycladesState } from './cyclades-state.js';
import type { SynnefoSimUser } from './host.js';

/** Operations that cross services: ports (compute and network), floating IPs, volume attachment. */

/** A network the user may use: public ones, their own, or shared to their project. */
export function usableNetwork(state: CycladesState, user: SynnefoSimUser, id: string): NetworkRecord {
  const network = state.networks.get(id);
  if (!network || network.deleted || !(network.public || network.userId === user.uuid)) throw fault.itemNotFound(`Network ${id} not found`);
  return network;
}

/** The first IPv4 subnet of a network, if it has one. */
export function ipv4Subnet(state: CycladesState, network: NetworkRecord): SubnetRecord | undefined {
  for (const id of network.subnets) {
    const subnet = state.subnets.get(id);
    if (subnet && !subnet.deleted && subnet.ipVersion === 4) return subnet;
  }
  return undefined;
}

/** Takes an address from a subnet's pools: `wanted` if given and free, else the first free one. */
export function allocateIp(subnet: SubnetRecord, wanted?: string): string {
  const cidr = parseCidr(subnet.cidr);
  if (!cidr) throw fault.badRequest(`Subnet ${subnet.id} has no IPv4 pool`);
  if (wanted !== undefined) {
    const n = ipToNumber(wanted);
    if (n === undefined || !inCidr(n, cidr)) throw fault.badRequest(`Invalid IPv4 address '${wanted}'`);
    if (subnet.allocated.has(n)) throw fault.conflict(`IP address '${wanted}' is already in use`);
    subnet.allocated.add(n);
    return wanted;
  }
  for (const pool of subnet.pools) {
    const start = ipToNumber(pool.start) ?? cidr.first;
    const end = ipToNumber(pool.end) ?? cidr.last;
    for (let n = start; n <= end; n++) {
      if (!subnet.allocated.has(n)) {
        subnet.allocated.add(n);
        return numberToIp(n);
      }
    }
  }
  throw fault.conflict(`No more IP addresses available on network ${subnet.networkId}`);
}

function nextMac(state: CycladesState): string {
  const n = nextId(state, 'mac');
  return ['aa', '00', '00', (n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => (typeof x === 'string' ? x : x.toString(16).padStart(2, '0'))).join(':');
}

export interface PortSpec {
  networkId: string;
  deviceId: number | null;
  name?: string;
  /** An address asked for: a floating IP of the user on that network, or a free fixed address. */
  address?: string;
  securityGroups?: string[];
}

/**
 * Creates a port (a server's connection to a network). On a public network an address that is
 * one of the user's floating IPs attaches that IP (what `kamaki ip attach` does); a server's port
 * starts BUILD and goes ACTIVE after `portMs` once the server is built; a port with no device is DOWN.
 */
export function createPort(state: CycladesState, user: SynnefoSimUser, spec: PortSpec, now: number): PortRecord {
  const network = usableNetwork(state, user, spec.networkId);
  let floating: FloatingIpRecord | undefined;
  const fixedIps: PortRecord['fixedIps'] = [];
  if (spec.address !== undefined) {
    floating = [...state.floatingIps.values()].find((f) => !f.deleted && f.address === spec.address && f.networkId === network.id);
    if (floating) {
      if (floating.userId !== user.uuid) throw fault.forbidden(`Floating IP '${spec.address}' does not belong to you`);
      if (floating.portId !== null) throw fault.conflict(`Floating IP '${spec.address}' is in use`);
      fixedIps.push({ ip: floating.address, subnetId: floating.subnetId });
    } else if (network.public) {
      throw fault.badRequest(`'${spec.address}' is not one of your floating IPs on network ${network.id}`);
    }
  }
  if (!floating) {
    const subnet = ipv4Subnet(state, network);
    if (subnet) fixedIps.push({ ip: allocateIp(subnet, spec.address), subnetId: subnet.id });
  }
  const id = String(nextId(state, 'port'));
  const port: PortRecord = {
    id, name: spec.name ?? '', userId: user.uuid, networkId: network.id, deviceId: spec.deviceId, mac: nextMac(state),
    status: spec.deviceId === null ? 'DOWN' : 'BUILD', activeAt: now + state.timings.portMs, fixedIps,
    securityGroups: spec.securityGroups ?? [], firewallProfile: network.public ? 'DISABLED' : undefined,
    floatingIpId: floating?.id, created: now, updated: now, deleted: false,
  };
  state.ports.set(id, port);
  if (floating) {
    floating.portId = id;
    floating.updated = now;
  }
  return port;
}

/** A server's connections as the request described them (`networks` of create server). */
export function connectServer(state: CycladesState, user: SynnefoSimUser, server: ServerRecord, networks: unknown[] | undefined, now: number): void {
  if (networks === undefined) {
    // Cyclades' default policy (CYCLADES_DEFAULT_SERVER_NETWORKS): one NIC on the public network.
    createPort(state, user, { networkId: PUBLIC_NETWORK_ID, deviceId: server.id }, now);
    return;
  }
  for (const raw of networks) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw fault.badRequest('Malformed request. Invalid \'networks\' field');
    const item = raw as Record<string, unknown>;
    if (typeof item.port === 'string' || typeof item.port === 'number') {
      const port = state.ports.get(String(item.port));
      if (!port || port.userId !== user.uuid) throw fault.itemNotFound(`Port ${String(item.port)} not found`);
      if (port.deviceId !== null) throw fault.conflict(`Port ${port.id} is in use`);
      port.deviceId = server.id;
      port.status = 'BUILD';
      port.activeAt = now + state.timings.portMs;
      port.updated = now;
      continue;
    }
    if (typeof item.uuid !== 'string') throw fault.badRequest('Malformed request. Missing attribute \'uuid\'.');
    createPort(state, user, { networkId: item.uuid, deviceId: server.id, ...(typeof item.fixed_ip === 'string' ? { address: item.fixed_ip } : {}) }, now);
  }
}

/** Allocates a floating IP (charging `cyclades.floating_ip`), from a given pool network or any. */
export function allocateFloatingIp(
  state: CycladesState,
  user: SynnefoSimUser,
  options: { networkId?: string | undefined; address?: string | undefined; project?: string | undefined },
  now: number,
): FloatingIpRecord {
  let network: NetworkRecord | undefined;
  if (options.networkId !== undefined) {
    network = state.networks.get(options.networkId);
    if (!network || network.deleted) throw fault.itemNotFound(`Network ${options.networkId} not found`);
    if (!network.floatingIpPool) throw fault.badRequest(`Network ${network.id} is not a floating IP pool`);
  } else {
    network = [...state.networks.values()].find((n) => n.floatingIpPool && !n.deleted);
    if (!network) throw fault.conflict('No floating IP pool available');
  }
  const subnet = ipv4Subnet(state, network);
  if (!subnet) throw fault.conflict(`Network ${network.id} has no IPv4 subnet`);
  const project = options.project ?? user.defaultProject;
  // Quota first: a refused commission must leave the pool untouched.
  state.host.charge(user, { 'cyclades.floating_ip': 1 }, project);
  let address: string;
  try {
    address = allocateIp(subnet, options.address);
  } catch (e) {
    state.host.charge(user, { 'cyclades.floating_ip': -1 }, project);
    throw e;
  }
  const fip: FloatingIpRecord = {
    id: String(nextId(state, 'floatingIp')), address, networkId: network.id, subnetId: subnet.id, userId: user.uuid, project,
    sharedToProject: false, portId: null, created: now, updated: now, deleted: false,
  };
  state.floatingIps.set(fip.id, fip);
  return fip;
}

/** The user's floating IP, or 404. */
export function ownedFloatingIp(state: CycladesState, user: SynnefoSimUser, id: string): FloatingIpRecord {
  const fip = state.floatingIps.get(id);
  if (!fip || fip.deleted || fip.userId !== user.uuid) throw fault.itemNotFound(`Floating IP ${id} not found`);
  return fip;
}

/** Releases a floating IP (409 while attached) and its quota. */
export function releaseFloatingIp(state: CycladesState, user: SynnefoSimUser, fip: FloatingIpRecord, now: number): void {
  if (fip.portId !== null) throw fault.conflict(`Floating IP '${fip.address}' is in use`);
  fip.deleted = true;
  fip.updated = now;
  state.subnets.get(fip.subnetId)?.allocated.delete(ipToNumber(fip.address) ?? -1);
  state.floatingIps.delete(fip.id);
  state.host.charge(user, { 'cyclades.floating_ip': -1 }, fip.project);
}

/** The server a floating IP is attached to, through its port. */
export function floatingIpServer(state: CycladesState, fip: FloatingIpRecord): number | null {
  const port = fip.portId === null ? undefined : state.ports.get(fip.portId);
  return port?.deviceId ?? null;
}

/** Attaches a volume to a server: `attaching` → `in_use` after `volumeMs`. */
export function attachVolume(state: CycladesState, server: ServerRecord, volume: VolumeRecord, now: number, creating = false): void {
  if (!creating) {
    if (volume.status !== 'available') throw fault.badRequest(`Cannot attach volume while volume is in '${volume.status}' status.`);
    // A non-detachable volume (drbd) exists only as created on its server.
    const type = state.volumeTypes.get(volume.typeId);
    if (type && !type.detachable) throw fault.badRequest(`Volume type '${type.name}' is not detachable.`);
  }
  const used = new Set([...state.volumes.values()].filter((v) => v.serverId === server.id && !v.deleted).map((v) => v.deviceIndex));
  let index = 0;
  while (used.has(index)) index++;
  volume.serverId = server.id;
  volume.deviceIndex = index;
  volume.status = creating ? 'creating' : 'attaching';
  volume.pending = { status: 'in_use', at: now + state.timings.volumeMs };
  volume.updated = now;
}

/** Detaches a volume: `detaching` → `available` after `volumeMs`. */
export function detachVolume(state: CycladesState, volume: VolumeRecord, now: number): void {
  if (volume.root) throw fault.badRequest('Cannot detach the root volume of a server.');
  if (volume.status !== 'in_use') throw fault.badRequest(`Cannot detach volume while volume is in '${volume.status}' status.`);
  volume.status = 'detaching';
  volume.pending = { status: 'available', at: now + state.timings.volumeMs };
  volume.updated = now;
}
