import { parseArgs } from 'node:util';
import type { Command, CommandGroup } from './command.js';
import { commandGroups } from './commands/index.js';
import { commandHelp, groupHelp, mainHelp } from './help.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { version } from './version.js';

/**
 * Runs the `opskit` command line and resolves with the exit code: 0 on success,
 * 1 when the command failed, 2 when the command line was wrong. Errors go to stderr as
 * one `opskit: <message>` line (plus the stack with `--debug`); nothing is thrown.
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
    io.stderr(`opskit: ${messageOf(err)}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n${causes(err)}`);
    return err instanceof UsageError ? 2 : 1;
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
    throw new UsageError(`unknown command ${JSON.stringify(groupName)}; commands: ${Object.keys(groups).join(', ')}`);
  }
  if (group.dispatch) return group.dispatch(help ? ['--help', ...argv.slice(i + 1)] : argv.slice(i + 1), io);
  const commandName = argv[i + 1];
  if (commandName === undefined || commandName.startsWith('-')) {
    const wantsHelp = help || commandName === '--help' || commandName === '-h';
    (wantsHelp ? io.stdout : io.stderr)(groupHelp(groupName, group));
    return wantsHelp ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(group.commands, commandName) ? group.commands[commandName] : undefined;
  if (command === undefined) {
    throw new UsageError(
      `unknown command ${JSON.stringify(`${groupName} ${commandName}`)}; ${groupName} commands: ${Object.keys(group.commands).join(', ')}`,
    );
  }
  const path = `${groupName} ${commandName}`;
  const { values, positionals } = parse(command, argv.slice(i + 2), path);
  if (help || values.help === true) {
    io.stdout(commandHelp(path, command));
    return 0;
  }
  const { min, max } = command.args ?? { min: 0, max: 0 };
  // Counts only: positionals may be secrets (a key typed in the wrong place), so never echo them.
  if (positionals.length > max) throw new UsageError(`too many arguments for '${path}' (at most ${max}); see 'opskit ${path} --help'`);
  if (positionals.length < min) throw new UsageError(`missing argument for '${path}'; usage: opskit ${path} ${command.usage}`);
  return (await command.run({ values, positionals, io })) ?? 0;
}

function parse(command: Command, args: string[], path: string) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
    debug: { type: 'boolean' },
  };
  for (const [name, spec] of Object.entries(command.options ?? {})) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  try {
    return parseArgs({ args: joinDashValues(args, options), allowPositionals: true, options, strict: true });
  } catch (err) {
    throw new UsageError(`${parseErrorMessage(err)}; see 'opskit ${path} --help'`);
  }
}

/**
 * `--key -abc…`: base64url keys and tokens may start with '-', which parseArgs reads as a new
 * option. A value-taking long option followed by something that is not one of our options
 * gets that argument as its value.
 */
function joinDashValues(args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>): string[] {
  const out: string[] = [];
  const known = (a: string) => a === '--' || Object.entries(options).some(([n, o]) => a === `--${n}` || a.startsWith(`--${n}=`) || (o.short !== undefined && a === `-${o.short}`));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && next !== '-' && !known(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

/**
 * parseArgs messages can quote option values (e.g. "use '--key=-abc…'" for a value that
 * starts with a dash), and a value may be a key, so rebuild them from option names only.
 */
function parseErrorMessage(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : '';
  // Messages quote options as '--name', '-n' or '-n, --name'; prefer the long form.
  const option = /(--[A-Za-z0-9][\w-]*)/.exec(message)?.[1] ?? /'(-[A-Za-z0-9])/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument')
      ? `option ${option} does not take a value`
      : `option ${option} needs a value (write ${option}=VALUE when the value starts with '-')`;
  }
  return 'invalid command line';
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function causes(err: Error): string {
  let out = '';
  for (let c = err.cause, depth = 0; c !== undefined && depth < 5; c = (c as Error)?.cause, depth++) {
    out += `caused by: ${c instanceof Error ? (c.stack ?? c.message) : String(c)}\n`;
  }
  return out;
}
