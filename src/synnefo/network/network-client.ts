import { ConfigError } from '../../core/errors/config-error.js';
import { checkOptions } from '../../core/options.js';
import { Client, type SynnefoClientOptions } from '../base/client.js';
import { WAIT_OPTION_NAMES, waitUntilStatus, waitWhileStatus, type SynnefoWaitOptions } from '../base/wait.js';
import { callInit, headerObject, type CallOptions } from '../compute/call-options.js';
import { operations } from '../generated/synnefo-network.meta.js';
import type { paths } from '../generated/synnefo-network.js';
import { createAll, specList } from './batch.js';
import type { FloatingIp, Network, Port, Subnet } from './types.js';

/** Options of Neutron {@link NetworkClient.createNetwork}. */
export interface CreateNetworkOptions extends CallOptions {
  adminStateUp?: boolean;
  shared?: boolean;
}

/** Options of {@link NetworkClient.createSubnet} (kamaki's keyword parameters). */
export interface CreateSubnetOptions extends CallOptions {
  name?: string;
  /** `[{ start, end }]` address ranges. */
  allocationPools?: { start: string; end: string }[];
  /** `undefined`: the server's default (the CIDR's first host); `''` or `null`: no gateway. */
  gatewayIp?: string | null;
  /** The subnet id to use. */
  subnetId?: string;
  /** IPv6 (`ip_version` 6) instead of IPv4. */
  ipv6?: boolean;
  enableDhcp?: boolean;
}

/** Options of {@link NetworkClient.updateSubnet}. */
export interface UpdateSubnetOptions extends CallOptions {
  name?: string;
  allocationPools?: { start: string; end: string }[];
  gatewayIp?: string;
  ipv6?: boolean;
  enableDhcp?: boolean;
}

/** Options of Neutron {@link NetworkClient.createPort} / {@link NetworkClient.updatePort}. */
export interface PortOptions extends CallOptions {
  name?: string;
  status?: string;
  adminStateUp?: boolean;
  macAddress?: string;
  fixedIps?: { ip_address?: string; subnet_id?: string }[];
  securityGroups?: string[];
}

/** Options of Neutron {@link NetworkClient.createFloatingip} / {@link NetworkClient.updateFloatingip}. */
export interface FloatingipOptions extends CallOptions {
  floatingIpAddress?: string | null;
  portId?: string | null;
  fixedIpAddress?: string | null;
}

const SUBNET_OPTIONS = ['name', 'allocationPools', 'gatewayIp', 'subnetId', 'ipv6', 'enableDhcp'];
const PORT_OPTIONS = ['name', 'status', 'adminStateUp', 'macAddress', 'fixedIps', 'securityGroups'];
/** Batch spec keys: kamaki's snake_case names and their camelCase forms. */
const SNAKE: Readonly<Record<string, string>> = Object.freeze({
  admin_state_up: 'adminStateUp', network_id: 'networkId', allocation_pools: 'allocationPools', gateway_ip: 'gatewayIp', subnet_id: 'subnetId',
  enable_dhcp: 'enableDhcp', mac_address: 'macAddress', fixed_ips: 'fixedIps', security_groups: 'securityGroups', device_id: 'deviceId', project_id: 'projectId',
});

/** A batch spec with kamaki's snake_case keys turned camelCase (the input is not modified). */
export function camelSpec(where: string, spec: Record<string, unknown>, allowed: readonly string[]): Record<string, any> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) out[SNAKE[k] ?? k] = v;
  checkOptions(where, out, allowed);
  return out;
}

/**
 * kamaki's `NetworkClient`: the OpenStack Neutron v2.0 API (networks, subnets, ports, floating
 * IPs) with port waiters. On Cyclades use {@link CycladesNetworkClient}, which speaks Cyclades'
 * dialect (network `type`, projects, details on list). Batch creates go one at a time and roll
 * back what they made when a later one fails (Cyclades has no bulk create).
 */
export class NetworkClient extends Client<paths> {
  static override readonly serviceType: string = 'network';
  static override readonly DEFAULT_API_VERSION: string | undefined = '2.0';

  constructor(options: SynnefoClientOptions) {
    super(options, { operations });
  }

  /** @internal `ClassName.method()` for messages. */
  protected where(method: string): string {
    return `${this.constructor.name}.${method}()`;
  }

  /** Networks you can see (public ones and your own). */
  async listNetworks(options?: CallOptions): Promise<Network[]> {
    return (await this.get('/networks', callInit(this.where('listNetworks'), options))).data.networks;
  }

