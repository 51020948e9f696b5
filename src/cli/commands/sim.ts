import { parseArgs } from 'node:util';
import { isSimName, simNames } from '../../sim/index.js';
import { printJson, type Command, type CommandGroup } from '../command.js';
import { commandHelp, groupHelp } from '../help.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { optionTable, type OptionKind } from './sim/option-table.js';
import { runServe, serveCommand } from './sim/serve.js';

/** How an option kind is written, for `sim options`. */
function describeKind(kind: OptionKind): string {
  switch (kind.type) {
    case 'int':
      return 'integer';
    case 'ms':
      return 'duration (ms, or 1.5s, 2m)';
    case 'enum':
      return kind.values.join('|');
    case 'json':
      return `JSON ${kind.shape === 'array-or-object' ? 'array or object' : kind.shape}`;
    case 'list':
      return 'list (a,b or JSON array)';
    case 'served-url':
      return 'set by sim serve';
    default:
      return kind.type;
  }
}

const commands: Record<string, Command> = {
  serve: serveCommand,
  list: {
    summary: 'print the known simulators as {"simulators": […]}',
    usage: '',
    async run({ io }) {
      printJson(io, { simulators: simNames });
    },
  },
  options: {
    summary: "print a simulator's options (what --set NAME=VALUE takes) as JSON",
    usage: '<family>',
    details: 'Prints {"family": …, "options": {NAME: {"type": …, "description": …}}}: every option of createSim(family, options).',
    args: { min: 1, max: 1 },
    async run({ positionals, io }) {
      const family = positionals[0] as string;
      if (!isSimName(family)) throw new UsageError(`unknown simulator ${JSON.stringify(family)}; known: ${simNames.join(', ')}`);
      const options = Object.fromEntries(
        Object.entries(optionTable(family))
          .filter(([, e]) => e.kind.type !== 'internal')
          .map(([name, e]) => [name, { type: describeKind(e.kind), description: e.description }]),
      );
      printJson(io, { family, options });
    },
  },
};

/** `opskit sim …`: run the built-in simulators. */
export const simCommands: CommandGroup = {
  summary: 'run the built-in API simulators',
  commands,
  dispatch: (argv, io) => dispatchSim(argv, io),
};

/**
 * Parses `opskit sim <command> …` itself, because `sim serve --set NAME=VALUE` repeats (the shared
 * parser keeps only the last value of a repeated option). Otherwise it behaves like the shared one:
 * `--help` anywhere, exit 2 for a command-line mistake.
 */
async function dispatchSim(argvIn: readonly string[], io: CliIo): Promise<number> {
  // `opskit --help sim serve` arrives as ['--help', 'serve']: help for the command.
  const leadingHelp = argvIn[0] === '--help' || argvIn[0] === '-h';
  const argv = leadingHelp && argvIn[1] !== undefined && !argvIn[1].startsWith('-') ? [argvIn[1], '--help'] : argvIn;
  const name = argv[0];
  const group = 'sim';
  if (name === undefined || name.startsWith('-')) {
    const wantsHelp = name === '--help' || name === '-h';
    (wantsHelp ? io.stdout : io.stderr)(groupHelp(group, simCommands));
    return wantsHelp ? 0 : 2;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(`${group} ${name}`)}; ${group} commands: ${Object.keys(commands).join(', ')}`);
  const path = `${group} ${name}`;
  const specs: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = { help: { type: 'boolean' }, debug: { type: 'boolean' } };
  for (const [option, spec] of Object.entries(command.options ?? {})) specs[option] = { type: spec.type, ...((option === 'set' || option === 'option') && { multiple: true }) };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv.slice(1)], options: { ...specs, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const option = /(--[A-Za-z0-9][\w-]*)/.exec(err instanceof Error ? err.message : '')?.[1] ?? 'an option';
    const code = (err as { code?: string }).code;
    const why =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option}`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `option ${option} ${/does not take an argument/.test((err as Error).message) ? 'does not take a value' : 'needs a value'}`
          : 'invalid command line';
    throw new UsageError(`${why}; see 'opskit ${path} --help'`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(commandHelp(path, command));
    return 0;
  }
  const { min, max } = command.args ?? { min: 0, max: 0 };
  if (positionals.length > max) throw new UsageError(`too many arguments for '${path}' (at most ${max}); see 'opskit ${path} --help'`);
  if (positionals.length < min) throw new UsageError(`missing argument for '${path}'; usage: opskit ${path} ${command.usage}`);
  if (command === serveCommand) return runServe({ values, positionals }, io);
  return (await command.run({ values: values as Record<string, string | boolean | undefined>, positionals, io })) ?? 0;
}
