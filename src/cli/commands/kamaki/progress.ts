import type { CliIo } from '../../io.js';

/** What a waiter reports after each poll (a subset of the core's WaitProgress). */
export interface PollReport {
  elapsedMs: number;
  value: unknown;
  error?: Error;
}

/**
 * An `onProgress` for the waiters (`server wait`, `volume wait`, …): one stderr line whenever
 * the status or progress changes (kamaki draws a progress bar; a line per change stays readable
 * in logs and CI), e.g. `server 42: BUILD 40% (3 s)`.
 */
export function progressReporter(io: CliIo, what: string): (report: PollReport) => void {
  let last = '';
  return (report) => {
    const v = (report.value ?? {}) as { status?: unknown; progress?: unknown };
    const status = report.error ? `retrying after ${report.error.name}` : `${String(v.status ?? '?')}${typeof v.progress === 'number' ? ` ${v.progress}%` : ''}`;
    if (status === last) return;
    last = status;
    io.stderr(`${what}: ${status} (${Math.round(report.elapsedMs / 1000)} s)\n`);
  };
}
