import { columns, COMMON_OPTIONS, parityNote, wrap } from '../../help.js';
import { MIST_OPTIONS, type MistOption } from './args.js';

/** One command of `opskit mist`: its canonical `action:target` keys, usage, summary, options by dest. */
export interface MistCommandHelp {
  keys: readonly string[];
  usage: string;
  summary: string;
  options: readonly string[];
}

const MACHINE = ['backend', 'name', 'id'];
const OUT = ['output', 'config', 'mistUri', 'standalone', 'dryRun', 'reveal'];
const WAIT = ['wait', 'interval', 'timeout', 'progress'];

/** Every command, as mist.client's CLI has them (plus `sync`). */
export const MIST_COMMANDS: readonly MistCommandHelp[] = [
  { keys: ['list:providers'], usage: 'list providers', summary: 'the providers a backend can use', options: [] },
  { keys: ['list:backend'], usage: 'list backends', summary: 'every backend', options: [] },
  { keys: ['add:backend'], usage: 'add backend -n NAME -p PROVIDER -k KEY -s SECRET', summary: 'add a backend (per-provider extras: --apiurl, --tenant-name, --machine-ip, …)', options: ['name', 'provider', 'key', 'secret', 'apiurl', 'tenantName', 'region', 'computeEndpoint', 'dockerPort', 'machineIp', 'machineKey', 'machineUser', 'machinePort'] },
  { keys: ['delete:backend', 'rename:backend', 'show:backend'], usage: 'delete|rename|show backend (-n NAME | -i ID)', summary: 'delete, rename (with --new_name) or show a backend', options: ['name', 'id', 'newName'] },
  { keys: ['list:machine'], usage: 'list machines [-b BACKEND]', summary: 'machines of one backend, or of all', options: ['backend'] },
  { keys: ['add:machine'], usage: 'create machine -b B -n NAME --image ID --size ID --location ID -k KEY', summary: 'create a machine (--wait: until running)', options: ['backend', 'name', 'image', 'size', 'location', 'key', ...WAIT] },
  { keys: ['start:machine', 'stop:machine', 'reboot:machine', 'destroy:machine', 'probe:machine'], usage: 'start|stop|reboot|destroy|probe machine -b B (-n NAME | -i ID)', summary: 'machine actions (--wait: until the new state)', options: [...MACHINE, ...WAIT] },
  { keys: ['enable-monitoring:machine', 'disable-monitoring:machine'], usage: 'enable-monitoring|disable-monitoring machine -b B (-n|-i)', summary: 'monitoring on or off', options: MACHINE },
  { keys: ['get-stats:machine'], usage: 'get-stats machine -b B (-n|-i) [--start S] [--stop S] [--step DURATION]', summary: 'monitoring data', options: [...MACHINE, 'start', 'stop', 'step'] },
  { keys: ['list:plugin'], usage: 'list plugins -b B (-n|-i)', summary: 'metrics that can be added', options: MACHINE },
  { keys: ['add:plugin'], usage: 'add plugin -b B (-n|-i) --plugin ID [--custom_plugin FILE]', summary: 'add a metric, or deploy a python plugin', options: [...MACHINE, 'plugin', 'customPlugin'] },
  { keys: ['list:key'], usage: 'list keys', summary: 'every key', options: [] },
  { keys: ['add:key'], usage: 'add key -n NAME (-k FILE | -a)', summary: 'add a key from a private key file, or a generated one', options: ['name', 'key', 'auto'] },
  { keys: ['delete:key', 'rename:key', 'show:key'], usage: 'delete|rename|show key -n NAME', summary: 'delete, rename (with --new_name) or show a key; show prints the private key only with --reveal', options: ['name', 'newName'] },
  { keys: ['list:images', 'list:sizes', 'list:locations'], usage: 'list images|sizes|locations -b B', summary: 'images (starred; --search TERM, or --search all), sizes or locations of a backend', options: ['backend', 'search'] },
  { keys: ['user:info', 'show:info'], usage: 'user|show info', summary: 'the account and its plan', options: [] },
  { keys: ['sync:dbyaml', 'sync:'], usage: 'sync --dbyaml FILE', summary: "import a standalone server's db.yaml (keys, backends, associations)", options: ['dbyaml'] },
];

const label = (o: MistOption) => `${o.flags.join(', ')}${o.takesValue ? ` ${o.metavar ?? 'VALUE'}` : ''}`;
const option = (dest: string) => MIST_OPTIONS.find((o) => o.dest === dest) as MistOption;

const PARITY = parityNote('mist.client');

/** `opskit mist --help`: mist.client's grammar, every command, every option. */
export function mistHelp(): string {
  return [
    'Usage: opskit mist <action> <target> [options]',
    '',
    ...wrap(
      "mist.io from the command line, with the grammar and options of mist.client's `mist` command. Credentials come " +
        'from ~/.mist ([mist.io] mist_uri, [mist.credentials] email, password); what is missing is asked for (the ' +
        'password without echo), and a new config can be saved (mode 0600). Output is JSON by default; -o table ' +
        "prints tables. mist.client's `ansible` action is out of scope for opskit and is refused.",
    ),
    '',
    'Commands:',
    ...columns(MIST_COMMANDS.map((c) => [c.usage, c.summary])),
    '',
    'Options:',
    ...columns(MIST_OPTIONS.map((o) => [label(o), o.help])),
    '',
    ...wrap(PARITY),
    'Durations are seconds (60, 60s, 1.5s) or milliseconds (500ms).',
    'Exit codes: 0 done, 1 failed (server, network, data), 2 usage or setup mistake.',
    "Run 'opskit mist <action> <target> --help' for one command's options.",
    '',
  ].join('\n');
}

/** Help of one command, e.g. `opskit mist create machine --help`. */
export function mistCommandHelp(command: MistCommandHelp): string {
  const own = command.options.map(option);
  const common = OUT.map(option);
  return [
    `Usage: opskit mist ${command.usage} [options]`,
    '',
    ...wrap(`${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`),
    '',
    ...(own.length ? ['Options:', ...columns(own.map((o) => [label(o), o.help])), ''] : []),
    'Output, connection and dry run:',
    ...columns([...common.map((o): [string, string] => [label(o), o.help]), ...COMMON_OPTIONS.filter(([l]) => !l.includes('dry-run'))]),
    '',
    ...wrap(PARITY),
    ...(own.some((o) => o.metavar === 'DURATION') ? ['Durations are seconds (60, 60s, 1.5s) or milliseconds (500ms).'] : []),
    'Exit codes: 0 done, 1 failed (server, network, data), 2 usage or setup mistake.',
    '',
  ].join('\n');
}
