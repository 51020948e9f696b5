import type { Connection, TurboPaged } from '../../../turbonomic/index.js';
import { printJson, type Command, type OptionValues } from '../../command.js';
import type { CliIo } from '../../io.js';
import { progress, type Progress } from '../../progress.js';
import type { Prompter } from '../../prompt.js';
import { UsageError } from '../../usage-error.js';
import { connectFromOptions, connectionOptions } from './connect.js';

/** How a list command reads its list from a connection. */
type Lister = (conn: Connection, values: OptionValues, limit: number | undefined) => TurboPaged<unknown>;

function parseLimit(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1)) throw new UsageError('--limit must be a positive integer');
  return n;
}

/** `turbo entities: page 12, 6,000 of 25,000 records`. */
function pageLine(what: string, l: { page: number; fetched: number; total: number | undefined }): string {
  return `${what}: page ${l.page}, ${l.fetched.toLocaleString('en-US')}${l.total === undefined ? '' : ` of ${l.total.toLocaleString('en-US')}`} records`;
}

/**
 * Streams every item as one JSON array, one page at a time (memory stays flat for huge lists),
 * reporting each page on the progress line.
 */
async function printAll(io: CliIo, list: TurboPaged<unknown>, line: Progress, what: string): Promise<void> {
  let first = true;
  io.stdout('[');
  for await (const page of list.pages()) {
    for (const item of page) {
      io.stdout(`${first ? '' : ','}${JSON.stringify(item)}`);
      first = false;
    }
    line.update(pageLine(what, list));
  }
  io.stdout(']\n');
  line.done(`${pageLine(what, list)}, done`);
}

/** A list command: the first page (`--limit` items, or the server's page size), or `--all`. */
export function listCommand(what: string, prompt: Prompter, lister: Lister, extra: Command['options'] = {}, name = 'turbo'): Command {
  return {
    summary: `print ${what} as JSON (the first page, or every page with --all)`,
    usage: '[--url URL | --host HOST] [-u USER] [--limit N] [--all [--progress]]',
    details:
      'Prints one JSON array. --limit sets the page size; --all follows the cursor to the end, showing its progress on\n' +
      'stderr when stderr is a terminal (--progress: also when it is not; quiet in pipes otherwise).\n' +
      'With --dry-run nothing is sent, not even the login: the request of the first page is printed.',
    options: {
      ...connectionOptions,
      limit: { type: 'string', valueName: 'N', description: 'page size (limit=N)' },
      all: { type: 'boolean', description: 'print every page, not only the first' },
      progress: { type: 'boolean', description: 'with --all: report each page on stderr even when it is not a terminal' },
      ...extra,
    },
    async run({ values, io }) {
      const limit = parseLimit(values.limit);
      if (values.progress === true && values.all !== true) throw new UsageError('--progress goes with --all (the first page is one request)');
      const conn = await connectFromOptions(values, io, prompt);
      const list = lister(conn, values, limit);
      // A dry run resolves with the request the first page would send.
      if (values['dry-run'] === true) return void printJson(io, await list);
      if (values.all === true) return void (await printAll(io, list, progress(io, values.progress === true), name));
      for await (const page of list.pages()) {
        printJson(io, page);
        return;
      }
      printJson(io, []);
    },
  };
}
