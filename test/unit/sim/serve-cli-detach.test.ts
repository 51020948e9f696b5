// `opskit sim serve --detach` returns once the simulator listens (and its files are written), so
// copy-pasted docs never race a server still starting; `opskit sim stop DIR` stops it. The real
// CLI as child processes.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { json, runCli } from '../cli/helpers.js';

test('--detach prints the line with its pid and returns; the server runs until sim stop DIR', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'opskit-detach-'));
  let pid: number | undefined;
  try {
    const started = await runCli(['sim', 'serve', 'demo', '--detach', '--write-credentials', join(dir, 'sim')]);
    assert.equal(started.code, 0, started.stderr);
    const info = json<{ url: string; pid: number; files: string[]; credentials: Record<string, string> }>(started.stdout);
    pid = info.pid;
    assert.ok(info.files.includes(join(dir, 'sim', 'sim.pid')));
    assert.equal((await readFile(join(dir, 'sim', 'sim.pid'), 'utf8')).trim(), String(info.pid));
    // Still serving after the command returned.
    const login = await fetch(`${info.url}/login`, { method: 'POST', body: JSON.stringify(info.credentials) });
    assert.equal(login.status, 200);
    assert.match(started.stderr, /wrote \d+ files/);
    const dry = await runCli(['sim', 'stop', join(dir, 'sim'), '--dry-run']);
    assert.deepEqual(json(dry.stdout), { dryRun: true, stop: info.pid });
    const stopped = await runCli(['sim', 'stop', join(dir, 'sim')]);
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.deepEqual(json(stopped.stdout), { stopped: info.pid });
    pid = undefined;
    await assert.rejects(fetch(`${info.url}/login`, { method: 'POST' }), TypeError, 'closed');
    await assert.rejects(stat(join(dir, 'sim', 'sim.pid')), /ENOENT/, 'the pid file goes with the server');
    const again = await runCli(['sim', 'stop', join(dir, 'sim')]);
    assert.equal(again.code, 2, 'nothing to stop: no pid file');
  } finally {
    if (pid !== undefined) process.kill(pid, 'SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
});

test('--detach reports a failure of the server it starts (exit code and message), and --dry-run starts nothing', async () => {
  const bad = await runCli(['sim', 'serve', 'demo', '--detach', '--set', 'pageSize=0']);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /^opskit: /);
  const dry = await runCli(['sim', 'serve', 'timesys', '--job-delay', '1.5', '--dry-run', '--write-credentials', '/nonexistent/sim']);
  assert.equal(dry.code, 0, dry.stderr);
  const plan = json<{ dryRun: boolean; options: Record<string, unknown>; files: string[] }>(dry.stdout);
  assert.deepEqual(plan.options, { jobDelayMs: 1500 }, 'named durations are seconds: --job-delay 1.5 is 1500 ms');
  assert.ok(plan.files.includes('/nonexistent/sim/linuxlink_key'));
  await assert.rejects(stat('/nonexistent/sim'), /ENOENT/);
});
