import { UsageError } from '../../usage-error.js';

/** One option of `opskit triton` (global or a command's own). */
export interface OptDef {
  /** Long name, also the key in the parsed values. */
  name: string;
  /** One-letter form. */
  short?: string;
  /** Other long names accepted (Joyent's spellings such as `keyId`, `wait-timeout`). */
  aliases?: readonly string[];
  /** `flag` takes no value; `value` takes one; `list` may be repeated and collects every value. */
  kind: 'flag' | 'value' | 'list';
  /** Placeholder in help (`NAME`, `DURATION`). */
  valueName?: string;
  help: string;
}

/** Parsed option values: booleans for flags, strings for values, arrays for lists. */
export type OptValues = Record<string, string | boolean | string[] | undefined>;

/** Looks an option up by a long or short spelling; a command's own options win over the globals. */
function finder(...tables: readonly (readonly OptDef[])[]) {
  return {
    long(name: string): OptDef | undefined {
      for (const t of tables) {
        const hit = t.find((o) => o.name === name || (o.aliases ?? []).includes(name));
        if (hit) return hit;
      }
      return undefined;
    },
    short(ch: string): OptDef | undefined {
      for (const t of tables) {
        const hit = t.find((o) => o.short === ch);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

function put(values: OptValues, def: OptDef, value: string | true): void {
  if (def.kind === 'flag') {
    values[def.name] = true;
    return;
  }
  if (value === true) throw new UsageError(`option --${def.name} needs a value`);
  if (def.kind === 'list') values[def.name] = [...((values[def.name] as string[] | undefined) ?? []), value];
  else values[def.name] = value;
}

/**
 * Reads options and positionals from `words`. Options may come anywhere (before or after the
 * positionals, as Joyent's CLI allows after the command word); `--` ends them. `-abc` is a cluster
 * of flags, `-nNAME` and `--name=NAME` carry their value, and a value-taking option otherwise takes
 * the next word, whatever it looks like. `stopAt` ends the options at the first positional (for
 * the words before the command is known).
 */
export function parseWords(
  words: readonly string[],
  tables: readonly (readonly OptDef[])[],
  options: { stopAtPositional?: boolean } = {},
): { values: OptValues; positionals: string[]; rest: number } {
  const find = finder(...tables);
  const values: OptValues = {};
  const positionals: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      positionals.push(...words.slice(i + 1));
      i = words.length;
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq === -1 ? w.slice(2) : w.slice(2, eq);
      const def = find.long(name);
      // Option names only, never values: a value could be a secret typed in the wrong place.
      if (!def) throw new UsageError(`unknown option --${name.replace(/[^\w-]/g, '')}`);
      if (eq !== -1) {
        if (def.kind === 'flag') throw new UsageError(`option --${def.name} does not take a value`);
        put(values, def, w.slice(eq + 1));
      } else if (def.kind === 'flag') {
        put(values, def, true);
      } else {
        if (i + 1 >= words.length) throw new UsageError(`option --${def.name} needs a value`);
        put(values, def, words[++i]!);
      }
      continue;
    }
    if (w.startsWith('-') && w.length > 1 && !/^-\d/.test(w)) {
      for (let j = 1; j < w.length; j++) {
        const ch = w[j]!;
        const def = find.short(ch);
        if (!def) throw new UsageError(`unknown option -${/[\w]/.test(ch) ? ch : '?'}`);
        if (def.kind === 'flag') {
          put(values, def, true);
          continue;
        }
        const attached = w.slice(j + 1);
        if (attached !== '') put(values, def, attached.startsWith('=') ? attached.slice(1) : attached);
        else if (i + 1 < words.length) put(values, def, words[++i]!);
        else throw new UsageError(`option -${ch} (--${def.name}) needs a value`);
        break;
      }
      continue;
    }
    if (options.stopAtPositional) break;
    positionals.push(w);
  }
  return { values, positionals, rest: i };
}

/** A string option's value (the last one, for a repeated value option). */
export function str(v: OptValues[string]): string | undefined {
  if (Array.isArray(v)) return v.at(-1);
  return typeof v === 'string' ? v : undefined;
}

/** A list option's values (a single value counts as a list of one). */
export function strs(v: OptValues[string]): string[] {
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

export { parseDuration } from '../../duration.js';

/** `KEY=VALUE` words → an object (values stay strings). */
export function pairs(words: readonly string[], what = 'KEY=VALUE'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    // Quote at most the key: the value could be a password (rbac user add password=…).
    if (eq <= 0) throw new UsageError(`expected ${what}, got ${JSON.stringify(w.slice(0, Math.max(0, w.indexOf('=')) || 20))}`);
    out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}

/**
 * `KEY=VALUE` words with Joyent's typing for tags and metadata: `true`/`false` → booleans and
 * numbers → numbers (`triton instance tag set` does the same); everything else stays a string.
 */
export function typedPairs(words: readonly string[]): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(pairs(words))) out[k] = v === 'true' ? true : v === 'false' ? false : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return out;
}
