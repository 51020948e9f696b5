import type { Command } from '../../command.js';
import { connect, connectionOptions, wantsJson } from './connect.js';
import { printObject, printRows } from './output.js';

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** `opskit triton account|keys|images|packages|networks|instances`. */
export const listCommands: Record<string, Command> = {
  account: {
    summary: 'show the account (GetAccount)',
    usage: '[-o json]',
    options: connectionOptions,
    async run({ values, io }) {
      const dc = await connect(values, io);
      printObject(io, wantsJson(values), await dc.account());
    },
  },
  keys: {
    summary: "list the account's SSH keys",
    usage: '[-o json]',
    options: connectionOptions,
    async run({ values, io }) {
      const dc = await connect(values, io);
      printRows(io, wantsJson(values), await dc.keys(), [['name', (k) => k.name], ['fingerprint', (k) => k.fingerprint]]);
    },
  },
  images: {
    summary: 'list images',
    usage: '[--name NAME] [--os OS] [-o json]',
    options: { ...connectionOptions, name: { type: 'string', valueName: 'NAME', description: 'exact image name' }, os: { type: 'string', valueName: 'OS', description: 'operating system' } },
    async run({ values, io }) {
      const dc = await connect(values, io);
      const images = await dc.images({ ...(str(values.name) ? { name: str(values.name)! } : {}), ...(str(values.os) ? { os: str(values.os)! } : {}) });
      printRows(io, wantsJson(values), images, [['id', (i) => i.id], ['name', (i) => i.name], ['version', (i) => i.version], ['os', (i) => i.os], ['type', (i) => i.type], ['state', (i) => i.state]]);
    },
  },
  packages: {
    summary: 'list packages',
    usage: '[-o json]',
    options: connectionOptions,
    async run({ values, io }) {
      const dc = await connect(values, io);
      printRows(io, wantsJson(values), await dc.packages(), [['id', (p) => p.id], ['name', (p) => p.name], ['memory', (p) => p.memory], ['disk', (p) => p.disk], ['vcpus', (p) => p.vcpus]]);
    },
  },
  networks: {
    summary: 'list networks',
    usage: '[-o json]',
    options: connectionOptions,
    async run({ values, io }) {
      const dc = await connect(values, io);
      printRows(io, wantsJson(values), await dc.listNetworks(), [['id', (n) => n.id], ['name', (n) => n.name], ['subnet', (n) => n.subnet], ['public', (n) => n.public], ['fabric', (n) => n.fabric]]);
    },
  },
  instances: {
    summary: 'list instances (every page)',
    usage: '[--state STATE] [--name NAME] [-o json]',
    options: { ...connectionOptions, state: { type: 'string', valueName: 'STATE', description: 'only this state' }, name: { type: 'string', valueName: 'NAME', description: 'exact name' } },
    async run({ values, io }) {
      const dc = await connect(values, io);
      const filters = { ...(str(values.state) ? { state: str(values.state) as never } : {}), ...(str(values.name) ? { name: str(values.name)! } : {}) };
      const all = await dc.listMachines(filters).all();
      printRows(io, wantsJson(values), all, [['id', (m) => m.id], ['name', (m) => m.name], ['state', (m) => m.state], ['package', (m) => m.package], ['primaryIp', (m) => m.primaryIp]]);
    },
  },
};
