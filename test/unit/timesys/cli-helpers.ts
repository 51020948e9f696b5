import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../src/cli/io.js';

/** Repository root, where `node --import tsx src/cli/main.ts` runs. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** An in-process CliIo with real file reads, capturing text and raw bytes written to stdout. */
export function captureIo(env: Record<string, string> = {}, options: { stdoutTty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => new Uint8Array(),
    stdinIsTTY: true,
    env,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    waitForStop: () => new Promise(() => {}),
    stdoutBytes: (b) => void bytes.push(b),
    stdoutIsTTY: options.stdoutTty ?? false,
    stderrIsTTY: false,
    writeFile: async (path, b) => writeFile(path, b),
  };
  return { io, stdout: () => stdout, stderr: () => stderr, bytes: () => bytes };
}

/** Runs the real CLI as a child process; resolves with exit code and raw output. */
export function spawnCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const clean = { ...process.env };
  for (const k of ['VIGILES_KEY_FILE', 'VIGILES_DASHBOARD_CONFIG', 'LINUXLINK_SERVER', 'VIGILES_SUBFOLDER_NAME', 'LOG_LEVEL']) delete clean[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env: { ...clean, ...env } });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  child.stderr.on('data', (c: Buffer) => err.push(c));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
