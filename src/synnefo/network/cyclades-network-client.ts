import { ConfigError } from '../../core/errors/config-error.js';
import { callInit, headerObject, type CallOptions } from '../compute/call-options.js';
import { NetworkClient } from './network-client.js';
import type { FloatingIp, Network, Port } from './types.js';

/** Network types Cyclades knows (kamaki `network_types`); a deployment enables some of them. */
export const NETWORK_TYPES: readonly string[] = Object.freeze(['CUSTOM', 'MAC_FILTERED', 'IP_LESS_ROUTED', 'PHYSICAL_VLAN']);

/** Options of Cyclades {@link CycladesNetworkClient.createNetwork}. */
export interface CycladesCreateNetworkOptions extends CallOptions {
  name?: string;
  shared?: boolean;
  /** The project to charge (default: the user's default project). */
  projectId?: string;
}

/** Options of Cyclades {@link CycladesNetworkClient.createPort}. */
export interface CycladesCreatePortOptions extends CallOptions {
  /** The server to connect. */
  deviceId?: string | number;
  securityGroups?: string[];
  name?: string;
  /** At most one `{ ip_address }`: a free address of the network, or one of your floating IPs on it. */
  fixedIps?: { ip_address: string }[];
}

/**
 * kamaki's `CycladesNetworkClient`: {@link NetworkClient} in Cyclades' dialect: networks need a
 * `type` and may name a project, lists are detailed, ports connect servers (`deviceId`) and
 * carry floating IPs, floating IPs and networks are reassigned between projects.
 */
export class CycladesNetworkClient extends NetworkClient {
  /** kamaki `network_types`. */
  static readonly networkTypes: readonly string[] = NETWORK_TYPES;

  /** Networks (Cyclades details them on both routes; `detail` picks `/networks/detail`). */
  override async listNetworks(detail: boolean | CallOptions = false, options?: CallOptions): Promise<Network[]> {
    const [d, o] = typeof detail === 'object' ? [false, detail] : [detail, options];
    const init = callInit(this.where('listNetworks'), o);
    return d ? (await this.get('/networks/detail', init)).data.networks : (await this.get('/networks', init)).data.networks;
  }

  /** Creates a private network of `type` (MAC_FILTERED on most deployments; 201), charged to `projectId`. */
  override async createNetwork(type: string, options: CycladesCreateNetworkOptions = {}): Promise<Network> {
    const init = callInit(this.where('createNetwork'), options, ['name', 'shared', 'projectId']);
    if (!NETWORK_TYPES.includes(type)) throw new ConfigError(`${this.where('createNetwork')}: type must be one of ${NETWORK_TYPES.join(', ')}`);
    const network: Record<string, unknown> = { type, admin_state_up: true };
    if (options.name) network.name = options.name;
    if (options.shared !== undefined) network.shared = Boolean(options.shared);
    if (options.projectId !== undefined) network.project = options.projectId;
    return (await this.post('/networks', { body: { network } as never, success: 201, ...init })).data.network;
  }

  protected override networkSpecKeys(): string[] {
    return ['type', 'name', 'shared', 'projectId'];
  }
  protected override networkSpecRequired(): string {
    return 'a type';
  }
  protected override networkSpecComplete(spec: Record<string, any>): boolean {
    return typeof spec.type === 'string' && spec.type !== '';
  }
  protected override createNetworkFromSpec(spec: Record<string, any>, options?: CallOptions): Promise<Network> {
    const { type, ...rest } = spec;
    return this.createNetwork(type, { ...rest, ...options });
  }

  /** Charges a network to another project (200). */
  async reassignNetwork(networkId: string, projectId: string, options: CallOptions & { sharedToProject?: boolean } = {}): Promise<Record<string, string>> {
    const init = callInit(this.where('reassignNetwork'), options, ['sharedToProject']);
    const reassign: Record<string, unknown> = { project: projectId };
    if (options.sharedToProject !== undefined) reassign.shared_to_project = options.sharedToProject;
    return headerObject((await this.post('/networks/{network_id}/action', { params: { path: { network_id: networkId } }, body: { reassign } as never, success: 200, ...init })).headers);
  }

  /** Your ports (detailed either way; `detail` picks `/ports/detail`). */
  override async listPorts(detail: boolean | CallOptions = false, options?: CallOptions): Promise<Port[]> {
    const [d, o] = typeof detail === 'object' ? [false, detail] : [detail, options];
    const init = callInit(this.where('listPorts'), o);
    return d ? (await this.get('/ports/detail', init)).data.ports : (await this.get('/ports', init)).data.ports;
  }

  /** Connects a server (`deviceId`) to a network, optionally with one IPv4 address or floating IP (201). */
  override async createPort(networkId: string, options: CycladesCreatePortOptions = {}): Promise<Port> {
    const where = this.where('createPort');
    const init = callInit(where, options, ['deviceId', 'securityGroups', 'name', 'fixedIps']);
    const port: Record<string, unknown> = { network_id: networkId };
    if (options.deviceId !== undefined && options.deviceId !== '') port.device_id = String(options.deviceId);
    if (options.securityGroups?.length) port.security_groups = options.securityGroups;
    if (options.name) port.name = options.name;
    if (options.fixedIps?.length) {
      for (const f of options.fixedIps) if (!f || typeof f.ip_address !== 'string') throw new ConfigError(`${where}: every fixedIps entry needs an ip_address`);
      if (options.fixedIps.length > 1) throw new ConfigError(`${where}: Cyclades takes at most one fixed IP per port`);
      port.fixed_ips = options.fixedIps;
    }
    return (await this.post('/ports', { body: { port } as never, success: 201, ...init })).data.port;
  }

  protected override portSpecKeys(): string[] {
    return ['networkId', 'deviceId', 'securityGroups', 'name', 'fixedIps'];
  }

  /** Allocates a floating IP (200), from `floatingNetworkId` or any pool, charged to `projectId`. */
  override async createFloatingip(floatingNetworkId?: string, options: CallOptions & { floatingIpAddress?: string | null; projectId?: string } = {}): Promise<FloatingIp> {
    const init = callInit(this.where('createFloatingip'), options, ['floatingIpAddress', 'projectId']);
    const floatingip: Record<string, unknown> = {};
    if (floatingNetworkId) floatingip.floating_network_id = floatingNetworkId;
    if (options.floatingIpAddress) floatingip.floating_ip_address = options.floatingIpAddress;
    if (options.projectId !== undefined) floatingip.project = options.projectId;
    return (await this.post('/floatingips', { body: { floatingip } as never, success: 200, ...init })).data.floatingip;
  }

  /**
   * Charges a floating IP to another project (200). kamaki named the first parameter
   * `floating_network_id`; it is the floating IP's id.
   */
  async reassignFloatingIp(floatingipId: string, projectId: string, options: CallOptions & { sharedToProject?: boolean } = {}): Promise<Record<string, string>> {
    const init = callInit(this.where('reassignFloatingIp'), options, ['sharedToProject']);
    const reassign: Record<string, unknown> = { project: projectId };
    if (options.sharedToProject !== undefined) reassign.shared_to_project = options.sharedToProject;
    return headerObject((await this.post('/floatingips/{floatingip_id}/action', { params: { path: { floatingip_id: floatingipId } }, body: { reassign } as never, success: 200, ...init })).headers);
  }
}
