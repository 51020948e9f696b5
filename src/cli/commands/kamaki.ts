/**
 * `opskit kamaki …`: kamaki's command line (`kamaki <group> <command> [args] [options]`) over
 * opskit's Synnefo clients, reading kamaki's own config file.
 *
 * How a group file plugs in (`kamaki/astakos.ts`, `kamaki/cyclades.ts`, `kamaki/file.ts`):
 * - export a `Record<string, CommandGroup>` keyed by kamaki's group word (`server`, `file`, …);
 *   this dispatcher merges the three maps (a word defined twice is a bug: the later file wins);
 * - each `Command` (src/cli/command.ts) declares `summary`, `usage`, `options` (the core's
 *   `OptionSpec`, or `KamakiOptionSpec` from `kamaki/options.ts` with `multiple: true` for a
 *   repeatable option; read it with `listValues`) and `args: { min, max }` for positionals;
 * - `run(input)` starts with `const k = await kamakiSession(input)` (`kamaki/session.ts`): the
 *   cloud of the config file, `await k.client(CycladesComputeClient)` for a service client from
 *   the catalog (dry-run with `--dry-run`), `k.account()` / `k.astakos()` for Astakos,
 *   `k.print(result)` for the JSON result (tokens redacted), `k.info(line)` for notices on
 *   stderr and `k.progress('server 42')` as a waiter's `onProgress`;
 * - the global options (`-c/--config`, `--cloud`, `--output-format`, `--dry-run`; see
 *   `KAMAKI_GLOBAL_OPTIONS`) may appear anywhere and arrive in `input.values` under those names:
 *   command options must not reuse them (nor `-c`);
 * - throw `UsageError` for a bad command line (exit 2); any other error exits 1 with its message
 *   on stderr, as every opskit command (runCli prints it, `--debug` adds the stack).
 */
import type { Command, CommandGroup, CommandInfo, OptionSpec } from '../command.js';
import { columns, commandHelp, parityNote, wrap } from '../help.js';
import type { CliIo } from '../io.js';
import { parseCommandLine } from '../parse.js';
import { UsageError } from '../usage-error.js';
import { astakosGroups } from './kamaki/astakos.js';
import { cycladesGroups } from './kamaki/cyclades.js';
import { fileGroups } from './kamaki/file.js';
import { KAMAKI_GLOBAL_OPTIONS } from './kamaki/options.js';

/** The upstream CLI whose options `opskit kamaki` keeps. */
const KAMAKI_PARITY = "kamaki's (the Synnefo CLI)";

/** Every kamaki group opskit implements, by kamaki's group word. */
export function kamakiGroups(): Readonly<Record<string, CommandGroup>> {
  return { ...astakosGroups, ...cycladesGroups, ...fileGroups };
}

/** Help rows for `opskit --help`; running goes through `dispatch`. */
function listing(groups: Readonly<Record<string, CommandGroup>>): Record<string, Command> {
  return Object.fromEntries(
    Object.entries(groups).map(([word, g]) => [word, { summary: `${g.summary} (${Object.keys(g.commands).join(', ')})`, usage: '<command> …', run: async () => 2 } satisfies Command]),
  );
}

/** Every command with its own and the global options; kamaki's letters are kept for parity. */
function walk(): CommandInfo[] {
  const globals = Object.entries(KAMAKI_GLOBAL_OPTIONS);
  return Object.entries(kamakiGroups()).flatMap(([word, g]) =>
    Object.entries(g.commands).map(([name, c]) => ({
      path: [word, name],
      options: [...Object.entries(c.options ?? {}), ...globals]
        .map(([long, spec]) => ({ long, ...(spec.short ? { short: spec.short, parity: true } : {}) }))
        .concat({ long: 'help', short: 'h' }),
    })),
  );
}

/** `opskit kamaki …`: the Synnefo / Pithos+ CLI. */
export const kamakiCommands: CommandGroup = {
  summary: 'Synnefo and Pithos+: users, quotas, servers, networks, images, volumes, files (kamaki)',
  parity: KAMAKI_PARITY,
  get commands() {
    return listing(kamakiGroups());
  },
  dispatch: (argv, io) => runKamaki(argv, io, kamakiGroups()),
  walk,
};

const GLOBAL_FLAGS = Object.entries(KAMAKI_GLOBAL_OPTIONS);

/** Pulls kamaki's global options out of the line, wherever they are; the rest keeps its order. */
function splitGlobals(argv: readonly string[]): { globals: Record<string, string | boolean>; rest: string[] } {
  const globals: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--debug') continue;
    const match = GLOBAL_FLAGS.find(([name, spec]) => arg === `--${name}` || arg.startsWith(`--${name}=`) || (spec.short !== undefined && arg === `-${spec.short}`));
    if (!match) {
      rest.push(arg);
      continue;
    }
    const [name, spec] = match;
    if (spec.type === 'boolean') {
      if (arg.includes('=')) throw new UsageError(`option --${name} does not take a value`);
      globals[name] = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    globals[name] = value;
  }
  return { globals, rest };
}

