import type { CliIo } from '../../io.js';
import type { OptDef, OptValues } from './args.js';
import type { Session } from './session.js';

/** What a command's `run` receives. */
export interface RunContext {
  /** Global and command options, parsed. */
  opts: OptValues;
  /** Positional arguments after the command words. */
  args: string[];
  io: CliIo;
  /** Connection, output, waiting, dry run and name resolution. */
  s: Session;
}

/** A command that runs. */
export interface Leaf {
  summary: string;
  /** Arguments part of the usage line (`IMAGE PACKAGE`). */
  usage: string;
  details?: string;
  options?: readonly OptDef[];
  /** Accepted positional count (default none). */
  args?: { min: number; max: number };
  run(ctx: RunContext): Promise<void>;
}

/** A command word with subcommands (`instance`, `instance tag`, …). */
export interface Branch {
  summary: string;
  children: Readonly<Record<string, Node>>;
  /** Other names of children, as Joyent's CLI has them (`ls` → `list`, `rm` → `delete`). */
  aliases?: Readonly<Record<string, string>>;
  /** The child run when no command word follows (`opskit triton account` = `account get`). */
  default?: string;
}

export type Node = Leaf | Branch;

export const isBranch = (node: Node): node is Branch => 'children' in node;

/** Option builders, to keep command tables short. */
export const flag = (name: string, help: string, short?: string, aliases?: readonly string[]): OptDef => ({ name, kind: 'flag', help, ...(short ? { short } : {}), ...(aliases ? { aliases } : {}) });
export const value = (name: string, valueName: string, help: string, short?: string, aliases?: readonly string[]): OptDef => ({ name, kind: 'value', valueName, help, ...(short ? { short } : {}), ...(aliases ? { aliases } : {}) });
export const list = (name: string, valueName: string, help: string, short?: string, aliases?: readonly string[]): OptDef => ({ name, kind: 'list', valueName, help, ...(short ? { short } : {}), ...(aliases ? { aliases } : {}) });

/** `-w, --wait` with the wait's own options, for commands where Joyent's CLI has `-w`. */
export const WAIT: readonly OptDef[] = [flag('wait', 'wait until the change is done, with one progress line per poll on stderr', 'w')];

/** Joyent's `-f/--force` and `-y/--yes`: accepted; opskit never prompts. */
export const YES: readonly OptDef[] = [flag('force', 'accepted for parity; opskit never asks for confirmation', 'f'), flag('yes', 'accepted for parity; opskit never asks for confirmation', 'y')];

/** A single positional argument count. */
export const one = { min: 1, max: 1 } as const;
/** One or more. */
export const some = { min: 1, max: Infinity } as const;
export const none = { min: 0, max: 0 } as const;
