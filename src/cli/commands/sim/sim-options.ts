import { camelCase, closestName } from '../../../core/options.js';
import type { SimName } from '../../../sim/index.js';
import { simNames } from '../../../sim/index.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../usage-error.js';
import { optionTable } from './option-table.js';
import { parseOptionValue } from './parse-value.js';

/** A named flag of `sim serve` that stands for one simulator option. */
export interface NamedFlag {
  /** The flag, without `--`. */
  flag: string;
  /** The `createSim` option it sets. */
  option: string;
  valueName: string;
  description: string;
}

/** The flags the common variants get, beside the generic `--set name=value`. */
export const NAMED_FLAGS: readonly NamedFlag[] = [
  { flag: 'seed', option: 'seed', valueName: 'N', description: 'seed of ids, tokens and cursors (every family)' },
  { flag: 'platform', option: 'platform', valueName: 'xl|classic', description: 'turbonomic: XL (/api/v3/) or Classic (/vmturbo/rest/)' },
  { flag: 'product', option: 'product', valueName: 'turbonomic|cwom', description: 'turbonomic: the product (cwom: the Cisco white label)' },
  { flag: 'version', option: 'version', valueName: 'V', description: 'turbonomic: the server version, e.g. 8.3.1 or 6.4.10' },
  { flag: 'entities', option: 'entities', valueName: 'N', description: 'turbonomic: number of entities (up to 10,000,000)' },
  { flag: 'page-size', option: 'pageSize', valueName: 'N', description: 'turbonomic, demo: default page size' },
  { flag: 'job-delay', option: 'jobDelayMs', valueName: 'DURATION', description: 'timesys, demo: how long a background job takes (seconds: 1.5, 1.5s, 1500ms)' },
  { flag: 'transition', option: 'transitionMs', valueName: 'DURATION', description: 'triton, mist: how long a machine state change takes (seconds: 3, 3s, 500ms)' },
];

/**
 * The `createSim` options a command line asks for: named flags (`--entities 10000`) and
 * `--set name=value` (repeatable; `--option` is the same), each typed by the family's option
 * table. Named duration flags take seconds like every opskit option (`--job-delay 1.5`);
 * `--set` takes createSim's own values (`--set jobDelayMs=1500`, or with a unit: `1.5s`). Names may be written camelCase, snake_case or kebab-case. An option given twice, one the
 * family does not have, or a malformed value is a UsageError (exit 2) naming it.
 */
export function simOptions(family: SimName, named: Readonly<Record<string, string | undefined>>, sets: readonly string[]): Record<string, unknown> {
  const table = optionTable(family);
  const out: Record<string, unknown> = {};
  const given = new Map<string, string>();
  const put = (option: string, raw: string, how: string, namedFlag = false) => {
    const entry = table[option];
    if (entry === undefined) throw new UsageError(`${how} does not apply to the ${family} simulator`);
    const earlier = given.get(option);
    if (earlier !== undefined) throw new UsageError(`${how} sets ${option}, which ${earlier} already set`);
    given.set(option, how);
    out[option] = namedFlag && entry.kind.type === 'ms' ? parseDuration(raw, how, true) : parseOptionValue(entry.kind, raw, how);
  };
  for (const f of NAMED_FLAGS) {
    const raw = named[f.flag];
    if (raw === undefined) continue;
    if (table[f.option] === undefined) {
      const families = simNames.filter((n) => optionTable(n)[f.option] !== undefined);
      throw new UsageError(`--${f.flag} does not apply to the ${family} simulator (it applies to ${families.join(', ')})`);
    }
    put(f.option, raw, `--${f.flag}`, true);
  }
  for (const item of sets) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value (e.g. --set pageSize=100), got ${JSON.stringify(item.slice(0, 40))}`);
    const written = item.slice(0, eq).trim();
    const folded = written.replace(/[-_]/g, '').toLowerCase();
    const option = table[camelCase(written)] !== undefined ? camelCase(written) : (Object.keys(table).find((k) => k.toLowerCase() === folded) ?? written);
    if (table[option] === undefined) {
      const hint = closestName(written, Object.keys(table));
      throw new UsageError(
        `the ${family} simulator has no option ${JSON.stringify(written)}${hint ? ` (did you mean ${hint}?)` : ''}; see 'opskit sim options ${family}'`,
      );
    }
    put(option, item.slice(eq + 1), `--set ${option}`);
  }
  return out;
}
