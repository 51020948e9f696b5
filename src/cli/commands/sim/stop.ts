import { join, resolve } from 'node:path';
import { printJson, type Command } from '../../command.js';
import { readInputFile } from '../../read-file.js';
import { UsageError } from '../../usage-error.js';
import { PID_FILE } from './detach.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** `opskit sim stop DIR`: stops the simulator `sim serve --detach --write-credentials DIR` started. */
export const stopCommand: Command = {
  summary: "stop a simulator started with 'sim serve --detach --write-credentials DIR'",
  usage: '<DIR>',
  details: 'Sends SIGTERM to the pid in DIR/sim.pid and waits (up to 10 s) until the server has closed. Prints {"stopped": PID}.',
  args: { min: 1, max: 1 },
  async run({ values, positionals, io }) {
    const dir = resolve(positionals[0] as string);
    const text = new TextDecoder().decode(await readInputFile(io, join(dir, PID_FILE), 'pid file'));
    const pid = /^\s*(\d+)\s*$/.exec(text)?.[1];
    if (pid === undefined || Number(pid) <= 1) throw new UsageError(`${join(dir, PID_FILE)} does not hold a process id`);
    const n = Number(pid);
    if (values['dry-run'] === true) return void printJson(io, { dryRun: true, stop: n });
    if (!alive(n)) throw new Error(`no simulator runs as pid ${n} (${join(dir, PID_FILE)} is stale); nothing to stop`);
    process.kill(n, 'SIGTERM');
    for (let i = 0; i < 200 && alive(n); i++) await sleep(50);
    if (alive(n)) throw new Error(`pid ${n} did not stop within 10 s of SIGTERM`);
    printJson(io, { stopped: n });
  },
};
