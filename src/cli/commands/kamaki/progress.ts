import { elapsed, type Progress } from '../../progress.js';

/** What a waiter reports after each poll (a subset of the core's WaitProgress). */
export interface PollReport {
  elapsedMs: number;
  value: unknown;
  error?: Error;
}

/**
 * An `onProgress` for the waiters (`server wait`, `volume wait`, …) on the session's progress line
 * (a terminal, or `--progress`): the status and progress as they change, e.g.
 * `server 42: BUILD 40% (3.0 s)`.
 */
export function progressReporter(line: Progress, what: string): (report: PollReport) => void {
  return (report) => {
    const v = (report.value ?? {}) as { status?: unknown; progress?: unknown };
    const status = report.error ? `retrying after ${report.error.name}` : `${String(v.status ?? '?')}${typeof v.progress === 'number' ? ` ${v.progress}%` : ''}`;
    line.update(`${what}: ${status} (${elapsed(report.elapsedMs)})`);
  };
}
