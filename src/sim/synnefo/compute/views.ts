import { isoTime } from '../cyclades-http.js';
import type { DiagnosticRecord, FlavorRecord, ImageRecord, KeypairRecord, PortRecord, ServerRecord, VolumeRecord } from '../cyclades-records.js';
import { links } from '../cyclades-request.js';
import type { CycladesState } from '../cyclades-state.js';

/** Compute API renderings (Synnefo's `vm_to_dict`, `flavor_to_dict`, `image_to_dict`). */

const TASK_STATUS: Record<string, string> = { REBOOT: 'REBOOT', RESIZE: 'RESIZE' };

/** The status the API shows: a running reboot or resize shows as REBOOT / RESIZE. */
export function serverStatus(server: ServerRecord): string {
  return (server.task && TASK_STATUS[server.task.action]) ?? server.status;
}

function progress(server: ServerRecord, now: number): number {
  if (server.status !== 'BUILD') return 100;
  const span = Math.max(1, server.buildUntil - server.created);
  return Math.min(99, Math.floor(((now - server.created) / span) * 100));
}

export function diagnosticView(d: DiagnosticRecord): Record<string, unknown> {
  return { level: d.level, created: isoTime(d.created), source: d.source, source_date: isoTime(d.sourceDate), message: d.message, details: d.details };
}

/** One NIC as `attachments` lists it (`nic_to_attachments`). */
export function attachmentView(state: CycladesState, port: PortRecord): Record<string, unknown> {
  const network = state.networks.get(port.networkId);
  const ipv4 = port.fixedIps[0]?.ip ?? '';
  const out: Record<string, unknown> = {
    id: port.id,
    network_id: port.networkId,
    mac_address: port.mac,
    ipv4,
    ipv6: '',
    'OS-EXT-IPS:type': port.floatingIpId ? 'floating' : 'fixed',
  };
  if (network?.public) out.firewallProfile = port.firewallProfile ?? 'DISABLED';
  return out;
}

/** The server's active NICs, by port id. */
export function activePorts(state: CycladesState, server: ServerRecord): PortRecord[] {
  return [...state.ports.values()].filter((p) => p.deviceId === server.id && p.status === 'ACTIVE' && !p.deleted).sort((a, b) => Number(a.id) - Number(b.id));
}

/** `addresses`: network id → addresses (a dict, not the list the docs show). */
export function addressesOf(state: CycladesState, ports: PortRecord[]): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const port of ports) {
    const list = (out[port.networkId] ??= []);
    for (const fixed of port.fixedIps) list.push({ version: 4, addr: fixed.ip, 'OS-EXT-IPS:type': port.floatingIpId ? 'floating' : 'fixed' });
  }
  return out;
}

export function serverVolumes(state: CycladesState, server: ServerRecord): VolumeRecord[] {
  return [...state.volumes.values()].filter((v) => v.serverId === server.id && !v.deleted).sort((a, b) => a.id - b.id);
}

export function serverView(state: CycladesState, server: ServerRecord, detail: boolean, now: number): Record<string, unknown> {
  const base = state.host.serviceUrl('compute');
  const out: Record<string, unknown> = { id: server.id, name: server.name, links: links(base, `servers/${server.id}`) };
  if (!detail) return out;
  const ports = activePorts(state, server);
  const publicIp = ports.find((p) => state.networks.get(p.networkId)?.public)?.fixedIps[0]?.ip;
  const last = server.diagnostics[server.diagnostics.length - 1];
  return {
    ...out,
    user_id: server.userId,
    tenant_id: server.project,
    shared_to_project: server.sharedToProject,
    status: serverStatus(server),
    'SNF:task_state': server.task?.taskState ?? (server.status === 'BUILD' ? 'BUILDING' : ''),
    progress: progress(server, now),
    hostId: server.hostId,
    updated: isoTime(server.updated),
    created: isoTime(server.created),
    flavor: { id: server.flavorId, links: links(base, `flavors/${server.flavorId}`) },
    image: { id: server.imageId, links: links(base, `images/${server.imageId}`) },
    suspended: false,
    metadata: { ...server.metadata },
    tags: [...server.tags].filter(([, status]) => status === 'ACTIVE').map(([tag]) => tag),
    attachments: ports.map((p) => attachmentView(state, p)),
    addresses: addressesOf(state, ports),
    volumes: serverVolumes(state, server).map((v) => v.id),
    diagnostics: last ? [diagnosticView(last)] : [],
    security_groups: [{ name: 'default' }],
    key_name: server.keyNames[0] ?? null,
    'SNF:key_names': [...server.keyNames],
    config_drive: '',
    accessIPv4: '',
    accessIPv6: '',
    'SNF:fqdn': publicIp ? `snf-${server.id}.vm.sim.invalid` : null,
    'SNF:port_forwarding': {},
    deleted: server.deleted,
    'SNF:rescue': server.rescue,
  };
}

export function flavorView(state: CycladesState, flavor: FlavorRecord, detail: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: flavor.id, name: flavor.name, links: links(state.host.serviceUrl('compute'), `flavors/${flavor.id}`) };
  if (!detail) return out;
  return {
    ...out,
    ram: flavor.ram,
    disk: flavor.disk,
    vcpus: flavor.vcpus,
    'os-flavor-access:is_public': flavor.public,
    'SNF:disk_template': flavor.diskTemplate,
    'SNF:volume_type': flavor.volumeTypeId,
    'SNF:allow_create': flavor.allowCreate,
    'SNF:flavor-access': [],
  };
}

/** Compute's view of a Plankton image: ACTIVE where Plankton says AVAILABLE. */
export function computeImageView(state: CycladesState, image: ImageRecord, detail: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: image.id, name: image.name, links: links(state.host.serviceUrl('compute'), `images/${image.id}`) };
  if (!detail) return out;
  const status = image.deleted ? 'DELETED' : image.status === 'AVAILABLE' ? 'ACTIVE' : image.status === 'SAVING' ? 'SAVING' : image.status === 'ERROR' ? 'ERROR' : 'UNKNOWN';
  return {
    ...out,
    created: isoTime(image.created),
    updated: isoTime(image.updated),
    progress: status === 'ACTIVE' ? 100 : 0,
    user_id: image.owner,
    tenant_id: image.owner,
    public: image.isPublic,
    is_snapshot: image.isSnapshot,
    status,
    metadata: { ...image.properties },
  };
}

export function keypairView(key: KeypairRecord, full: boolean, userId: string): Record<string, unknown> {
  const out: Record<string, unknown> = { name: key.name, fingerprint: key.fingerprint, public_key: key.publicKey };
  if (!full) return out;
  return { ...out, id: key.id, user_id: userId, created_at: isoTime(key.created), updated_at: isoTime(key.created), deleted_at: null, deleted: false };
}
