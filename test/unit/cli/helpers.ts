import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root: the CLI is run from its sources there, as `node --import tsx src/cli/main.ts`. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts the CLI as a child process. */
export function startCli(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  const clean = { ...process.env };
  delete clean.OPSKIT_FERNET_KEY;
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...clean, ...env },
  });
}

/** Runs the CLI to completion, feeding `input` on stdin. */
export function runCli(
  args: string[],
  options: { input?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; stdoutBytes: Buffer }> {
  const child = startCli(args, options.env);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
  });
}

/** Parses the single JSON line a command printed. */
export function json<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== 1) throw new Error(`expected one JSON line, got ${JSON.stringify(stdout)}`);
  return JSON.parse(lines[0] as string) as T;
}
