import type { Command, CommandGroup } from '../command.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { MIST_ACTIONS } from './mist/actions.js';
import { canonical, parseMistArgs } from './mist/args.js';
import { mistHelp } from './mist/help.js';
import { terminalPrompt, type MistPrompter } from './mist/prompt.js';
import { createSession } from './mist/session.js';

/** Runs `opskit mist <action> <target> [options]`; throws for runCli to print (exit 1, or 2 for usage). */
export async function runMist(argv: readonly string[], io: CliIo, prompt: MistPrompter): Promise<number> {
  const args = parseMistArgs(argv);
  if (args.opts.help === true || args.action === undefined) {
    (args.opts.help === true ? io.stdout : io.stderr)(mistHelp());
    return args.opts.help === true ? 0 : 2;
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

/** The `opskit mist` group; `prompt` is injectable for tests. */
export function createMistCommands(options: { prompt?: MistPrompter } = {}): CommandGroup {
  const prompt = options.prompt ?? terminalPrompt;
  return {
    summary: 'mist.io: backends, machines, keys, monitoring (mist.client CLI; ansible is out of scope)',
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
  };
}

/** `opskit mist …`: the mist.io CLI with the terminal prompt. */
export const mistCommands: CommandGroup = createMistCommands();
