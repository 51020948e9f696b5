import { UsageError } from '../../usage-error.js';

/** One option of `opskit mist`. */
export interface MistOption {
  flags: readonly string[];
  dest: string;
  takesValue: boolean;
  help: string;
  metavar?: string;
  /** An opskit addition: mist.client's CLI has no such option. */
  extra?: boolean;
}

const v = (flags: string[], dest: string, help: string, metavar = 'VALUE'): MistOption => ({ flags, dest, takesValue: true, help, metavar });
const f = (flags: string[], dest: string, help: string): MistOption => ({ flags, dest, takesValue: false, help });
const extra = (o: MistOption): MistOption => ({ ...o, extra: true });

/** mist.client's options (same spellings), then opskit's. */
export const MIST_OPTIONS: readonly MistOption[] = [
  v(['--dbyaml'], 'dbyaml', 'with sync: path of a standalone server\'s db.yaml', 'FILE'),
  v(['-n', '--name'], 'name', 'name of the backend, machine, key (or plugin)', 'NAME'),
  v(['-p', '--provider'], 'provider', 'provider of a new backend (see list providers)', 'PROVIDER'),
  v(['-k', '--key'], 'key', 'backend: user name or API key; key: private key file; machine: key name', 'KEY'),
  v(['-s', '--secret'], 'secret', 'password or API secret of a new backend', 'SECRET'),
  v(['-i', '--id'], 'id', 'id of the backend or machine', 'ID'),
  f(['-a', '--auto'], 'auto', 'with add key: let the server generate the private key'),
  v(['--new_name', '--new-name'], 'newName', 'new name (rename)', 'NAME'),
  v(['-b', '--backend'], 'backend', 'backend id, title or provider (machines, images, sizes, locations, plugins)', 'BACKEND'),
  v(['--search'], 'search', 'with list images: a search term, or "all" (default: starred images)', 'TERM'),
  v(['--image'], 'image', 'image id for a new machine', 'ID'),
  v(['--size'], 'size', 'size id for a new machine', 'ID'),
  v(['--location'], 'location', 'location id for a new machine', 'ID'),
  v(['--plugin'], 'plugin', 'with add plugin: metric id, or the name of a custom plugin', 'ID'),
  v(['--custom_plugin', '--custom-plugin'], 'customPlugin', 'with add plugin: a python file to deploy as a custom plugin', 'FILE'),
  v(['-o', '--output'], 'output', 'json (default) or table', 'FORMAT'),
  extra(v(['--config'], 'config', 'config file (default $MIST_CONFIG or ~/.mist)', 'FILE')),
  extra(v(['--mist-uri'], 'mistUri', "installation URL (default: the config's mist_uri, else https://mist.io)", 'URL')),
  extra(f(['--standalone'], 'standalone', 'a standalone server: no login, no credentials asked')),
  extra(f(['--dry-run'], 'dryRun', 'print the first request instead of sending it; sync prints what it would import')),
  extra(f(['--reveal'], 'reveal', 'show secrets in --dry-run output and private keys in show key')),
  extra(f(['--wait'], 'wait', 'after create/start/stop/reboot/destroy machine: wait for the new state')),
  extra(v(['--interval'], 'interval', 'with --wait: time between polls (default 2s)', 'DURATION')),
  extra(v(['--timeout'], 'timeout', 'with --wait: give up after this long (default 300s)', 'DURATION')),
  extra(f(['--progress'], 'progress', 'with --wait: a progress line on stderr even when it is not a terminal')),
  v(['--start'], 'start', 'with get-stats: unix seconds (default now)', 'S'),
  v(['--stop'], 'stop', 'with get-stats: unix seconds (default start + 10)', 'S'),
  v(['--step'], 'step', 'with get-stats: time between datapoints (default 10s)', 'DURATION'),
  v(['--apiurl'], 'apiurl', 'with add backend: OpenStack/HP auth URL or Docker host', 'URL'),
  v(['--tenant-name'], 'tenantName', 'with add backend: OpenStack/HP tenant, GCE project id', 'NAME'),
  v(['--region'], 'region', 'with add backend: OpenStack service region', 'REGION'),
  v(['--compute-endpoint'], 'computeEndpoint', 'with add backend: custom OpenStack compute URL', 'URL'),
  v(['--docker-port'], 'dockerPort', 'with add backend: Docker API port', 'PORT'),
  v(['--machine-ip'], 'machineIp', 'with add backend: bare-metal host', 'HOST'),
  v(['--machine-key'], 'machineKey', 'with add backend: key that logs in to the bare-metal host', 'KEY'),
  v(['--machine-user'], 'machineUser', 'with add backend: bare-metal user (default root)', 'USER'),
  v(['--machine-port'], 'machinePort', 'with add backend: bare-metal SSH port (default 22)', 'PORT'),
  f(['-h', '--help'], 'help', 'show this help (after a command: that command\'s)'),
];

