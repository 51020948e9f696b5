import type { DryRunRequest } from '../../../core/dry-run.js';
import type { Llapi } from '../../../timesys/index.js';
import type { CliIo } from '../../io.js';
import { parseDuration } from '../../duration.js';
import type { ArgSpec, OptSpec, OptValue } from './argparse.js';

/** What a leaf command's `run` gets. */
export interface RunContext {
  opts: Record<string, OptValue>;
  args: Record<string, string | string[] | undefined>;
  io: CliIo;
  /** The client, from the key file, dashboard config and global options (built on first use). */
  llapi(): Promise<Llapi>;
  /** Prints a result as JSON (pretty on a terminal unless `-f/--no-format`). */
  print(value: unknown): void;
  /** Writes downloaded bytes, exactly, to `outfile` or stdout; a dry-run record is printed instead. */
  save(result: Uint8Array | DryRunRequest, outfile: string | undefined, toStdout: boolean): Promise<void>;
  /** Reads a file as upstream's CLI does (text mode: UTF-8, universal newlines). */
  readText(path: string): Promise<string>;
  /** Upstream's INFO/WARNING log lines, on stderr (LOG_LEVEL filters them). */
  info(message: string): void;
  warn(message: string): void;
  /** The progress line of a long operation (a background job): on a terminal, or with `--progress`. */
  progress(text: string): void;
}

/** A command that runs. */
export interface Leaf {
  summary: string;
  args?: readonly ArgSpec[];
  options?: readonly OptSpec[];
  details?: string;
  /** False for commands that need no key file (`version`). */
  needsKey?: boolean;
  run(ctx: RunContext): Promise<void>;
}

/** A command word with subcommands (`manifest`, `group settings`, …). */
export interface Branch {
  summary: string;
  children: Readonly<Record<string, Node>>;
}

export type Node = Leaf | Branch;

export const isBranch = (node: Node): node is Branch => 'children' in node;

/** Option builders, to keep command tables readable. */
export const flag = (flags: readonly string[], dest: string, help: string): OptSpec => ({ flags, dest, kind: 'flag', help });
export const value = (flags: readonly string[], dest: string, help: string, metavar?: string, choices?: readonly string[]): OptSpec => ({
  flags, dest, kind: 'value', help, ...(metavar && { metavar }), ...(choices && { choices }),
});
export const list = (flags: readonly string[], dest: string, help: string, metavar?: string, choices?: readonly string[], nargs: '+' | '*' = '+'): OptSpec => ({
  flags, dest, kind: 'list', help, ...(metavar && { metavar }), ...(choices && { choices }), ...(nargs === '*' && { nargs }),
});

/** An option's value as a string, when it was given one. */
export const str = (v: OptValue): string | undefined => (typeof v === 'string' ? v : undefined);

/** A duration option (`--timeout 600`, `600s`, `1.5s`): milliseconds, or undefined when not given. */
export function duration(v: OptValue, name: string): number | undefined {
  return typeof v === 'string' ? parseDuration(v, name) : undefined;
}
