import type { CommandGroup } from '../../command.js';
import { UsageError } from '../../usage-error.js';
import { CycladesNetworkClient } from '../../../synnefo/index.js';
import { stringValue } from './options.js';
import { arg, command, DETAIL, PROJECT, required, WAIT, waitOptions } from './cyclades-common.js';
import type { KamakiSession } from './session.js';

const networks = (k: KamakiSession) => k.client(CycladesNetworkClient);

/** `--wait` on a new port: until ACTIVE, with progress. */
async function printPort(k: KamakiSession, n: CycladesNetworkClient, values: Readonly<Record<string, unknown>>, port: { id: string }): Promise<void> {
  if (values.wait === true && !k.dryRun) k.print(await n.waitPortUntil(port.id, 'ACTIVE', waitOptions(k, values, `port ${port.id}`)));
  else k.print(port);
}

/** kamaki's `network` group. */
export const networkGroup: CommandGroup = {
  summary: 'Networking API network commands',
  commands: {
    list: command({ summary: 'List networks', usage: '[-l]', options: DETAIL }, async (k, values) => k.print(await (await networks(k)).listNetworks(values.detail === true))),
    info: command({ summary: 'Details of a network', usage: '<network id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).getNetworkDetails(arg(args, 0)))),
    create: command({
      summary: 'Create a private network',
      usage: '[--type TYPE] [--name NAME] [--project-id ID]',
      options: { type: { type: 'string', valueName: 'TYPE', description: 'MAC_FILTERED (default), CUSTOM, IP_LESS_ROUTED or PHYSICAL_VLAN' }, name: { type: 'string', valueName: 'NAME', description: 'network name' }, ...PROJECT },
    }, async (k, values) => {
      const name = stringValue(values, 'name');
      const project = stringValue(values, 'project-id');
      k.print(await (await networks(k)).createNetwork(stringValue(values, 'type') ?? 'MAC_FILTERED', { ...(name ? { name } : {}), ...(project ? { projectId: project } : {}) }));
    }),
    delete: command({ summary: 'Delete a network (disconnect its servers first)', usage: '<network id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).deleteNetwork(arg(args, 0)))),
    rename: command({ summary: 'Rename a network', usage: '<network id> <new name>', args: { min: 2, max: 2 } }, async (k, _v, args) => k.print(await (await networks(k)).updateNetwork(arg(args, 0), { name: arg(args, 1) }))),
    reassign: command({ summary: 'Charge a network to another project', usage: '<network id> --project-id ID', args: { min: 1, max: 1 }, options: PROJECT }, async (k, values, args) => k.print(await (await networks(k)).reassignNetwork(arg(args, 0), required(values, 'project-id')))),
    connect: command({
      summary: 'Connect a server to a network (creates a port)',
      usage: '<network id> --device-id SERVER_ID [--ip-address IP] [--wait]',
      args: { min: 1, max: 1 },
      options: { 'device-id': { type: 'string', valueName: 'SERVER_ID', description: 'the server to connect' }, 'ip-address': { type: 'string', valueName: 'IP', description: 'a free address of the network, or one of your floating IPs on it' }, ...WAIT },
    }, async (k, values, args) => {
      const n = await networks(k);
      const ip = stringValue(values, 'ip-address');
      await printPort(k, n, values, await n.createPort(arg(args, 0), { deviceId: required(values, 'device-id'), ...(ip ? { fixedIps: [{ ip_address: ip }] } : {}) }));
    }),
    disconnect: command({
      summary: 'Disconnect a server from a network (deletes its ports there)',
      usage: '<network id> --device-id SERVER_ID',
      args: { min: 1, max: 1 },
      options: { 'device-id': { type: 'string', valueName: 'SERVER_ID', description: 'the server to disconnect' } },
    }, async (k, values, args) => {
      const n = await networks(k);
      const server = required(values, 'device-id');
      const ports = (await n.listPorts()).filter((p) => p.network_id === arg(args, 0) && p.device_id === server);
      if (ports.length === 0) throw new Error(`server ${server} is not connected to network ${arg(args, 0)}`);
      for (const p of ports) await n.deletePort(p.id);
      k.print(ports.map((p) => p.id));
    }),
  },
};

/** kamaki's `subnet` group. */
export const subnetGroup: CommandGroup = {
  summary: 'Networking API subnet commands',
  commands: {
    list: command({ summary: 'List subnets', usage: '' }, async (k) => k.print(await (await networks(k)).listSubnets())),
    info: command({ summary: 'Details of a subnet', usage: '<subnet id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).getSubnetDetails(arg(args, 0)))),
    create: command({
      summary: 'Create a subnet on a network',
      usage: '--network-id ID --cidr CIDR [--name NAME] [--gateway IP | --no-gateway] [--dhcp | --no-dhcp] [--allocation-pool START,END]',
      options: {
        'network-id': { type: 'string', valueName: 'ID', description: 'the network' },
        cidr: { type: 'string', valueName: 'CIDR', description: 'e.g. 10.0.1.0/24' },
        name: { type: 'string', valueName: 'NAME', description: 'subnet name' },
        gateway: { type: 'string', valueName: 'IP', description: 'gateway address (default: the first host)' },
        'no-gateway': { type: 'boolean', description: 'no gateway' },
        dhcp: { type: 'boolean', description: 'enable DHCP' },
        'no-dhcp': { type: 'boolean', description: 'disable DHCP' },
        'allocation-pool': { type: 'string', valueName: 'START,END', multiple: true, description: 'an address range (repeatable)' },
        ipv6: { type: 'boolean', description: 'an IPv6 subnet' },
      },
    }, async (k, values) => {
      if (values.gateway !== undefined && values['no-gateway'] === true) throw new UsageError('--gateway and --no-gateway are mutually exclusive');
      if (values.dhcp === true && values['no-dhcp'] === true) throw new UsageError('--dhcp and --no-dhcp are mutually exclusive');
      const pools = (Array.isArray(values['allocation-pool']) ? values['allocation-pool'] : values['allocation-pool'] === undefined ? [] : [values['allocation-pool']]).map((p) => {
        const [start, end] = String(p).split(',');
        if (!start || !end) throw new UsageError('--allocation-pool takes START,END');
        return { start, end };
      });
      const name = stringValue(values, 'name');
      const gateway = stringValue(values, 'gateway');
      k.print(await (await networks(k)).createSubnet(required(values, 'network-id'), required(values, 'cidr'), {
        ...(name ? { name } : {}), ...(gateway ? { gatewayIp: gateway } : values['no-gateway'] === true ? { gatewayIp: null } : {}),
        ...(values.dhcp === true ? { enableDhcp: true } : values['no-dhcp'] === true ? { enableDhcp: false } : {}),
        ...(pools.length ? { allocationPools: pools } : {}), ...(values.ipv6 === true ? { ipv6: true } : {}),
      }));
    }),
    rename: command({ summary: 'Rename a subnet', usage: '<subnet id> <new name>', args: { min: 2, max: 2 } }, async (k, _v, args) => k.print(await (await networks(k)).updateSubnet(arg(args, 0), { name: arg(args, 1) }))),
  },
};

/** kamaki's `port` group. */
export const portGroup: CommandGroup = {
  summary: 'Networking API port commands',
  commands: {
    list: command({ summary: 'List your ports', usage: '[-l]', options: DETAIL }, async (k, values) => k.print(await (await networks(k)).listPorts(values.detail === true))),
    info: command({ summary: 'Details of a port', usage: '<port id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).getPortDetails(arg(args, 0)))),
    create: command({
      summary: 'Create a port (connect a server to a network)',
      usage: '--network-id ID --device-id SERVER_ID [--name NAME] [--ip-address IP] [--wait]',
      options: {
        'network-id': { type: 'string', valueName: 'ID', description: 'the network' },
        'device-id': { type: 'string', valueName: 'SERVER_ID', description: 'the server' },
        name: { type: 'string', valueName: 'NAME', description: 'port name' },
        'ip-address': { type: 'string', valueName: 'IP', description: 'a free address, or one of your floating IPs on the network' },
        ...WAIT,
      },
    }, async (k, values) => {
      const n = await networks(k);
      const name = stringValue(values, 'name');
      const ip = stringValue(values, 'ip-address');
      const device = stringValue(values, 'device-id');
      await printPort(k, n, values, await n.createPort(required(values, 'network-id'), { ...(device ? { deviceId: device } : {}), ...(name ? { name } : {}), ...(ip ? { fixedIps: [{ ip_address: ip }] } : {}) }));
    }),
    delete: command({ summary: 'Delete a port', usage: '<port id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).deletePort(arg(args, 0)))),
    wait: command({
      summary: 'Wait while a port is in a status (or until it reaches one)',
      usage: '<port id> [--status STATUS | --until STATUS] [--timeout DURATION]',
      args: { min: 1, max: 1 },
      options: { status: { type: 'string', valueName: 'STATUS', description: 'wait while in this status (default BUILD)' }, until: { type: 'string', valueName: 'STATUS', description: 'wait until this status instead' }, timeout: WAIT.timeout! },
    }, async (k, values, args) => {
      const n = await networks(k);
      const id = arg(args, 0);
      const until = stringValue(values, 'until');
      const opts = waitOptions(k, values, `port ${id}`);
      k.print(until ? await n.waitPortUntil(id, until.toUpperCase(), opts) : await n.waitPortWhile(id, (stringValue(values, 'status') ?? 'BUILD').toUpperCase(), opts));
    }),
  },
};

/** kamaki's `ip` group (floating IPs). */
export const ipGroup: CommandGroup = {
  summary: 'Networking API floating IP commands',
  commands: {
    list: command({ summary: 'List your floating IPs', usage: '' }, async (k) => k.print(await (await networks(k)).listFloatingips())),
    info: command({ summary: 'Details of a floating IP', usage: '<ip id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).getFloatingipDetails(arg(args, 0)))),
    create: command({
      summary: 'Allocate a floating IP',
      usage: '[--network-id ID] [--address IP] [--project-id ID]',
      options: { 'network-id': { type: 'string', valueName: 'ID', description: 'the pool (default: any)' }, address: { type: 'string', valueName: 'IP', description: 'a specific free address of the pool' }, ...PROJECT },
    }, async (k, values) => {
      const address = stringValue(values, 'address');
      const project = stringValue(values, 'project-id');
      k.print(await (await networks(k)).createFloatingip(stringValue(values, 'network-id'), { ...(address ? { floatingIpAddress: address } : {}), ...(project ? { projectId: project } : {}) }));
    }),
    delete: command({ summary: 'Release a floating IP', usage: '<ip id>', args: { min: 1, max: 1 } }, async (k, _v, args) => k.print(await (await networks(k)).deleteFloatingip(arg(args, 0)))),
    attach: command({
      summary: 'Attach a floating IP to a server (creates a port with it)',
      usage: '<ip id> --server-id ID [--wait]',
      args: { min: 1, max: 1 },
      options: { 'server-id': { type: 'string', valueName: 'ID', description: 'the server' }, ...WAIT },
    }, async (k, values, args) => {
      const n = await networks(k);
      const ip = await n.getFloatingipDetails(arg(args, 0));
      await printPort(k, n, values, await n.createPort(ip.floating_network_id, { deviceId: required(values, 'server-id'), fixedIps: [{ ip_address: ip.floating_ip_address }] }));
    }),
    detach: command({ summary: 'Detach a floating IP from its server (deletes its port)', usage: '<ip id>', args: { min: 1, max: 1 } }, async (k, _v, args) => {
      const n = await networks(k);
      const ip = await n.getFloatingipDetails(arg(args, 0));
      if (!ip.port_id) throw new Error(`floating IP ${ip.floating_ip_address} is not attached`);
      k.print(await n.deletePort(ip.port_id));
    }),
    reassign: command({ summary: 'Charge a floating IP to another project', usage: '<ip id> --project-id ID', args: { min: 1, max: 1 }, options: PROJECT }, async (k, values, args) => k.print(await (await networks(k)).reassignFloatingIp(arg(args, 0), required(values, 'project-id')))),
  },
};
