import type { CliIo } from '../../io.js';

/** The counters a progress line reads (a `TurboPaged`). */
export interface PagingCounters {
  readonly page: number;
  readonly fetched: number;
  readonly total: number | undefined;
}

/** Reports paging progress on stderr: `report(list)` after each page, `done(list)` at the end. */
export interface PagingProgress {
  report(list: PagingCounters): void;
  done(list: PagingCounters): void;
}

/**
 * Whether stderr is a terminal. `CliIo` says so only for stdout; the real process is asked
 * directly, and a test's io may answer with its own `stderrIsTTY`. (Progress belongs to stderr's
 * terminal: `opskit turbo entities --all > all.json` on a terminal still shows it.)
 */
export function stderrIsTTY(io: CliIo): boolean {
  const own = (io as { readonly stderrIsTTY?: unknown }).stderrIsTTY;
  if (typeof own === 'boolean') return own;
  return process.stderr.isTTY === true;
}

/**
 * Progress for a listing that pages (`--all`): one line rewritten in place on a terminal, one
 * line per page with `--progress` elsewhere, nothing in a pipe otherwise (quiet for scripts).
 */
export function pagingProgress(io: CliIo, what: string, forced: boolean): PagingProgress | undefined {
  const tty = stderrIsTTY(io);
  if (!tty && !forced) return undefined;
  const line = (l: PagingCounters) =>
    `${what}: page ${l.page}, ${l.fetched.toLocaleString('en-US')}${l.total === undefined ? '' : ` of ${l.total.toLocaleString('en-US')}`} records`;
  return {
    // \r + erase-line keeps one status line on a terminal.
    report: (l) => io.stderr(tty ? `\r\x1b[2K${line(l)}` : `${line(l)}\n`),
    done: (l) => io.stderr(tty ? `\r\x1b[2K${line(l)}, done\n` : `${line(l)}, done\n`),
  };
}
