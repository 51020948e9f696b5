import type { FirewallRule, MachineData, Network, NetworkIp, Volume } from '../../../triton/index.js';
import { UsageError } from '../../usage-error.js';
import { pairs, str, strs } from './args.js';
import { flag, list, one, some, value, WAIT, YES, type Branch } from './tree.js';

const short = (id: string) => id.slice(0, 8);
const networkColumns: [string, (n: Network) => unknown][] = [
  ['SHORTID', (n) => short(n.id)],
  ['NAME', (n) => n.name],
  ['SUBNET', (n) => n.subnet],
  ['GATEWAY', (n) => n.gateway],
  ['FABRIC', (n) => n.fabric],
  ['VLAN', (n) => n.vlan_id],
  ['PUBLIC', (n) => n.public],
];

const bool = (v: string, what: string): boolean => {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`${what} must be true or false`);
};

const ipBranch: Branch = {
  summary: 'IP addresses of a network: list, get, update (reserve)',
  aliases: { ls: 'list' },
  children: {
    list: {
      summary: 'IPs of a network in use or reserved (every page)',
      usage: 'NETWORK',
      args: one,
      async run({ s, args }) {
        const id = await (await s.resolve()).networkId(args[0]!);
        s.printList(await (await s.dc()).listNetworkIPs(id).all(), [['IP', (i: NetworkIp) => i.ip], ['MANAGED', (i) => i.managed], ['RESERVED', (i) => i.reserved], ['OWNER', (i) => i.belongs_to_uuid]]);
      },
    },
    get: {
      summary: 'one IP of a network',
      usage: 'NETWORK IP',
      args: { min: 2, max: 2 },
      async run({ s, args }) {
        const id = await (await s.resolve()).networkId(args[0]!);
        s.print(await (await s.dc()).getNetworkIP(id, args[1]!));
      },
    },
    update: {
      summary: 'reserve or release an IP (reserved=true|false)',
      usage: 'NETWORK IP reserved=true|false',
      args: { min: 3, max: 3 },
      async run({ s, args }) {
        const id = await (await s.resolve()).networkId(args[0]!);
        const f = pairs(args.slice(2), 'reserved=true|false');
        if (f.reserved === undefined || Object.keys(f).length !== 1) throw new UsageError('the only field is reserved=true|false');
        const out = await (await s.writer()).updateNetworkIP(id, args[1]!, bool(f.reserved, 'reserved'));
        if (s.dry(out)) return;
        s.print(out);
      },
    },
  },
};