/** A parsed `opskit mist` command line. */
export interface MistArgs {
  action: string | undefined;
  target: string | undefined;
  vars: string[];
  opts: Record<string, string | boolean | undefined>;
}

/**
 * Parses `<action> <target> [vars…] [options]` as mist.client's argparse does: options anywhere,
 * `--opt=value` and `-oVALUE` forms, `--` ending options. Unknown options are usage errors; no
 * value is ever echoed (it may be a secret).
 */
export function parseMistArgs(argv: readonly string[]): MistArgs {
  const byFlag = new Map<string, MistOption>();
  for (const o of MIST_OPTIONS) for (const flag of o.flags) byFlag.set(flag, o);
  const opts: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (onlyPositionals || !word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    if (word === '--debug') continue;
    let flag = word;
    let inline: string | undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      if (eq > 0) [flag, inline] = [word.slice(0, eq), word.slice(eq + 1)];
    } else if (word.length > 2) {
      [flag, inline] = [word.slice(0, 2), word.slice(2)];
    }
    const spec = byFlag.get(flag);
    if (!spec) throw new UsageError(`unknown option ${JSON.stringify(flag)}; see 'opskit mist --help'`);
    if (!spec.takesValue) {
      if (inline !== undefined) throw new UsageError(`option ${spec.flags.at(-1)} takes no value`);
      opts[spec.dest] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option ${spec.flags.at(-1)} needs a value`);
    opts[spec.dest] = value;
  }
  const [action, target, ...vars] = positionals;
  return { action, target, vars, opts };
}

const ACTIONS: Readonly<Record<string, string>> = {
  list: 'list', ls: 'list', add: 'add', create: 'add', delete: 'delete', remove: 'delete', rm: 'delete', del: 'delete', rename: 'rename',
  show: 'show', describe: 'show', display: 'show', start: 'start', stop: 'stop', reboot: 'reboot', destroy: 'destroy', probe: 'probe',
  'enable-monitoring': 'enable-monitoring', 'disable-monitoring': 'disable-monitoring', 'get-stats': 'get-stats', user: 'user', sync: 'sync',
  ansible: 'ansible',
};

const TARGETS: Readonly<Record<string, string>> = {
  backend: 'backend', backends: 'backend', machine: 'machine', machines: 'machine', key: 'key', keys: 'key', info: 'info',
  providers: 'providers', supported_providers: 'providers', images: 'images', image: 'images', locations: 'locations', location: 'locations',
  sizes: 'sizes', size: 'sizes', dbyaml: 'dbyaml', plugins: 'plugin', plugin: 'plugin',
};

/** mist.client's action and target words (with their aliases and singular/plural forms) → one canonical pair. */
export function canonical(action: string, target: string | undefined): { action: string; target: string | undefined } {
  const a = ACTIONS[action];
  if (!a) throw new UsageError(`invalid action ${JSON.stringify(action)} (choose from ${Object.keys(ACTIONS).join(', ')})`);
  if (target === undefined) return { action: a, target: undefined };
  const t = TARGETS[target];
  if (!t) throw new UsageError(`invalid target ${JSON.stringify(target)} (choose from ${Object.keys(TARGETS).join(', ')})`);
  return { action: a, target: t };
}
