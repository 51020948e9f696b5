import type { Command, CommandGroup, CommandInfo } from '../command.js';
import type { CliIo } from '../io.js';
import { terminalPrompt, type Prompter } from '../prompt.js';
import { UsageError } from '../usage-error.js';
import { MIST_ACTIONS } from './mist/actions.js';
import { canonical, MIST_OPTIONS, parseMistArgs } from './mist/args.js';
import { MIST_COMMANDS, mistCommandHelp, mistHelp } from './mist/help.js';
import { createSession } from './mist/session.js';

/** Runs `opskit mist <action> <target> [options]`; throws for runCli to print (exit 1, or 2 for usage). */
export async function runMist(argv: readonly string[], io: CliIo, prompt: Prompter): Promise<number> {
  const args = parseMistArgs(argv);
  const help = args.opts.help === true;
  if (help && args.action !== undefined) {
    const { action, target } = canonical(args.action, args.target);
    const command = MIST_COMMANDS.find((c) => c.keys.includes(`${action}:${target ?? ''}`));
    if (command) return io.stdout(mistCommandHelp(command)), 0;
  }
  if (help || args.action === undefined) {
    (help ? io.stdout : io.stderr)(mistHelp());
    return help ? 0 : 2;
  }
  if (args.action === 'ansible') {
    throw new UsageError("mist.client's ansible action is out of scope for opskit (see docs/mist.md); use ansible with the key from 'opskit mist show key -n NAME --reveal'");
  }
  const { action, target } = canonical(args.action, args.target);
  const handler = MIST_ACTIONS[`${action}:${target ?? ''}`];
  if (!handler) {
    if (target === undefined) throw new UsageError(`'${args.action}' needs a target (backends, machines, keys, providers, images, sizes, locations, plugins, info)`);
    throw new UsageError(`'${args.action} ${args.target}' is not a command; see 'opskit mist --help'`);
  }
  const extra = action === 'sync' ? 1 : 0;
  if (args.vars.length > extra) throw new UsageError(`too many arguments for '${args.action} ${args.target ?? ''}'; see 'opskit mist --help'`);
  await handler(createSession(io, args.opts, args.vars, prompt));
  return 0;
}

const listing = (summary: string): Command => ({ summary, usage: '', run: async () => 1 });

/** Every command as `[action, target]` words, with every option (mist.client's options are global). */
function walk(): CommandInfo[] {
  const options = MIST_OPTIONS.map((o) => {
    const long = (o.flags.find((f) => f.startsWith('--')) ?? o.flags[0]!).slice(2);
    const short = o.flags.find((f) => /^-[^-]$/.test(f))?.slice(1);
    return { long, ...(short ? { short } : {}), ...(o.extra || long === 'help' ? {} : { parity: true }) };
  });
  const words: Record<string, string> = { backend: 'backends', machine: 'machines', key: 'keys', plugin: 'plugins', dbyaml: '' };
  return MIST_COMMANDS.flatMap((c) => c.keys.map((k) => {
    const [action, target] = k.split(':') as [string, string];
    const path = [action === 'add' && target === 'machine' ? 'create' : action, ...(target === '' ? [] : [words[target] ?? target])].filter(Boolean);
    return { path, options };
  }));
}

/** The `opskit mist` group; `prompt` is injectable for tests. */
export function createMistCommands(options: { prompt?: Prompter } = {}): CommandGroup {
  const prompt = options.prompt ?? terminalPrompt;
  return {
    summary: 'mist.io: backends, machines, keys, monitoring (mist.client CLI; ansible is out of scope)',
    parity: 'mist.client',
    // Rows for `opskit --help`; running goes through `dispatch`.
    commands: {
      'list|ls': listing('list backends, machines, keys, providers, images, sizes, locations, plugins'),
      'add|create': listing('add a backend, machine, key or plugin'),
      'delete|rm|rename|show': listing('delete, rename or show a backend or key'),
      'start|stop|reboot|destroy|probe': listing('machine actions'),
      'enable-monitoring|disable-monitoring|get-stats': listing('monitoring of a machine'),
      'user info': listing('the account and its plan'),
      sync: listing("import a standalone server's db.yaml"),
    },
    dispatch: (argv, io) => runMist(argv, io, prompt),
    walk,
  };
}

/** `opskit mist …`: the mist.io CLI with the terminal prompt. */
export const mistCommands: CommandGroup = createMistCommands();
