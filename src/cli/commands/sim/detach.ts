import { spawn } from 'node:child_process';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OptionValues } from '../../command.js';
import type { CliIo } from '../../io.js';

/** The file `--detach --write-credentials DIR` keeps the server's pid in, for `opskit sim stop DIR`. */
export const PID_FILE = 'sim.pid';

/** Set in the environment of the background server `--detach` starts. */
const CHILD_ENV = 'OPSKIT_SIM_DETACHED';

/** True in the background server started by `--detach`. */
export const isDetachedChild = (io: CliIo): boolean => io.env[CHILD_ENV] === '1';

/** The CLI's own entry point: the bundle itself, or src/cli/main.ts when run from the sources. */
function cliEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return /\.c?js$/.test(here) && !here.includes('/src/') ? here : fileURLToPath(new URL('../../main.ts', import.meta.url));
}

/** Node flags that load the CLI (`--import tsx` when run from the sources), without test-runner flags. */
function loaderFlags(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--import' || a === '--require' || a === '-r' || a === '--loader') out.push(a, argv[++i] as string);
    else if (/^--(import|require|loader)=/.test(a)) out.push(a);
  }
  return out;
}

/**
 * `sim serve --detach`: starts the same command without `--detach` as a background process (its
 * own session, no terminal, no pipes kept), relays its JSON line once it listens, and returns.
 * When it fails before listening, its message and exit code are the command's.
 */
export function detach(io: CliIo, family: string, values: OptionValues): Promise<number> {
  const args = ['sim', 'serve', family];
  for (const [name, value] of Object.entries(values)) {
    if (name === 'detach' || value === undefined || value === false) continue;
    if (value === true) args.push(`--${name}`);
    else for (const v of Array.isArray(value) ? value : [value]) args.push(`--${name}=${v}`);
  }
  const child = spawn(process.execPath, [...loaderFlags(), cliEntry(), ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...io.env, [CHILD_ENV]: '1' },
  });
  return new Promise<number>((resolve) => {
    let out = '';
    let err = '';
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      resolve(code);
    };
    child.stderr.on('data', (b: Buffer) => void (err += b.toString('utf8')));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl === -1) return;
      io.stderr(err);
      io.stdout(out.slice(0, nl + 1));
      finish(0);
    });
    child.on('error', (e) => {
      io.stderr(`opskit: cannot start the background server: ${e.message}\n`);
      finish(1);
    });
    child.on('exit', (code) => {
      io.stderr(err);
      finish(code ?? 1);
    });
  });
}

/**
 * In the background server, once its line is printed: the command that started it has gone, and
 * with it the reading end of stdout and stderr, so later writes must not crash the server.
 */
export function quietAfterReady(): void {
  const ignore = () => {};
  process.stdout.on('error', ignore);
  process.stderr.on('error', ignore);
}

/** Removes DIR/sim.pid when the background server stops. */
export async function removePidFile(dir: string): Promise<void> {
  await unlink(join(dir, PID_FILE)).catch(() => {});
}
