import type { Connection, TurboPaged } from '../../../turbonomic/index.js';
import { printJson, type Command } from '../../command.js';
import type { CliIo } from '../../io.js';
import { UsageError } from '../../usage-error.js';
import { connectFromOptions, connectionOptions } from './connect.js';
import type { Prompter } from './prompt.js';

/** How a list command reads its list from a connection. */
type Lister = (conn: Connection, values: Readonly<Record<string, string | boolean | undefined>>, limit: number | undefined) => TurboPaged<unknown>;

function parseLimit(raw: string | boolean | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1)) throw new UsageError('--limit must be a positive integer');
  return n;
}

/** Streams every item as one JSON array, one page at a time (memory stays flat for huge lists). */
async function printAll(io: CliIo, list: TurboPaged<unknown>): Promise<void> {
  let first = true;
  io.stdout('[');
  for await (const page of list.pages()) {
    for (const item of page) {
      io.stdout(`${first ? '' : ','}${JSON.stringify(item)}`);
      first = false;
    }
  }
  io.stdout(']\n');
}

/** A list command: the first page (`--limit` items, or the server's page size), or `--all`. */
export function listCommand(what: string, prompt: Prompter, lister: Lister, extra: Command['options'] = {}): Command {
  return {
    summary: `print ${what} as JSON (the first page, or every page with --all)`,
    usage: '[--url URL | --host HOST] [-u USER] [--limit N] [--all]',
    details: 'Prints one JSON array. --limit sets the page size; --all follows the cursor to the end.',
    options: {
      ...connectionOptions,
      limit: { type: 'string', valueName: 'N', description: 'page size (limit=N)' },
      all: { type: 'boolean', description: 'print every page, not only the first' },
      ...extra,
    },
    async run({ values, io }) {
      const limit = parseLimit(values.limit);
      const conn = await connectFromOptions(values, io, prompt);
      const list = lister(conn, values, limit);
      if (values.all === true) return void (await printAll(io, list));
      for await (const page of list.pages()) {
        printJson(io, page);
        return;
      }
      printJson(io, []);
    },
  };
}