  /** Creates a network (Neutron: `name`, `admin_state_up`; Cyclades refuses it without `type`, see CycladesNetworkClient). */
  async createNetwork(name: string, options: CreateNetworkOptions = {}): Promise<Network> {
    const init = callInit(this.where('createNetwork'), options, ['adminStateUp', 'shared']);
    const network: Record<string, unknown> = { name, admin_state_up: Boolean(options.adminStateUp) };
    if (options.shared !== undefined) network.shared = Boolean(options.shared);
    return (await this.post('/networks', { body: { network } as never, success: 201, ...init })).data.network;
  }

  /**
   * Creates several networks, one at a time; if one fails, the ones created are deleted again and
   * a `BatchCreateError` says what happened. Specs: `{ name, adminStateUp?, shared? }` (kamaki's
   * snake_case keys work too); validated before anything is sent, never modified.
   */
  async createNetworks(networks: readonly Record<string, unknown>[], options?: CallOptions): Promise<Network[]> {
    const where = this.where('createNetworks');
    callInit(where, options);
    const specs = specList(where, networks, 'network').map((s) => camelSpec(where, s, this.networkSpecKeys()));
    specs.forEach((s, i) => {
      if (!this.networkSpecComplete(s)) throw new ConfigError(`${where}: network specification #${i + 1} lacks ${this.networkSpecRequired()}`);
    });
    return createAll('network', specs.length, (i) => this.createNetworkFromSpec(specs[i]!, options), (n) => this.deleteNetwork(n.id, options));
  }

  /** @internal Batch spec keys of a network. */
  protected networkSpecKeys(): string[] {
    return ['name', 'adminStateUp', 'shared'];
  }
  /** @internal */
  protected networkSpecRequired(): string {
    return 'a name';
  }
  /** @internal */
  protected networkSpecComplete(spec: Record<string, any>): boolean {
    return typeof spec.name === 'string' && spec.name !== '';
  }
  /** @internal One network of a batch. */
  protected createNetworkFromSpec(spec: Record<string, any>, options?: CallOptions): Promise<Network> {
    const { name, ...rest } = spec;
    return this.createNetwork(name, { ...rest, ...options });
  }

  /** One network. */
  async getNetworkDetails(networkId: string, options?: CallOptions): Promise<Network> {
    return (await this.get('/networks/{network_id}', { params: { path: { network_id: networkId } }, ...callInit(this.where('getNetworkDetails'), options) })).data.network;
  }

  /** Updates a network (Cyclades only renames and requires `name`). */
  async updateNetwork(networkId: string, options: CallOptions & { name?: string; adminStateUp?: boolean; shared?: boolean } = {}): Promise<Network> {
    const init = callInit(this.where('updateNetwork'), options, ['name', 'adminStateUp', 'shared']);
    const network: Record<string, unknown> = {};
    if (options.name) network.name = options.name;
    if (options.adminStateUp !== undefined) network.admin_state_up = options.adminStateUp;
    if (options.shared !== undefined) network.shared = options.shared;
    return (await this.put('/networks/{network_id}', { params: { path: { network_id: networkId } }, body: { network }, ...init })).data.network;
  }

  /** Deletes a network (204; `NetworkInUse` 421 while ports remain). */
  async deleteNetwork(networkId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/networks/{network_id}', { params: { path: { network_id: networkId } }, success: 204, ...callInit(this.where('deleteNetwork'), options) })).headers);
  }

  /** Subnets you can see. */
  async listSubnets(options?: CallOptions): Promise<Subnet[]> {
    return (await this.get('/subnets', callInit(this.where('listSubnets'), options))).data.subnets;
  }

  /** Creates a subnet on a network (201). */
  async createSubnet(networkId: string, cidr: string, options: CreateSubnetOptions = {}): Promise<Subnet> {
    const init = callInit(this.where('createSubnet'), options, SUBNET_OPTIONS);
    const subnet: Record<string, unknown> = { network_id: networkId, cidr, ip_version: options.ipv6 ? 6 : 4 };
    if (options.name) subnet.name = options.name;
    if (options.allocationPools?.length) subnet.allocation_pools = options.allocationPools;
    if (options.gatewayIp !== undefined) subnet.gateway_ip = options.gatewayIp || null;
    if (options.subnetId) subnet.id = options.subnetId;
    if (options.enableDhcp !== undefined) subnet.enable_dhcp = Boolean(options.enableDhcp);
    return (await this.post('/subnets', { body: { subnet } as never, success: 201, ...init })).data.subnet;
  }

