import { columns, parityNote, wrap } from '../../help.js';
import { UsageError } from '../../usage-error.js';

/**
 * One option, argparse style. `flag` takes no value; `value` takes one; `list` takes the following
 * words up to the next option: one or more (argparse `nargs='+'`, the default) or any number
 * (`nargs='*'`). A list may be repeated.
 */
export interface OptSpec {
  /** Spellings, e.g. `['-f', '--filter-results']`; the first long one names it in messages. */
  flags: readonly string[];
  dest: string;
  kind: 'flag' | 'value' | 'list';
  /** For `list`: `+` (default) needs at least one word, `*` accepts none. */
  nargs?: '+' | '*';
  metavar?: string;
  choices?: readonly string[];
  help: string;
  /**
   * An opskit addition upstream's CLI does not have (`--reveal`, `--upstream-retry`). It never
   * makes an abbreviation ambiguous that upstream accepts: `--u` stays upstream's `--url`.
   */
  extra?: boolean;
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

/** `-h/--help`, which every parser has (a stand-in spec, so abbreviations such as `--he` find it). */
const HELP: OptSpec = { flags: ['-h', '--help'], dest: 'help', kind: 'flag', help: 'show this help' };

/**
 * Parses one command's words the way Python's argparse does for the upstream CLI: options anywhere
 * among the positionals, `--opt=value` and `-oVALUE` forms, unique prefixes of long options
 * (argparse's `allow_abbrev`: `--filter` for `--filter-results`), `nargs='+'`/`'*'` lists that stop
 * at the next option, `--` ending options. Unknown or ambiguous options and wrong counts are
 * UsageErrors (exit 2).
 */
export function parseWords(
  words: readonly string[],
  options: readonly OptSpec[],
  args: readonly ArgSpec[],
  usage: string,
  stopAtPositional = false,
): Parsed {
  const byFlag = new Map<string, OptSpec>();
  for (const o of [HELP, ...options]) for (const f of o.flags) byFlag.set(f, o);
  const opts: Record<string, OptValue> = {};
  const positionals: string[] = [];
  let help = false;
  let onlyPositionals = false;
  // argparse's message, then where the help is (one line, as every opskit error).
  const fail = (message: string): never => {
    throw new UsageError(`${message}; usage: ${usage}`);
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
    if (word === '--debug') continue; // runCli's own flag
    let name = word;
    let inline: string | undefined;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      if (eq > 0) [name, inline] = [word.slice(0, eq), word.slice(eq + 1)];
    } else if (word.length > 2) {
      [name, inline] = [word.slice(0, 2), word.slice(2)];
    }
    const s = lookup(name, byFlag, fail);
    if (s === HELP) {
      if (inline !== undefined && word.startsWith('--')) fail('argument -h/--help: ignored explicit argument');
      help = true;
      continue;
    }
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
      if (values.length === 0 && s.nargs !== '*') fail(`argument ${label(s)}: expected at least one argument`);
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

/**
 * The option a word names: an exact spelling, else (argparse's `allow_abbrev`) the one option with a
 * long spelling that starts with it. Spellings of the same option never conflict; opskit's own
 * additions (`extra`) give way to upstream's options, so every abbreviation upstream accepts works.
 */
function lookup(name: string, byFlag: ReadonlyMap<string, OptSpec>, fail: (message: string) => never): OptSpec {
  const exact = byFlag.get(name);
  if (exact) return exact;
  if (!name.startsWith('--') || name.length < 3) return fail(`unrecognized argument: ${name}`);
  const matches = new Map<OptSpec, string[]>();
  for (const [flag, spec] of byFlag) {
    if (flag.startsWith(name)) matches.set(spec, [...(matches.get(spec) ?? []), flag]);
  }
  let candidates = [...matches.keys()];
  if (candidates.length > 1) candidates = candidates.filter((c) => !c.extra);
  if (candidates.length === 1) return candidates[0] as OptSpec;
  if (matches.size === 0) return fail(`unrecognized argument: ${name}`);
  return fail(`ambiguous option: ${name} could match ${[...matches.values()].flat().join(', ')}`);
}

function label(spec: OptSpec): string {
  return spec.flags.filter((f) => f.startsWith('--'))[0] ?? spec.flags[0] ?? spec.dest;
}

/** `a, b ,c` → `['a', 'b', 'c']`: upstream splits comma lists on `,` and strips each item. */
export function commaList(value: OptValue): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Help text for one command: usage, summary and options, within the help width. */
export function leafHelp(usage: string, summary: string, options: readonly OptSpec[], details?: string, parity?: string): string {
  const rows = options.map((o): [string, string] => [`${o.flags.join(', ')}${o.kind === 'flag' ? '' : ` ${o.metavar ?? o.dest.toUpperCase()}${o.kind === 'list' ? ' ...' : ''}`}`, o.help]);
  rows.push(['    --dry-run, --reveal', 'print the requests instead of sending them (also before the command)']);
  rows.push(['-h, --help', 'show this help']);
  const durations = options.some((o) => o.metavar === 'DURATION');
  return [
    `Usage: ${usage}`,
    '',
    ...wrap(`${summary[0]?.toUpperCase() ?? ''}${summary.slice(1)}.`),
    ...(details ? ['', ...wrap(details)] : []),
    '',
    'Options:',
    ...columns(rows),
    '',
    ...(parity ? wrap(parityNote(parity)) : []),
    ...(durations ? ['Durations are seconds (600, 600s, 1.5s) or milliseconds (500ms).'] : []),
    'Exit codes: 0 done, 1 failed (server, network, data), 2 usage or setup mistake.',
    '',
  ].join('\n');
}
