import { isSimName, simNames } from '../../sim/index.js';
import { printJson, walkCommands, type Command, type CommandGroup } from '../command.js';
import { UsageError } from '../usage-error.js';
import { optionTable, type OptionKind } from './sim/option-table.js';
import { serveCommand } from './sim/serve.js';
import { stopCommand } from './sim/stop.js';

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
  stop: stopCommand,
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
  walk: () => walkCommands(commands),
};