  /**
   * Creates several subnets one at a time (specs `{ networkId, cidr, ...createSubnet options }`,
   * kamaki's snake_case keys too). On failure the created ones are deleted again where the server
   * allows it (Cyclades does not delete subnets: they are reported in `leftBehind`).
   */
  async createSubnets(subnets: readonly Record<string, unknown>[], options?: CallOptions): Promise<Subnet[]> {
    const where = this.where('createSubnets');
    callInit(where, options);
    const specs = specList(where, subnets, 'subnet').map((s) => camelSpec(where, s, ['networkId', 'cidr', ...SUBNET_OPTIONS]));
    specs.forEach((s, i) => {
      if (!s.networkId) throw new ConfigError(`${where}: subnet specification #${i + 1} lacks networkId`);
      if (!s.cidr) throw new ConfigError(`${where}: subnet specification #${i + 1} lacks cidr`);
    });
    return createAll('subnet', specs.length, (i) => {
      const { networkId, cidr, ...rest } = specs[i]!;
      return this.createSubnet(networkId, cidr, { ...rest, ...options });
    }, (s) => this.deleteSubnet(s.id, options));
  }

  /** One subnet (kamaki returned the whole `{subnet: …}` reply; opskit returns the subnet). */
  async getSubnetDetails(subnetId: string, options?: CallOptions): Promise<Subnet> {
    return (await this.get('/subnets/{subnet_id}', { params: { path: { subnet_id: subnetId } }, ...callInit(this.where('getSubnetDetails'), options) })).data.subnet;
  }

  /** Updates a subnet (Cyclades accepts only `name`). */
  async updateSubnet(subnetId: string, options: UpdateSubnetOptions = {}): Promise<Subnet> {
    const init = callInit(this.where('updateSubnet'), options, ['name', 'allocationPools', 'gatewayIp', 'ipv6', 'enableDhcp']);
    const subnet: Record<string, unknown> = {};
    if (options.name !== undefined) subnet.name = options.name;
    if (options.allocationPools !== undefined) subnet.allocation_pools = options.allocationPools;
    if (options.gatewayIp !== undefined) subnet.gateway_ip = options.gatewayIp;
    if (options.ipv6 !== undefined) subnet.ip_version = options.ipv6 ? 6 : 4;
    if (options.enableDhcp !== undefined) subnet.enable_dhcp = options.enableDhcp;
    return (await this.put('/subnets/{subnet_id}', { params: { path: { subnet_id: subnetId } }, body: { subnet } as never, ...init })).data.subnet;
  }

  /** Deletes a subnet (Neutron 204; Cyclades always answers 400: a subnet goes with its network). */
  async deleteSubnet(subnetId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/subnets/{subnet_id}', { params: { path: { subnet_id: subnetId } }, success: 204, ...callInit(this.where('deleteSubnet'), options) })).headers);
  }

  /** Your ports. */
  async listPorts(options?: CallOptions): Promise<Port[]> {
    return (await this.get('/ports', callInit(this.where('listPorts'), options))).data.ports;
  }

  /** @internal The Neutron port body. */
  protected portBody(networkId: string | undefined, o: PortOptions): Record<string, unknown> {
    const port: Record<string, unknown> = {};
    if (networkId !== undefined) port.network_id = networkId;
    if (o.name) port.name = o.name;
    if (o.status) port.status = o.status;
    if (o.adminStateUp !== undefined) port.admin_state_up = Boolean(o.adminStateUp);
    if (o.macAddress) port.mac_address = o.macAddress;
    if (o.fixedIps?.length) port.fixed_ips = o.fixedIps;
    if (o.securityGroups?.length) port.security_groups = o.securityGroups;
    return port;
  }

  /** Creates a port on a network (Neutron form; 201). */
  async createPort(networkId: string, options: PortOptions = {}): Promise<Port> {
    const init = callInit(this.where('createPort'), options, PORT_OPTIONS);
    return (await this.post('/ports', { body: { port: this.portBody(networkId, options) } as never, success: 201, ...init })).data.port;
  }

  /** Creates several ports one at a time (specs `{ networkId, ...createPort options }`), deleting them again if a later one fails. */
  async createPorts(ports: readonly Record<string, unknown>[], options?: CallOptions): Promise<Port[]> {
    const where = this.where('createPorts');
    callInit(where, options);
    const specs = specList(where, ports, 'port').map((s) => camelSpec(where, s, this.portSpecKeys()));
    specs.forEach((s, i) => {
      if (!s.networkId) throw new ConfigError(`${where}: port specification #${i + 1} lacks networkId`);
    });
    return createAll('port', specs.length, (i) => {
      const { networkId, ...rest } = specs[i]!;
      return this.createPort(networkId, { ...rest, ...options });
    }, (p) => this.deletePort(p.id, options));
  }

  /** @internal Batch spec keys of a port. */
  protected portSpecKeys(): string[] {
    return ['networkId', ...PORT_OPTIONS];
  }

  /** One port. */
  async getPortDetails(portId: string, options?: CallOptions): Promise<Port> {
    return (await this.get('/ports/{port_id}', { params: { path: { port_id: portId } }, ...callInit(this.where('getPortDetails'), options) })).data.port;
  }

