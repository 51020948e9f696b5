import type { CliIo } from './io.js';

/** One command-line option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in help, e.g. `S` for `--ttl S`. */
  valueName?: string;
  description: string;
}

/** What a command's `run` receives. */
export interface CommandInput {
  /** Parsed options (strings for `type: 'string'`, booleans for `type: 'boolean'`). */
  values: Readonly<Record<string, string | boolean | undefined>>;
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

/** A group of commands under one word, e.g. `fernet`. Families add one group each. */
export interface CommandGroup {
  summary: string;
  commands: Record<string, Command>;
  /**
   * Parses the rest of the command line itself (everything after the group word) instead of the
   * one-command-one-option-table scheme: for groups that mirror an upstream CLI with nested
   * subcommands and options before the command (`vigiles -k KEY manifest upload …`). `commands`
   * then only feeds the help listing.
   */
  dispatch?(argv: readonly string[], io: CliIo): Promise<number>;
}

/** Writes one JSON document as one line: easy for both `jq` and line-oriented readers. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}