function globalRows(): [string, string][] {
  return GLOBAL_FLAGS.map(([name, spec]) => [`${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`, spec.description]);
}

function mainHelp(groups: Readonly<Record<string, CommandGroup>>): string {
  return [
    'Usage: opskit kamaki [global options] <group> <command> [arguments] [options]',
    '',
    ...wrap(
      "kamaki's command line over opskit's Synnefo clients. Reads kamaki's config file: [cloud \"NAME\"] sections " +
        'with url (the Astakos auth URL) and token. Results are JSON on stdout; errors go to stderr with exit code 1 ' +
        '(2 for a mistake in the command line or the config).',
    ),
    '',
    'Groups:',
    ...columns(Object.entries(groups).map(([w, g]) => [w, `${g.summary} (${Object.keys(g.commands).join(', ')})`])),
    '',
    'Global options (anywhere on the line):',
    ...columns([...globalRows(), ['-h, --help', 'show help (also after any command)']]),
    '',
    ...wrap(parityNote(KAMAKI_PARITY)),
    "Run 'opskit kamaki <group> <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function groupHelp(word: string, group: CommandGroup): string {
  return [
    `Usage: opskit kamaki ${word} <command> [arguments] [options]`,
    '',
    ...wrap(`${group.summary}.`),
    '',
    'Commands:',
    ...columns(Object.entries(group.commands).map(([n, c]) => [n, c.summary])),
    '',
    `Run 'opskit kamaki ${word} <command> --help' for a command's options.`,
    '',
  ].join('\n');
}

/**
 * Runs `opskit kamaki <argv>`: global options anywhere, then `<group> <command>`, then the
 * command's own arguments and options. Resolves with the exit code; failures throw (runCli turns
 * them into `opskit: <message>` and exit 1, or 2 for a UsageError).
 */
export async function runKamaki(argv: readonly string[], io: CliIo, groups: Readonly<Record<string, CommandGroup>>): Promise<number> {
  const { globals, rest } = splitGlobals(argv);
  const wantsHelp = (a: string | undefined) => a === '--help' || a === '-h';
  const helpFirst = wantsHelp(rest[0]);
  const words = helpFirst ? rest.slice(1) : rest;
  const groupWord = words[0];
  if (groupWord === undefined || groupWord.startsWith('-')) {
    const help = helpFirst || wantsHelp(groupWord);
    (help ? io.stdout : io.stderr)(mainHelp(groups));
    return help ? 0 : 2;
  }
  const group = Object.prototype.hasOwnProperty.call(groups, groupWord) ? groups[groupWord] : undefined;
  if (!group) throw new UsageError(`unknown kamaki group ${JSON.stringify(groupWord)}; groups: ${Object.keys(groups).join(', ') || '(none)'}`);
  const commandWord = words[1];
  if (commandWord === undefined || commandWord.startsWith('-')) {
    const help = helpFirst || wantsHelp(commandWord);
    (help ? io.stdout : io.stderr)(groupHelp(groupWord, group));
    return help ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(group.commands, commandWord) ? group.commands[commandWord] : undefined;
  if (!command) {
    throw new UsageError(`unknown command ${JSON.stringify(`kamaki ${groupWord} ${commandWord}`)}; kamaki ${groupWord} commands: ${Object.keys(group.commands).join(', ')}`);
  }
  const path = `kamaki ${groupWord} ${commandWord}`;
  const { values, positionals } = parseCommandLine(command, words.slice(2), path);
  if (helpFirst || values.help === true) {
    const globalsHelp: Record<string, OptionSpec> = { ...KAMAKI_GLOBAL_OPTIONS };
    io.stdout(commandHelp(path, { ...command, options: { ...command.options, ...globalsHelp } }, KAMAKI_PARITY));
    return 0;
  }
  const { min, max } = command.args ?? { min: 0, max: 0 };
  // Counts only: a positional may be a token typed in the wrong place, so it is never echoed.
  if (positionals.length > max) throw new UsageError(`too many arguments for '${path}' (at most ${max}); see 'opskit ${path} --help'`);
  if (positionals.length < min) throw new UsageError(`missing argument for '${path}'; usage: opskit ${path} ${command.usage}`);
  const { help: _help, debug: _debug, 'dry-run': _dry, ...own } = values;
  return (await command.run({ values: { ...globals, ...own } as CommandInput['values'], positionals, io })) ?? 0;
}

type CommandInput = Parameters<Command['run']>[0];