  /** Deletes a port (204): disconnects its server. */
  async deletePort(portId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/ports/{port_id}', { params: { path: { port_id: portId } }, success: 204, ...callInit(this.where('deletePort'), options) })).headers);
  }

  /** Updates a port (kamaki sends `network_id` too; Cyclades honours only `name` and `securityGroups`). */
  async updatePort(portId: string, networkId: string, options: PortOptions = {}): Promise<Port> {
    const init = callInit(this.where('updatePort'), options, PORT_OPTIONS);
    return (await this.put('/ports/{port_id}', { params: { path: { port_id: portId } }, body: { port: this.portBody(networkId, options) } as never, ...init })).data.port;
  }

  /** Your floating IPs. */
  async listFloatingips(options?: CallOptions): Promise<FloatingIp[]> {
    return (await this.get('/floatingips', callInit(this.where('listFloatingips'), options))).data.floatingips;
  }

  /** One floating IP. */
  async getFloatingipDetails(floatingipId: string, options?: CallOptions): Promise<FloatingIp> {
    return (await this.get('/floatingips/{floatingip_id}', { params: { path: { floatingip_id: floatingipId } }, ...callInit(this.where('getFloatingipDetails'), options) })).data.floatingip;
  }

  /** Allocates a floating IP from a network (Neutron form; answers 200). */
  async createFloatingip(floatingNetworkId?: string, options: FloatingipOptions & { projectId?: string } = {}): Promise<FloatingIp> {
    const init = callInit(this.where('createFloatingip'), options, ['floatingIpAddress', 'portId', 'fixedIpAddress']);
    const floatingip: Record<string, unknown> = {};
    if (floatingNetworkId) floatingip.floating_network_id = floatingNetworkId;
    if (options.floatingIpAddress) floatingip.floating_ip_address = options.floatingIpAddress;
    if (options.portId) floatingip.port_id = options.portId;
    if (options.fixedIpAddress) floatingip.fixed_ip_address = options.fixedIpAddress;
    return (await this.post('/floatingips', { body: { floatingip } as never, success: 200, ...init })).data.floatingip;
  }

  /** Updates a floating IP (Neutron; Cyclades answers 501). `null` clears a field. */
  async updateFloatingip(floatingipId: string, options: FloatingipOptions = {}): Promise<FloatingIp> {
    const init = callInit(this.where('updateFloatingip'), options, ['floatingIpAddress', 'portId', 'fixedIpAddress']);
    const floatingip: Record<string, unknown> = {};
    if (options.floatingIpAddress !== undefined) floatingip.floating_ip_address = options.floatingIpAddress;
    if (options.portId !== undefined) floatingip.port_id = options.portId;
    if (options.fixedIpAddress !== undefined) floatingip.fixed_ip_address = options.fixedIpAddress;
    return (await this.put('/floatingips/{floatingip_id}', { params: { path: { floatingip_id: floatingipId } }, body: { floatingip } as never, ...init })).data.floatingip;
  }

  /** Releases a floating IP (204; 409 while attached). */
  async deleteFloatingip(floatingipId: string, options?: CallOptions): Promise<Record<string, string>> {
    return headerObject((await this.delete('/floatingips/{floatingip_id}', { params: { path: { floatingip_id: floatingipId } }, success: 204, ...callInit(this.where('deleteFloatingip'), options) })).headers);
  }

  /** Deprecated in kamaki: `[status, null]`. */
  async getPortStatus(portId: string, options?: CallOptions): Promise<[string, null]> {
    return [(await this.getPortDetails(portId, options)).status, null];
  }

  /** Waits while the port's status is `currentStatus` (default BUILD); throws `TimeoutError` unless `silent`. */
  async waitPortWhile(portId: string, currentStatus = 'BUILD', options: SynnefoWaitOptions<Port> = {}): Promise<Port> {
    callInit(this.where('waitPortWhile'), options, WAIT_OPTION_NAMES);
    return waitWhileStatus((ctx) => this.getPortDetails(portId, { signal: ctx.signal }), currentStatus, options, `port ${portId}`);
  }

  /** Waits until the port's status is `targetStatus` (default ACTIVE; kamaki's default, BUILD, was a slip). */
  async waitPortUntil(portId: string, targetStatus = 'ACTIVE', options: SynnefoWaitOptions<Port> = {}): Promise<Port> {
    callInit(this.where('waitPortUntil'), options, WAIT_OPTION_NAMES);
    return waitUntilStatus((ctx) => this.getPortDetails(portId, { signal: ctx.signal }), targetStatus, options, `port ${portId}`);
  }

  /** kamaki's backwards-compatible name of {@link waitPortWhile}. */
  async waitPort(portId: string, currentStatus = 'BUILD', options: SynnefoWaitOptions<Port> = {}): Promise<Port> {
    return this.waitPortWhile(portId, currentStatus, options);
  }
}
