import type { CliIo } from './io.js';

/** One command-line option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Other long spellings accepted (an upstream CLI's, e.g. turboauth's `keyfile`). */
  aliases?: readonly string[];
  /** May be repeated; the value is then the list of every value given. */
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `DURATION` for `--ttl DURATION`. */
  valueName?: string;
  description: string;
}

/** Parsed option values: strings, booleans, or lists for `multiple` options. */
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** What a command's `run` receives. */
export interface CommandInput {
  /** Parsed options (strings for `type: 'string'`, booleans for `type: 'boolean'`, lists for `multiple`). */
  values: OptionValues;
  positionals: readonly string[];
  io: CliIo;
}

/** A leaf command such as `fernet encrypt`. */
export interface Command {
  summary: string;
  /** Arguments part of the usage line, e.g. `[DATA] [--key KEY | --key-file FILE]`. */
  usage: string;
  /** Extra help paragraphs. */
  details?: string;
  options?: Record<string, OptionSpec>;
  /** Accepted positional count (default none). */
  args?: { min: number; max: number };
  /** Runs the command; resolves with the exit code (default 0). */
  run(input: CommandInput): Promise<number | void>;
}

/** One option as the convention checks see it. */
export interface OptionInfo {
  long: string;
  short?: string;
  /** True when the option is an upstream CLI's, kept for parity (its letter may mean something else elsewhere). */
  parity?: boolean;
}

/** One runnable command of a group: the words after the group, and every option it takes. */
export interface CommandInfo {
  path: readonly string[];
  options: readonly OptionInfo[];
}

/** A group of commands under one word, e.g. `fernet`. Families add one group each. */
export interface CommandGroup {
  summary: string;
  commands: Record<string, Command>;
  /**
   * The upstream CLI whose options this group keeps (`Joyent's triton CLI`): its short options
   * may mean something else in other groups, and the help says so.
   */
  parity?: string;
  /**
   * Parses the rest of the command line itself (everything after the group word) instead of the
   * one-command-one-option-table scheme: for groups that mirror an upstream CLI with nested
   * subcommands and options before the command (`vigiles -k KEY manifest upload …`). `commands`
   * then only feeds the help listing.
   */
  dispatch?(argv: readonly string[], io: CliIo): Promise<number>;
  /** Every runnable command with its options (default: `commands` as they are). */
  walk?(): CommandInfo[];
}

/** Writes one JSON document as one line: easy for both `jq` and line-oriented readers. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}

/** The option every command takes, added by the dispatcher: `--dry-run`. */
export const DRY_RUN: OptionSpec = { type: 'boolean', description: 'print what would be sent or written instead of doing it' };

/** `walk()` of a group made of plain commands. */
export function walkCommands(commands: Readonly<Record<string, Command>>, parity = false): CommandInfo[] {
  return Object.entries(commands).map(([name, c]) => ({
    path: [name],
    options: [
      ...Object.entries(c.options ?? {}).map(([long, spec]): OptionInfo => ({ long, ...(spec.short ? { short: spec.short } : {}), ...(parity ? { parity } : {}) })),
      { long: 'help', short: 'h' },
      { long: 'dry-run' },
    ],
  }));
}
