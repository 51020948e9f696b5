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
import { parseArgs } from 'node:util';
import type { Command, CommandGroup, OptionSpec } from '../command.js';
import { commandHelp } from '../help.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { astakosGroups } from './kamaki/astakos.js';
import { cycladesGroups } from './kamaki/cyclades.js';
import { fileGroups } from './kamaki/file.js';
import { KAMAKI_GLOBAL_OPTIONS, type KamakiOptionSpec } from './kamaki/options.js';

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

/** `opskit kamaki …`: the Synnefo / Pithos+ CLI. */
export const kamakiCommands: CommandGroup = {
  summary: 'Synnefo and Pithos+: users, quotas, servers, networks, images, volumes, files (kamaki)',
  get commands() {
    return listing(kamakiGroups());
  },
  dispatch: (argv, io) => runKamaki(argv, io, kamakiGroups()),
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

function table(rows: readonly [string, string][]): string {
  const width = Math.max(0, ...rows.map(([l]) => l.length));
  return rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`).join('\n');
}

function globalRows(): [string, string][] {
  return GLOBAL_FLAGS.map(([name, spec]) => [`${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`, spec.description]);
}

function mainHelp(groups: Readonly<Record<string, CommandGroup>>): string {
  return [
    'Usage: opskit kamaki [global options] <group> <command> [arguments] [options]',
    '',
    "kamaki's command line over opskit's Synnefo clients. Reads kamaki's config file: [cloud \"NAME\"]",
    'sections with url (the Astakos auth URL) and token. Results are JSON on stdout; errors go to stderr',
    'with exit code 1 (2 for a wrong command line).',
    '',
    'Groups:',
    table(Object.entries(groups).map(([w, g]) => [w, `${g.summary} (${Object.keys(g.commands).join(', ')})`])),
    '',
    'Global options (anywhere on the line):',
    table(globalRows()),
    '',
    "Run 'opskit kamaki <group> <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function groupHelp(word: string, group: CommandGroup): string {
  return [
    `opskit kamaki ${word}: ${group.summary}`,
    '',
    `Usage: opskit kamaki ${word} <command> [arguments] [options]`,
    '',
    'Commands:',
    table(Object.entries(group.commands).map(([n, c]) => [n, c.summary])),
    '',
  ].join('\n');
}

function parseLeaf(command: Command, args: string[], path: string) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries((command.options ?? {}) as Record<string, KamakiOptionSpec>)) {
    options[name] = { type: spec.type, ...(spec.short !== undefined ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true });
  } catch (err) {
    // parseArgs messages may quote option values, which can be tokens: rebuild them from names only.
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : '';
    const option = /(--[A-Za-z0-9][\w-]*)/.exec(message)?.[1] ?? /'(-[A-Za-z0-9])/.exec(message)?.[1] ?? 'an option';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option}; see 'opskit ${path} --help'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(
        message.includes('does not take an argument') ? `option ${option} does not take a value` : `option ${option} needs a value (write ${option}=VALUE when the value starts with '-')`,
      );
    }
    throw new UsageError(`invalid command line; see 'opskit ${path} --help'`);
  }
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
  const { values, positionals } = parseLeaf(command, words.slice(2), path);
  if (helpFirst || values.help === true) {
    const globalsHelp: Record<string, OptionSpec> = { ...KAMAKI_GLOBAL_OPTIONS };
    io.stdout(commandHelp(path, { ...command, options: { ...command.options, ...globalsHelp } }));
    return 0;
  }
  const { min, max } = command.args ?? { min: 0, max: 0 };
  // Counts only: a positional may be a token typed in the wrong place, so it is never echoed.
  if (positionals.length > max) throw new UsageError(`too many arguments for '${path}' (at most ${max}); see 'opskit ${path} --help'`);
  if (positionals.length < min) throw new UsageError(`missing argument for '${path}'; usage: opskit ${path} ${command.usage}`);
  const { help: _help, ...own } = values;
  return (await command.run({ values: { ...globals, ...own } as CommandInput['values'], positionals, io })) ?? 0;
}

type CommandInput = Parameters<Command['run']>[0];
