import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run.js';

/** What `opskit sim serve` printed, and how to stop it. */
export interface RunningServe {
  /** The JSON line. */
  info: { url: string; credentials: Record<string, string>; files?: string[] };
  stderr(): string;
  /** Sends "SIGTERM" and resolves with the exit code. */
  stop(): Promise<number>;
}

/** An in-process io with real file reads; `waitForStop` resolves when `stop()` is called. */
export function serveIo() {
  let stdout = '';
  let stderr = '';
  let stop!: (signal: string) => void;
  const stopped = new Promise<string>((r) => (stop = r));
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutBytes: (b) => void (stdout += new TextDecoder().decode(b)),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => new Uint8Array(),
    stdinIsTTY: true,
    env: {},
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async (path, b) => writeFile(path, b),
    waitForStop: () => stopped,
  };
  return { io, stdout: () => stdout, stderr: () => stderr, stop: () => stop('SIGTERM') };
}

/**
 * Runs `opskit sim serve <args…>` in process until its JSON line appears. Rejects with the exit code
 * and stderr when the command ends without serving (a usage error, a refusal).
 */
export async function startServe(args: string[]): Promise<RunningServe> {
  const f = serveIo();
  let ended: number | undefined;
  const running = runCli(['sim', 'serve', ...args], f.io).then((code) => (ended = code));
  for (let i = 0; i < 400; i++) {
    const line = f.stdout().split('\n')[0];
    if (line) {
      return {
        info: JSON.parse(line) as RunningServe['info'],
        stderr: f.stderr,
        stop: async () => {
          f.stop();
          return running;
        },
      };
    }
    if (ended !== undefined) throw Object.assign(new Error(`sim serve exited ${ended}: ${f.stderr()}`), { code: ended, stderr: f.stderr() });
    await new Promise((r) => setTimeout(r, 25));
  }
  f.stop();
  throw new Error(`sim serve printed nothing: ${f.stderr()}`);
}

/** Runs `opskit sim serve <args…>` expecting it to fail at once; resolves with code and stderr. */
export async function serveFails(args: string[]): Promise<{ code: number; stderr: string }> {
  const f = serveIo();
  const code = await Promise.race([
    runCli(['sim', 'serve', ...args], f.io),
    new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`sim serve ${args.join(' ')} did not fail; it serves`)), 5000)),
  ]).finally(() => f.stop());
  return { code, stderr: f.stderr() };
}
