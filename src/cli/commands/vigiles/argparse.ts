import { UsageError } from '../../usage-error.js';

/**
 * One option, argparse style. `flag` takes no value; `value` takes one; `list` takes one or more
 * following words (argparse `nargs='+'`), and may be repeated.
 */
export interface OptSpec {
  /** Spellings, e.g. `['-f', '--filter-results']`; the first long one names it in messages. */
  flags: readonly string[];
  dest: string;
  kind: 'flag' | 'value' | 'list';
  metavar?: string;
  choices?: readonly string[];
  help: string;
}

/** A positional argument; `variadic` takes one or more words (argparse `nargs='+'`). */
export interface ArgSpec {
  name: string;
  variadic?: boolean;
  optional?: boolean;
}

export type OptValue = string | boolean | string[] | undefined;

export interface Parsed {
  opts: Record<string, OptValue>;
  args: Record<string, string | string[] | undefined>;
  help: boolean;
  /** With `stopAtPositional`: the index of the first word not consumed (the command word). */
  rest: number;
}

/**
 * Parses one command's words the way Python's argparse does for the upstream CLI: options anywhere
 * among the positionals, `--opt=value` and `-oVALUE` forms, `nargs='+'` lists that stop at the next
 * option, `--` ending options. Unknown options and wrong counts are UsageErrors (exit 2).
 */
export function parseWords(
  words: readonly string[],
  options: readonly OptSpec[],
  args: readonly ArgSpec[],
  usage: string,
  stopAtPositional = false,
): Parsed {
  const byFlag = new Map<string, OptSpec>();
  for (const o of options) for (const f of o.flags) byFlag.set(f, o);
  const opts: Record<string, OptValue> = {};
  const positionals: string[] = [];
  let help = false;
  let onlyPositionals = false;
  const fail = (message: string): never => {
    throw new UsageError(`${message}\nusage: ${usage}`);
  };
  const take = (spec: OptSpec, value: string) => {
    if (spec.choices && !spec.choices.includes(value)) fail(`argument ${label(spec)}: invalid choice: '${value}' (choose from ${spec.choices.join(', ')})`);
    return value;
  };

  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] as string;
    if (onlyPositionals || !word.startsWith('-') || word === '-') {
      if (stopAtPositional) break;
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    if (word === '-h' || word === '--help') {
      help = true;
      continue;
    }
    if (word === '--debug') continue; // runCli's own flag
    let name = word;
    let inline: string | undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      if (eq > 0) [name, inline] = [word.slice(0, eq), word.slice(eq + 1)];
    } else if (word.length > 2) {
      [name, inline] = [word.slice(0, 2), word.slice(2)];
    }
    const spec = byFlag.get(name);
    if (!spec) fail(`unrecognized argument: ${name}`);
    const s = spec as OptSpec;
    if (s.kind === 'flag') {
      if (inline !== undefined && word.startsWith('--')) fail(`argument ${label(s)}: ignored explicit argument`);
      opts[s.dest] = true;
      // `-fi`: a run of single-letter flags.
      if (inline !== undefined) for (const ch of inline) {
        const next = byFlag.get(`-${ch}`);
        if (!next || next.kind !== 'flag') fail(`unrecognized argument: -${ch}`);
        opts[(next as OptSpec).dest] = true;
      }
      continue;
    }
    const values: string[] = [];
    if (inline !== undefined) values.push(take(s, inline));
    else if (s.kind === 'value') {
      const v = words[++i];
      if (v === undefined || (v.startsWith('-') && v !== '-')) fail(`argument ${label(s)}: expected one argument`);
      values.push(take(s, v as string));
    }
    if (s.kind === 'list') {
      while (i + 1 < words.length && !(words[i + 1] as string).startsWith('-')) values.push(take(s, words[++i] as string));
      if (values.length === 0) fail(`argument ${label(s)}: expected at least one argument`);
      opts[s.dest] = [...((opts[s.dest] as string[] | undefined) ?? []), ...values];
    } else {
      opts[s.dest] = values[0];
    }
  }
  if (help || stopAtPositional) return { opts, args: {}, help, rest: i };

  const out: Record<string, string | string[] | undefined> = {};
  let at = 0;
  for (const [n, a] of args.entries()) {
    const remainingRequired = args.slice(n + 1).filter((x) => !x.optional).length;
    if (a.variadic) {
      const count = positionals.length - at - remainingRequired;
      if (count < 1 && !a.optional) fail(`the following arguments are required: ${a.name}`);
      out[a.name] = positionals.slice(at, at + Math.max(0, count));
      at += Math.max(0, count);
    } else if (at < positionals.length) {
      out[a.name] = positionals[at++];
    } else if (!a.optional) {
      fail(`the following arguments are required: ${args.slice(n).filter((x) => !x.optional).map((x) => x.name).join(', ')}`);
    }
  }
  // Counts only: a stray positional may be a secret typed in the wrong place.
  if (at < positionals.length) fail(`${positionals.length - at} unrecognized argument(s)`);
  return { opts, args: out, help, rest: words.length };
}

function label(spec: OptSpec): string {
  return spec.flags.filter((f) => f.startsWith('--'))[0] ?? spec.flags[0] ?? spec.dest;
}

/** `a, b ,c` → `['a', 'b', 'c']`: upstream splits comma lists on `,` and strips each item. */
export function commaList(value: OptValue): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Help text for one command: usage, summary, positionals and options. */
export function leafHelp(usage: string, summary: string, options: readonly OptSpec[], details?: string): string {
  const rows = options.map((o): [string, string] => [`${o.flags.join(', ')}${o.kind === 'flag' ? '' : ` ${o.metavar ?? o.dest.toUpperCase()}${o.kind === 'list' ? ' ...' : ''}`}`, o.help]);
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([l]) => l.length));
  return [`usage: ${usage}`, '', summary, ...(details ? ['', details] : []), '', 'options:', ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`), ''].join('\n');
}
