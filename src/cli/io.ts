import { concatBytes } from '../crypto/bytes/concat-bytes.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** How {@link CliIo.writeFile} writes. */
export interface WriteFileOptions {
  /** File mode of a new file (default 0o600: what opskit writes is mostly keys and credentials). */
  mode?: number;
  /** Refuse to replace an existing file (default true); `false` replaces it. */
  exclusive?: boolean;
}

/**
 * Everything a command touches outside itself. Commands receive it instead of using
 * `process` directly, so their behaviour is defined in one place and easy to fake.
 */
export interface CliIo {
  stdout(text: string): void;
  /** Writes bytes to stdout exactly (downloads, `cat`); resolves once they are handed over. */
  stdoutBytes(bytes: Uint8Array): Promise<void> | void;
  stderr(text: string): void;
  /** True when stdout is a terminal (pretty output and tables for people; one line in pipes). */
  readonly stdoutIsTTY: boolean;
  /** True when stderr is a terminal (a progress line rewritten in place; quiet in pipes). */
  readonly stderrIsTTY: boolean;
  /** Reads stdin to the end. */
  readStdin(): Promise<Uint8Array>;
  /** True when stdin is a terminal (nothing piped in); reading it would block on the user. */
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a whole file (creating its folder); errors carry Node's `code` (`EEXIST`, `ENOENT`, …). */
  writeFile(path: string, bytes: Uint8Array, options?: WriteFileOptions): Promise<void>;
  /** Resolves with the signal name on the first SIGINT or SIGTERM. */
  waitForStop(): Promise<string>;
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stdoutBytes: (bytes) => new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve()))),
    stderr: (text) => void process.stderr.write(text),
    get stdoutIsTTY() {
      return process.stdout.isTTY === true;
    },
    get stderrIsTTY() {
      return process.stderr.isTTY === true;
    },
    async readStdin() {
      const chunks: Uint8Array[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
      return concatBytes(...chunks);
    },
    // A getter: touching process.stdin opens it, which commands without input don't need.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    env: process.env,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    async writeFile(path, bytes, options = {}) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(path, bytes, { mode: options.mode ?? 0o600, flag: options.exclusive === false ? 'w' : 'wx' });
    },
    waitForStop: () =>
      new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(signal);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}
