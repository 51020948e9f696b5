import type { CliIo } from './io.js';

/** A status line for a long operation (a wait, paging, an upload): `update` as it goes, `done` once. */
export interface Progress {
  update(text: string): void;
  /** The final line (kept on the terminal); without text the line is cleared. */
  done(text?: string): void;
}

const NONE: Progress = { update() {}, done() {} };

/**
 * Progress on stderr, the same in every group: on a terminal one line rewritten in place; in a
 * pipe nothing (scripts and logs stay quiet) unless `forced` (`--progress`), which prints one line
 * per change. Repeated identical updates print once.
 */
export function progress(io: CliIo, forced: boolean): Progress {
  const tty = io.stderrIsTTY;
  if (!tty && !forced) return NONE;
  let last: string | undefined;
  let shown = false;
  return {
    update(text) {
      if (text === last) return;
      last = text;
      // \r + erase-line keeps one status line on a terminal.
      io.stderr(tty ? `\r\x1b[2K${text}` : `${text}\n`);
      shown = true;
    },
    done(text) {
      if (tty) {
        if (text !== undefined) io.stderr(`\r\x1b[2K${text}\n`);
        else if (shown) io.stderr('\r\x1b[2K');
      } else if (text !== undefined && text !== last) {
        io.stderr(`${text}\n`);
      }
      last = undefined;
      shown = false;
    },
  };
}

/** Seconds for a progress line: `3.0 s`. */
export const elapsed = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
