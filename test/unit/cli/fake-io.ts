import type { CliIo } from '../../../src/cli/io.js';

/** An in-memory CliIo: captures output, serves stdin, env and files from memory. */
export function fakeIo(options: { stdin?: string | Uint8Array; tty?: boolean; stdoutTty?: boolean; env?: Record<string, string>; files?: Record<string, string> } = {}) {
  let stdout = '';
  const stdoutChunks: Uint8Array[] = [];
  let stderr = '';
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((r) => (stop = r));
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
      stdoutChunks.push(new TextEncoder().encode(t));
    },
    stdoutBytes: async (b) => {
      stdout += new TextDecoder().decode(b);
      stdoutChunks.push(new Uint8Array(b));
    },
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: options.stdoutTty ?? false,
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
    /** Everything written to stdout, byte for byte. */
    stdoutBytes: () => {
      const out = new Uint8Array(stdoutChunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const c of stdoutChunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      return out;
    },
    stderr: () => stderr,
    /** Simulates SIGINT/SIGTERM. */
    stop: (signal = 'SIGTERM') => stop(signal),
  };
}
