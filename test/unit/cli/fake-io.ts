import type { CliIo } from '../../../src/cli/io.js';

/** Options of {@link fakeIo}. */
export interface FakeIoOptions {
  stdin?: string | Uint8Array;
  /** stdin is a terminal (default: when no stdin is given). */
  tty?: boolean;
  /** stdout is a terminal (default false). */
  stdoutTty?: boolean;
  /** stderr is a terminal (default false: progress lines stay quiet). */
  stderrTty?: boolean;
  env?: Record<string, string>;
  /** Files to read, by path; files written land here too. */
  files?: Record<string, string>;
}

/** An in-memory CliIo: captures output, serves stdin, env and files from memory. */
export function fakeIo(options: FakeIoOptions = {}) {
  let stdout = '';
  const stdoutChunks: Uint8Array[] = [];
  let stderr = '';
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((r) => (stop = r));
  const files = options.files ?? {};
  const modes: Record<string, number> = {};
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
    stderrIsTTY: options.stderrTty ?? false,
    readStdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
    stdinIsTTY: options.tty ?? options.stdin === undefined,
    env: options.env ?? {},
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
    writeFile: async (path, bytes, o = {}) => {
      if (o.exclusive !== false && files[path] !== undefined) throw Object.assign(new Error(`EEXIST: file already exists, open '${path}'`), { code: 'EEXIST' });
      files[path] = new TextDecoder().decode(bytes);
      modes[path] = o.mode ?? 0o600;
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
    /** The files (given and written), by path. */
    files,
    /** Modes of the files written. */
    modes,
    /** Simulates SIGINT/SIGTERM. */
    stop: (signal = 'SIGTERM') => stop(signal),
  };
}