export const networkBranch: Branch = {
  summary: 'networks: list, get, create and delete fabric networks, the default network, IPs',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: {
      summary: 'networks available to the account',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listNetworks(), networkColumns);
      },
    },
    get: {
      summary: 'one network by name, short id or UUID',
      usage: 'NETWORK',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.resolve()).network(args[0]!));
      },
    },
    create: {
      summary: 'create a fabric network on a VLAN',
      usage: 'VLAN',
      details: 'Without --gateway the network has none (isolated). -s, -S, -E, -g, -r, -R and -x are Joyent\'s.',
      options: [
        value('name', 'NAME', 'network name (required)', 'n'),
        value('description', 'TEXT', 'description', 'D'),
        value('subnet', 'CIDR', 'subnet such as 10.42.0.0/24 (required)', 's'),
        value('start-ip', 'IP', 'first address to provision (required)', 'S', ['start_ip']),
        value('end-ip', 'IP', 'last address to provision (required)', 'E', ['end_ip']),
        value('gateway', 'IP', 'gateway address', 'g'),
        list('resolver', 'IP', 'DNS resolver (repeat for more)', 'r'),
        list('route', 'SUBNET=GATEWAY', 'static route (repeat for more)', 'R'),
        flag('no-nat', 'no NAT zone for outbound traffic', 'x', ['no_nat']),
      ],
      args: one,
      async run({ s, opts, args }) {
        const vlan = await (await s.resolve()).vlan(args[0]!);
        for (const k of ['name', 'subnet', 'start-ip', 'end-ip']) if (str(opts[k]) === undefined) throw new UsageError(`network create needs --${k}`);
        const body = {
          name: str(opts.name)!, subnet: str(opts.subnet)!, provision_start_ip: str(opts['start-ip'])!, provision_end_ip: str(opts['end-ip'])!,
          ...(str(opts.description) ? { description: str(opts.description)! } : {}),
          ...(str(opts.gateway) ? { gateway: str(opts.gateway)! } : {}),
          ...(strs(opts.resolver).length ? { resolvers: strs(opts.resolver) } : {}),
          ...(strs(opts.route).length ? { routes: pairs(strs(opts.route), 'SUBNET=GATEWAY') } : {}),
          internet_nat: opts['no-nat'] !== true,
        };
        const out = await (await s.writer()).createFabricNetwork(vlan.vlan_id, body);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    delete: {
      summary: 'delete fabric networks',
      usage: 'NETWORK [NETWORK …]',
      options: YES,
      args: some,
      async run({ s, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const n = await r.network(ref);
          if (!n.fabric || n.vlan_id === undefined) throw new UsageError(`${ref} is not a fabric network; only those can be deleted`);
          if (s.dry(await (await s.writer()).deleteFabricNetwork(n.vlan_id, n.id))) continue;
          s.print({ id: n.id, name: n.name, action: 'delete' });
        }
      },
    },
    'get-default': {
      summary: 'the default network of the account (for instances created without -N)',
      usage: '',
      async run({ s }) {
        const dc = await s.dc();
        const id = (await dc.getConfig()).default_network;
        if (!id) throw new Error('the account has no default network');
        s.print(await dc.getNetwork(String(id)));
      },
    },
    'set-default': {
      summary: 'set the default network of the account (a fabric network)',
      usage: 'NETWORK',
      args: one,
      async run({ s, args }) {
        const id = await (await s.resolve()).networkId(args[0]!);
        const out = await (await s.writer()).updateConfig({ default_network: id });
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    ip: ipBranch,
  },
};

export const vlanBranch: Branch = {
  summary: 'fabric VLANs: list, get, create, update, delete, and their networks',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: {
      summary: 'fabric VLANs of the account',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listFabricVLANs(), [['VLAN_ID', (v) => v.vlan_id], ['NAME', (v) => v.name], ['DESCRIPTION', (v) => v.description]]);
      },
    },
    get: {
      summary: 'one VLAN by id or name',
      usage: 'VLAN',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.resolve()).vlan(args[0]!));
      },
    },
    create: {
      summary: 'create a fabric VLAN (id 0–4095)',
      usage: 'VLAN_ID',
      options: [value('name', 'NAME', 'VLAN name (required)', 'n'), value('description', 'TEXT', 'description', 'D')],
      args: one,
      async run({ s, opts, args }) {
        if (!/^\d+$/.test(args[0]!) || Number(args[0]) > 4095) throw new UsageError('VLAN_ID must be a number from 0 to 4095');
        if (!str(opts.name)) throw new UsageError('vlan create needs --name');
        const out = await (await s.writer()).createFabricVLAN({ vlan_id: Number(args[0]), name: str(opts.name)!, ...(str(opts.description) ? { description: str(opts.description)! } : {}) });
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    update: {
      summary: 'update a VLAN (FIELD=VALUE: name, description)',
      usage: 'VLAN FIELD=VALUE [FIELD=VALUE …]',
      args: { min: 2, max: Infinity },
      async run({ s, args }) {
        const vlan = await (await s.resolve()).vlan(args[0]!);
        const f = pairs(args.slice(1), 'FIELD=VALUE');
        for (const k of Object.keys(f)) if (k !== 'name' && k !== 'description') throw new UsageError(`VLAN field ${JSON.stringify(k)} cannot be updated (name, description)`);
        const out = await (await s.writer()).updateFabricVLAN(vlan.vlan_id, f);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    delete: {
      summary: 'delete VLANs (they must have no networks)',
      usage: 'VLAN [VLAN …]',
      options: YES,
      args: some,
      async run({ s, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const vlan = await r.vlan(ref);
          if (s.dry(await (await s.writer()).deleteFabricVLAN(vlan.vlan_id))) continue;
          s.print({ vlan_id: vlan.vlan_id, name: vlan.name, action: 'delete' });
        }
      },
    },
    networks: {
      summary: 'the networks of a VLAN',
      usage: 'VLAN',
      args: one,
      async run({ s, args }) {
        const vlan = await (await s.resolve()).vlan(args[0]!);
        s.printList(await (await s.dc()).listFabricNetworks(vlan.vlan_id), networkColumns);
      },
    },
  },
};

const ruleColumns: [string, (f: FirewallRule) => unknown][] = [['SHORTID', (f) => short(f.id)], ['ENABLED', (f) => f.enabled], ['GLOBAL', (f) => f.global ?? false], ['RULE', (f) => f.rule]];

export const fwruleBranch: Branch = {
  summary: 'cloud firewall rules: list, get, create, update, enable, disable, delete, instances',
  aliases: { ls: 'list', rm: 'delete', insts: 'instances' },
  children: {
    list: {
      summary: 'firewall rules of the account',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listFirewallRules(), ruleColumns);
      },
    },
    get: {
      summary: 'one rule by short id or UUID',
      usage: 'RULE',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.resolve()).fwrule(args[0]!));
      },
    },
    create: {
      summary: 'create a rule, e.g. "FROM any TO all vms ALLOW tcp PORT 22" (enabled unless -d)',
      usage: 'RULE-TEXT',
      options: [flag('disabled', 'create it disabled (Joyent\'s -d)', 'd'), flag('log', 'log traffic matching it', 'l'), value('description', 'TEXT', 'description', 'D')],
      args: one,
      async run({ s, opts, args }) {
        const out = await (await s.writer()).createFirewallRule({ rule: args[0]!, enabled: opts.disabled !== true, ...(opts.log === true ? { log: true } : {}), ...(str(opts.description) ? { description: str(opts.description)! } : {}) } as never);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    update: {
      summary: 'update a rule (FIELD=VALUE: rule, description, enabled, log)',
      usage: 'RULE FIELD=VALUE [FIELD=VALUE …]',
      args: { min: 2, max: Infinity },
      async run({ s, args }) {
        const rule = await (await s.resolve()).fwrule(args[0]!);
        const f = pairs(args.slice(1), 'FIELD=VALUE');
        const body: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(f)) {
          if (k === 'enabled' || k === 'log') body[k] = bool(v, k);
          else if (k === 'rule' || k === 'description') body[k] = v;
          else throw new UsageError(`rule field ${JSON.stringify(k)} cannot be updated (rule, description, enabled, log)`);
        }
        const out = await (await s.writer()).updateFirewallRule(rule.id, body as never);
        if (s.dry(out)) return;
        s.print(out);
      },
    },
    enable: {
      summary: 'enable rules',
      usage: 'RULE [RULE …]',
      args: some,
      async run({ s, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const out = await (await s.writer()).enableFirewallRule((await r.fwrule(ref)).id);
          if (!s.dry(out)) s.print(out);
        }
      },
    },
    disable: {
      summary: 'disable rules',
      usage: 'RULE [RULE …]',
      args: some,
      async run({ s, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const out = await (await s.writer()).disableFirewallRule((await r.fwrule(ref)).id);
          if (!s.dry(out)) s.print(out);
        }
      },
    },
    delete: {
      summary: 'delete rules',
      usage: 'RULE [RULE …]',
      options: YES,
      args: some,
      async run({ s, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const rule = await r.fwrule(ref);
          if (s.dry(await (await s.writer()).deleteFirewallRule(rule.id))) continue;
          s.print({ id: rule.id, action: 'delete' });
        }
      },
    },
    instances: {
      summary: 'instances a rule applies to',
      usage: 'RULE',
      args: one,
      async run({ s, args }) {
        const rule = await (await s.resolve()).fwrule(args[0]!);
        s.printList(await (await s.dc()).listFirewallRuleMachines(rule.id), [['SHORTID', (m: MachineData) => short(m.id)], ['NAME', (m) => m.name], ['STATE', (m) => m.state]]);
      },
    },
  },
};

