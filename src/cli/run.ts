import type { Command, CommandGroup } from './command.js';
import { commandGroups } from './commands/index.js';
import { describeError, exitCodeOf } from './errors.js';
import { commandHelp, groupHelp, mainHelp } from './help.js';
import type { CliIo } from './io.js';
import { parseCommandLine, splitLeadingFlags } from './parse.js';
import { UsageError } from './usage-error.js';
import { version } from './version.js';
import { installAllKeyFormats } from '../node/crypto/key-formats.js';

// Every command reads every key type and format (encrypted, ECDSA) with no extra import.
installAllKeyFormats();

/**
 * Runs the `opskit` command line and resolves with the exit code, the same in every group: 0 on
 * success, 1 when the command failed (the server, the network or the data), 2 when the command
 * line or the setup was wrong. Errors go to stderr as one `opskit: <message>` line (network
 * errors name the server and the likely fix; the stack only with `--debug`); nothing is thrown.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  groups: Readonly<Record<string, CommandGroup>> = commandGroups,
): Promise<number> {
  // Looked up before parsing so that even a parse error can be debugged.
  const end = argv.indexOf('--');
  const debug = (end === -1 ? argv : argv.slice(0, end)).includes('--debug');
  try {
    return await dispatch(argv, io, groups);
  } catch (err) {
    io.stderr(`opskit: ${describeError(err, io)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n${causes(err)}`);
    return exitCodeOf(err);
  }
}

async function dispatch(argv: readonly string[], io: CliIo, groups: Readonly<Record<string, CommandGroup>>): Promise<number> {
  let i = 0;
  let help = false;
  let showVersion = false;
  // Global flags may only come before the group word; after it, options belong to the command.
  for (; i < argv.length && argv[i]?.startsWith('-'); i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--version' || flag === '-V') showVersion = true;
    else if (flag !== '--debug') throw new UsageError(`unknown option ${JSON.stringify(flag?.split('=')[0])}; see 'opskit --help'`);
  }
  if (showVersion) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const groupName = argv[i];
  if (groupName === undefined) {
    (help ? io.stdout : io.stderr)(mainHelp(groups, version()));
    return help ? 0 : 2;
  }
  const group = Object.prototype.hasOwnProperty.call(groups, groupName) ? groups[groupName] : undefined;
  if (group === undefined) {
    throw new UsageError(`unknown command ${JSON.stringify(groupName)}; groups: ${Object.keys(groups).join(', ')}`);
  }
  if (group.dispatch) return group.dispatch(help ? ['--help', ...argv.slice(i + 1)] : argv.slice(i + 1), io);
  return runPlainGroup(groupName, group, help ? ['--help', ...argv.slice(i + 1)] : argv.slice(i + 1), io);
}

/**
 * Runs `<command> [arguments] [options]` of a group made of plain commands (fernet, turbo, sim):
 * the flags every command takes (`--dry-run`, `--help`, `--debug`, `--progress`) may also come
 * before the command word.
 */
export async function runPlainGroup(groupName: string, group: CommandGroup, argv: readonly string[], io: CliIo): Promise<number> {
  const { flags, command: commandName, rest } = splitLeadingFlags(argv);
  const wantsHelp = flags.includes('--help') || flags.includes('-h');
  if (commandName === undefined) {
    if (rest.length > 0 && !wantsHelp) throw new UsageError(`unknown option ${JSON.stringify(rest[0]?.split('=')[0])} before the command; see 'opskit ${groupName} --help'`);
    (wantsHelp ? io.stdout : io.stderr)(groupHelp(groupName, group));
    return wantsHelp ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(group.commands, commandName) ? group.commands[commandName] : undefined;
  if (command === undefined) {
    throw new UsageError(
      `unknown command ${JSON.stringify(`${groupName} ${commandName}`)}; ${groupName} commands: ${Object.keys(group.commands).join(', ')}`,
    );
  }
  return runCommand(`${groupName} ${commandName}`, command, [...rest, ...flags], io, group.parity);
}

/** Parses one plain command's words, then shows its help or runs it. */
export async function runCommand(path: string, command: Command, args: readonly string[], io: CliIo, parity?: string): Promise<number> {
  const { values, positionals } = parseCommandLine(command, args, path);
  if (values.help === true) {
    io.stdout(commandHelp(path, command, parity));
    return 0;
  }
  const { min, max } = command.args ?? { min: 0, max: 0 };
  // Counts only: positionals may be secrets (a key typed in the wrong place), so never echo them.
  if (positionals.length > max) throw new UsageError(`too many arguments for '${path}' (at most ${max}); see 'opskit ${path} --help'`);
  if (positionals.length < min) throw new UsageError(`missing argument for '${path}'; usage: opskit ${path} ${command.usage}`);
  const { help: _help, debug: _debug, ...own } = values;
  return (await command.run({ values: own, positionals, io })) ?? 0;
}

function causes(err: Error): string {
  let out = '';
  for (let c = err.cause, depth = 0; c !== undefined && depth < 5; c = (c as Error)?.cause, depth++) {
    out += `caused by: ${c instanceof Error ? (c.stack ?? c.message) : String(c)}\n`;
  }
  return out;
}
