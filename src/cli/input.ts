import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/**
 * The command's data: the positional argument as UTF-8, or stdin's raw bytes when the
 * argument is absent or `-`. Raw stdin keeps binary input intact (no newline trimming).
 */
export async function readData(arg: string | undefined, io: CliIo, what: string): Promise<Uint8Array> {
  if (arg !== undefined && arg !== '-') return new TextEncoder().encode(arg);
  if (io.stdinIsTTY) throw new UsageError(`no ${what}: pass it as an argument or pipe it on stdin`);
  return io.readStdin();
}

/** Parses a TCP port (0 = any free port). */
export function parsePort(raw: string): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError('--port must be an integer from 0 to 65535');
  return n;
}
