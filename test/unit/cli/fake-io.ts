import type { CliIo } from '../../../src/cli/io.js';

/** An in-memory CliIo: captures output, serves stdin, env and files from memory. */
export function fakeIo(options: { stdin?: string | Uint8Array; tty?: boolean; env?: Record<string, string>; files?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((r) => (stop = r));
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
    stdinIsTTY: options.tty ?? options.stdin === undefined,
    env: options.env ?? {},
    readFile: async (path) => {
      const text = options.files?.[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    waitForStop: () => stopped,
  };
  return {
    io,
    stdout: () => stdout,
    stderr: () => stderr,
    /** Simulates SIGINT/SIGTERM. */
    stop: (signal = 'SIGTERM') => stop(signal),
  };
}