const SIZE = /^(\d+)([GM])?$/i;
const volumeColumns: [string, (v: Volume) => unknown][] = [['SHORTID', (v) => short(v.id)], ['NAME', (v) => v.name], ['SIZE', (v) => v.size], ['TYPE', (v) => v.type], ['STATE', (v) => v.state]];

export const volumeBranch: Branch = {
  summary: 'NFS volumes: list, get, create, delete, sizes',
  aliases: { ls: 'list', rm: 'delete' },
  children: {
    list: {
      summary: 'volumes of the account (every page); filters as FIELD=VALUE (name, size, state, type)',
      usage: '[FIELD=VALUE …]',
      args: { min: 0, max: Infinity },
      async run({ s, args }) {
        s.printList(await (await s.dc()).listVolumes(pairs(args, 'FIELD=VALUE') as never).all(), volumeColumns);
      },
    },
    get: {
      summary: 'one volume by name, short id or UUID',
      usage: 'VOLUME',
      args: one,
      async run({ s, args }) {
        s.print(await (await s.resolve()).volume(args[0]!));
      },
    },
    create: {
      summary: 'create a volume; -w waits until it is ready',
      usage: '',
      options: [
        value('name', 'NAME', 'volume name (default: generated)', 'n'),
        value('type', 'TYPE', 'volume type (tritonnfs, the only one)', 't'),
        value('size', 'SIZE', 'size in MiB, or with a G or M suffix (e.g. 20G)', 's'),
        list('network', 'NETWORK', 'fabric network for the volume (repeat for more)', 'N'),
        list('tag', 'KEY=VALUE', 'volume tag (repeat for more)'),
        list('affinity', 'RULE', 'affinity rule (Joyent\'s -a)', 'a'),
        ...WAIT,
      ],
      async run({ s, opts }) {
        const size = str(opts.size);
        const m = size === undefined ? undefined : SIZE.exec(size);
        if (size !== undefined && !m) throw new UsageError('--size must be MiB, or a number with G or M (e.g. 20G)');
        const r = await s.resolve();
        const networks = await Promise.all(strs(opts.network).map((n) => r.networkId(n)));
        const vol = await (await s.writer()).createVolume({
          ...(str(opts.name) ? { name: str(opts.name)! } : {}),
          type: (str(opts.type) ?? 'tritonnfs') as 'tritonnfs',
          ...(m ? { size: Number(m[1]) * (m[2]?.toUpperCase() === 'G' ? 1024 : 1) } : {}),
          ...(networks.length ? { networks } : {}),
          ...(strs(opts.tag).length ? { tags: pairs(strs(opts.tag)) } : {}),
          ...(strs(opts.affinity).length ? { affinity: strs(opts.affinity) } : {}),
        } as never);
        if (s.dry(vol)) return;
        s.print(opts.wait === true ? await (await s.dc()).waitForVolume(vol.id, 'ready', s.waitOptions<Volume | undefined>((p) => `waiting for volume ${vol.name}: ${p.value?.state ?? '?'}`)) : vol);
      },
    },
    delete: {
      summary: 'delete volumes (not while an instance mounts one); -w waits until they are gone',
      usage: 'VOLUME [VOLUME …]',
      options: [...WAIT, ...YES],
      args: some,
      async run({ s, opts, args }) {
        const r = await s.resolve();
        for (const ref of args) {
          const vol = await r.volume(ref);
          if (s.dry(await (await s.writer()).deleteVolume(vol.id))) continue;
          if (opts.wait === true) await (await s.dc()).waitForVolume(vol.id, 'deleted', s.waitOptions<Volume | undefined>((p) => `waiting for volume ${vol.name} to be deleted: ${p.value?.state ?? 'gone'}`));
          s.print({ id: vol.id, name: vol.name, action: 'delete', ...(opts.wait === true ? { state: 'deleted' } : {}) });
        }
      },
    },
    sizes: {
      summary: 'the volume sizes available',
      usage: '',
      async run({ s }) {
        s.printList(await (await s.dc()).listVolumeSizes(), [['SIZE', (v) => v.size], ['TYPE', (v) => v.type]]);
      },
    },
  },
};
