import type { Command } from '../../command.js';
import { printJson } from '../../command.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import type { Machine, MachineState } from '../../../triton/index.js';
import { connect, connectionOptions, wantsJson } from './connect.js';
import { pairs, printObject, printRows } from './output.js';

const SUBCOMMANDS = ['get', 'create', 'delete', 'start', 'stop', 'reboot', 'wait', 'tag', 'metadata', 'snapshot'] as const;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

function ms(raw: string | boolean | undefined, option: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`${option} must be a whole number`);
  return Number(raw);
}

/** Waits with one progress line per poll on stderr. */
async function waitWithProgress(io: CliIo, m: Machine, state: MachineState, values: Readonly<Record<string, string | boolean | undefined>>): Promise<void> {
  const interval = ms(values.interval, '--interval', 2000);
  const timeout = ms(values.timeout, '--timeout', 600) * 1000;
  await m.waitFor(state, {
    interval,
    timeout,
    onProgress: (p) => io.stderr(`waiting for ${m.id} to be ${state}: ${p.value.state} (${(p.elapsedMs / 1000).toFixed(1)} s)\n`),
  });
}

const view = (m: Machine) => ({ id: m.id, name: m.name, state: m.state, image: m.image, package: m.package, memory: m.memory, ips: m.ips, tags: m.tags });

/** `opskit triton instance <get|create|delete|start|stop|reboot|wait|tag|metadata|snapshot> …`. */
export const instanceCommand: Command = {
  summary: 'one instance: get, create, delete, start, stop, reboot, wait, tag, metadata, snapshot',
  usage: '<get|create|delete|start|stop|reboot|wait|tag|metadata|snapshot> [ID] [KEY=VALUE…] [options]',
  details: [
    'get ID                      show the instance',
    'create --name N --package P --image I [KEY=VALUE tags…] [--wait]',
    'delete|start|stop|reboot ID [--wait]',
    'wait ID [--state STATE]     poll until the state (default running), printing progress on stderr',
    'tag ID [KEY=VALUE…]         list tags, or add these',
    'metadata ID [KEY=VALUE…]    list metadata, or add these',
    'snapshot ID [NAME]          create a snapshot (or --list them)',
  ].join('\n'),
  args: { min: 1, max: 64 },
  options: {
    ...connectionOptions,
    name: { type: 'string', valueName: 'NAME', description: 'instance name (create)' },
    package: { type: 'string', valueName: 'PKG', description: 'package name or id (create)' },
    image: { type: 'string', valueName: 'IMAGE', description: 'image id (create)' },
    wait: { type: 'boolean', short: 'w', description: 'wait for the action to finish, with progress' },
    state: { type: 'string', valueName: 'STATE', description: 'state to wait for (wait; default running)' },
    timeout: { type: 'string', valueName: 'S', description: 'give up waiting after S seconds (default 600)' },
    interval: { type: 'string', valueName: 'MS', description: 'poll interval in ms (default 2000)' },
    list: { type: 'boolean', description: 'list snapshots (snapshot)' },
  },
  async run({ values, positionals, io }) {
    const [sub, id, ...rest] = positionals;
    if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number])) throw new UsageError(`unknown instance command ${JSON.stringify(sub)}; one of ${SUBCOMMANDS.join(', ')}`);
    const json = wantsJson(values);
    const dc = await connect(values, io);
    if (sub === 'create') {
      const pkg = str(values.package);
      const image = str(values.image);
      if (!pkg || !image) throw new UsageError('create needs --package and --image');
      const name = str(values.name);
      const m = await dc.createMachine({ ...(name ? { name } : {}), package: pkg, image, tags: pairs([id, ...rest].filter((x): x is string => x !== undefined)) });
      if (values.wait === true) await waitWithProgress(io, m, 'running', values);
      return printObject(io, json, view(m));
    }
    if (!id) throw new UsageError(`instance ${sub} needs an instance id`);
    const m = await dc.machine(id);
    switch (sub) {
      case 'get':
        return printObject(io, json, json ? (m.data as Record<string, unknown>) : view(m));
      case 'delete':
        await m.delete();
        if (values.wait === true) await waitWithProgress(io, m, 'deleted', values);
        break;
      case 'start':
      case 'stop':
      case 'reboot':
        await m[sub]();
        if (values.wait === true) await waitWithProgress(io, m, sub === 'stop' ? 'stopped' : 'running', values);
        break;
      case 'wait':
        await waitWithProgress(io, m, (str(values.state) ?? 'running') as MachineState, values);
        return printObject(io, json, view(m));
      case 'tag':
        return printObject(io, json, rest.length ? await m.addTags(pairs(rest)) : await m.getTags());
      case 'metadata':
        return printObject(io, json, rest.length ? await m.updateMetadata(pairs(rest)) : await m.getMetadata());
      case 'snapshot': {
        if (values.list === true) {
          const snaps = (await m.snapshots()).map((s) => s.data);
          return printRows(io, json, snaps, [['name', (s) => s.name], ['state', (s) => s.state], ['created', (s) => s.created]]);
        }
        const snap = await m.createSnapshot(rest[0]);
        return printObject(io, json, snap.data as Record<string, unknown>);
      }
    }
    if (json) printJson(io, { id: m.id, action: sub, state: m.state });
    else io.stdout(`${sub} ${m.id}: ${m.state}\n`);
  },
};
