import type { OptionSpec } from '../../command.js';

/**
 * An option of a kamaki command: the core's OptionSpec (`multiple` for a repeatable one, e.g.
 * `--resource cyclades.cpu=1,5 --resource cyclades.vm=1,2`; read it with {@link listValues}).
 */
export type KamakiOptionSpec = OptionSpec;

/**
 * Options every `opskit kamaki` command takes, anywhere on the line (kamaki's global options).
 * Their values reach each command's `run` in `values` under these names, so command options must
 * not reuse them (nor `-c`).
 */
export const KAMAKI_GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = Object.freeze({
  config: { type: 'string', short: 'c', valueName: 'FILE', description: 'kamaki config file (default $KAMAKI_CONFIG, else ~/.kamakirc)' },
  cloud: { type: 'string', valueName: 'NAME', description: 'cloud of the config file (default: global.default_cloud, or the only one)' },
  'output-format': { type: 'string', valueName: 'FORMAT', description: 'json (default: one line per result) or pretty (indented JSON)' },
  'dry-run': { type: 'boolean', description: 'print the request a command would send instead of sending it (the catalog is still read)' },
  progress: { type: 'boolean', description: 'progress of waits and transfers on stderr even when it is not a terminal' },
});

/** The values of a repeatable option (`multiple: true`), always as a list. */
export function listValues(values: Readonly<Record<string, unknown>>, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** A string option's value, or undefined. */
export function stringValue(values: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}
