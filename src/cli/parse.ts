import { parseArgs } from 'node:util';
import { DRY_RUN, type Command, type OptionValues } from './command.js';
import { UsageError } from './usage-error.js';

type ParseSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * Parses a plain command's words with its option table, plus what every command takes (`-h`,
 * `--debug`, `--dry-run`) and the options' other spellings (`aliases`). Mistakes are UsageErrors
 * that name the option, never a value (a value may be a secret typed in the wrong place).
 */
export function parseCommandLine(command: Command, args: readonly string[], path: string): { values: OptionValues; positionals: string[] } {
  const options: ParseSpec = { help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' }, 'dry-run': { type: DRY_RUN.type } };
  const aliasOf = new Map<string, string>();
  for (const [name, spec] of Object.entries(command.options ?? {})) {
    const p = { type: spec.type, ...(spec.short !== undefined && { short: spec.short }), ...(spec.multiple && { multiple: true }) };
    options[name] = p;
    for (const alias of spec.aliases ?? []) {
      options[alias] = { type: spec.type, ...(spec.multiple && { multiple: true }) };
      aliasOf.set(alias, name);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joinDashValues([...args], options), allowPositionals: true, options, strict: true });
  } catch (err) {
    throw new UsageError(`${parseErrorMessage(err)}; see 'opskit ${path} --help'`);
  }
  const values: Record<string, string | boolean | string[] | undefined> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    const canonical = aliasOf.get(name) ?? name;
    const prev = values[canonical];
    values[canonical] = Array.isArray(prev) && Array.isArray(value) ? [...prev, ...(value as string[])] : (value as string | boolean | string[]);
  }
  return { values, positionals: parsed.positionals };
}

/**
 * `--key -abc…`: base64url keys and tokens may start with '-', which parseArgs reads as a new
 * option. A value-taking long option followed by something that is not one of our options
 * gets that argument as its value.
 */
function joinDashValues(args: string[], options: ParseSpec): string[] {
  const out: string[] = [];
  const known = (a: string) => a === '--' || Object.entries(options).some(([n, o]) => a === `--${n}` || a.startsWith(`--${n}=`) || (o.short !== undefined && a === `-${o.short}`));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && next !== '-' && !known(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

/**
 * parseArgs messages can quote option values (e.g. "use '--key=-abc…'" for a value that
 * starts with a dash), and a value may be a key, so rebuild them from option names only.
 */
export function parseErrorMessage(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  const message = err instanceof Error ? err.message : '';
  // Messages quote options as '--name', '-n' or '-n, --name'; prefer the long form.
  const option = /(--[A-Za-z0-9][\w-]*)/.exec(message)?.[1] ?? /'(-[A-Za-z0-9])/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument')
      ? `option ${option} does not take a value`
      : `option ${option} needs a value (write ${option}=VALUE when the value starts with '-')`;
  }
  return 'invalid command line';
}

/** Flags every command takes that may also come before the command word (`opskit fernet --dry-run generate-key`). */
export const LEADING_FLAGS = new Set(['--dry-run', '--debug', '--progress', '--help', '-h']);

/**
 * Splits `[flags] <command> [rest]`: the flags every command takes may come before the command
 * word; they are handed to the command as if written after it.
 */
export function splitLeadingFlags(argv: readonly string[]): { flags: string[]; command: string | undefined; rest: string[] } {
  const flags: string[] = [];
  let i = 0;
  for (; i < argv.length && LEADING_FLAGS.has(argv[i] as string); i++) flags.push(argv[i] as string);
  const command = argv[i];
  return { flags, command: command?.startsWith('-') ? undefined : command, rest: command?.startsWith('-') ? argv.slice(i) : argv.slice(i + 1) };
}
