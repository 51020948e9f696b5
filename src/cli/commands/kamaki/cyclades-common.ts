import type { Command } from '../../command.js';
import { durationOption } from '../../duration.js';
import { UsageError } from '../../usage-error.js';
import { listValues, stringValue, type KamakiOptionSpec } from './options.js';
import { kamakiSession, type KamakiSession } from './session.js';

/** Shared pieces of the Cyclades command groups (server, flavor, image, network, …, volume, snapshot). */

export type Values = Readonly<Record<string, unknown>>;
export type Options = Record<string, KamakiOptionSpec>;

/** A command whose `run` gets the kamaki session, the option values and the positionals. */
export function command(
  spec: Omit<Command, 'run'> & { options?: Options },
  run: (k: KamakiSession, values: Values, args: readonly string[]) => Promise<number | void>,
): Command {
  return { ...spec, run: async (input) => run(await kamakiSession(input), input.values, input.positionals) };
}

export const DETAIL: Options = { detail: { type: 'boolean', short: 'l', description: 'show every field (the /detail listing)' } };
export const WAIT: Options = {
  wait: { type: 'boolean', short: 'w', description: 'wait for the change to finish, reporting progress on stderr' },
  timeout: { type: 'string', valueName: 'DURATION', description: 'give up waiting after this long (default 300s)' },
};
export const PROJECT: Options = { 'project-id': { type: 'string', valueName: 'ID', description: 'the project to charge (default: your default project)' } };

/** A required string option. */
export function required(values: Values, name: string): string {
  const v = stringValue(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

/** A whole number option (or undefined). */
export function integer(values: Values, name: string): number | undefined {
  const v = stringValue(values, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number`);
  return Number(v);
}

/** `key=value` items of a repeatable option, as an object. */
export function keyValues(values: Values, name: string): Record<string, string> | undefined {
  const items = listValues(values, name);
  if (items.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${name} takes KEY=VALUE`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** `key=value` positionals, as an object. */
export function keyValueArgs(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of args) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError('metadata to set is given as KEY=VALUE');
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** Waiter options from `--timeout` and the session's progress line. */
export function waitOptions(k: KamakiSession, values: Values, what: string): { timeout: number; onProgress: ReturnType<KamakiSession['progress']> } {
  return { timeout: durationOption(values.timeout, '--timeout', 300_000), onProgress: k.progress(what) };
}

/** The positional at `i` (the dispatcher has checked the count). */
export function arg(args: readonly string[], i: number): string {
  return args[i] as string;
}
