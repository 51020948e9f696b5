import { isoTime } from '../cyclades-http.js';
import { floatingIpServer } from '../cyclades-ops.js';
import type { FloatingIpRecord, NetworkRecord, PortRecord, SubnetRecord } from '../cyclades-records.js';
import { links } from '../cyclades-request.js';
import type { CycladesState } from '../cyclades-state.js';

/** Network API renderings (Synnefo's `network_to_dict`, `subnet_to_dict`, `port_to_dict`, `ip_to_dict`). */

export function networkView(state: CycladesState, n: NetworkRecord): Record<string, unknown> {
  return {
    id: n.id, name: n.name, links: links(state.host.serviceUrl('network'), `networks/${n.id}`), user_id: n.userId, tenant_id: n.project,
    shared_to_project: n.sharedToProject, type: n.type, status: n.deleted ? 'DELETED' : n.status, public: n.public, shared: n.public,
    'router:external': n.public, admin_state_up: true, subnets: [...n.subnets], 'SNF:floating_ip_pool': n.floatingIpPool,
    created: isoTime(n.created), updated: isoTime(n.updated), deleted: n.deleted,
  };
}

export function subnetView(state: CycladesState, s: SubnetRecord): Record<string, unknown> {
  return {
    id: s.id, network_id: s.networkId, name: s.name, tenant_id: s.userId, user_id: s.userId, public: s.public, gateway_ip: s.gateway,
    ip_version: s.ipVersion, cidr: s.cidr, enable_dhcp: s.dhcp, dns_nameservers: [...s.dns], host_routes: [...s.hostRoutes],
    allocation_pools: s.pools.map((p) => ({ ...p })), deleted: s.deleted, links: links(state.host.serviceUrl('network'), `subnets/${s.id}`),
  };
}

export function portView(state: CycladesState, p: PortRecord): Record<string, unknown> {
  return {
    id: p.id, name: p.name, links: links(state.host.serviceUrl('network'), `ports/${p.id}`), user_id: p.userId, tenant_id: p.userId,
    device_id: p.deviceId === null ? null : String(p.deviceId), admin_state_up: true, mac_address: p.mac, status: p.status,
    device_owner: p.deviceId === null ? null : 'vm', network_id: p.networkId,
    fixed_ips: p.fixedIps.map((f) => ({ ip_address: f.ip, subnet: f.subnetId })), security_groups: [...p.securityGroups],
    created: isoTime(p.created), updated: isoTime(p.updated),
  };
}

export function networkFloatingIpView(state: CycladesState, f: FloatingIpRecord): Record<string, unknown> {
  const server = floatingIpServer(state, f);
  return {
    id: f.id, floating_ip_address: f.address, fixed_ip_address: null, instance_id: server === null ? null : String(server), port_id: f.portId,
    floating_network_id: f.networkId, user_id: f.userId, tenant_id: f.project, shared_to_project: f.sharedToProject, deleted: f.deleted,
  };
}
