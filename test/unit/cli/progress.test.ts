// Issue 13: long operations show a progress line on a terminal (rewritten in place), stay quiet in
// pipes, and print a line per change with --progress. The shared line, and a Triton wait through it.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { progress } from '../../../src/cli/progress.js';
import { runCli } from '../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createSim } from '../../../src/sim/index.js';
import { fakeIo } from './fake-io.js';

test('the line: rewritten on a terminal, nothing in a pipe, a line per change when forced', () => {
  const tty = fakeIo({ stderrTty: true });
  const a = progress(tty.io, false);
  a.update('page 1');
  a.update('page 1');
  a.update('page 2');
  a.done('done');
  assert.equal(tty.stderr(), '\r\x1b[2Kpage 1\r\x1b[2Kpage 2\r\x1b[2Kdone\n');
  const pipe = fakeIo();
  const b = progress(pipe.io, false);
  b.update('page 1');
  b.done('done');
  assert.equal(pipe.stderr(), '');
  const forced = fakeIo();
  const c = progress(forced.io, true);
  c.update('page 1');
  c.update('page 1');
  c.update('page 2');
  c.done('page 2');
  assert.equal(forced.stderr(), 'page 1\npage 2\n');
});

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

test('opskit triton create -w: the wait shows on a terminal, not in a pipe, and with --progress', async () => {
  const sim = createSim('triton', { keyType: 'ecdsa', transitionMs: 300 });
  const served = await serve(sim);
  servers.push(served);
  const env = { TRITON_URL: served.url, TRITON_ACCOUNT: 'demo' };
  const files = { '/k': String(sim.credentials.key) };
  const create = async (name: string, extra: string[], options: { stderrTty?: boolean }) => {
    const f = fakeIo({ env, files, ...options });
    const code = await runCli(['triton', 'create', '-n', name, '-w', '--interval', '50ms', '--key-file', '/k', ...extra, 'base-64-lts', 'sample-512M'], f.io);
    assert.equal(code, 0, f.stderr());
    assert.equal(JSON.parse(f.stdout()).state, 'running', 'stdout is the JSON alone');
    return f.stderr().replace(/^Creating instance .*\n/, '');
  };
  const onTty = await create('tty', [], { stderrTty: true });
  assert.match(onTty, /^\r\x1b\[2Kwaiting for tty \([0-9a-f]{8}\) to be running: provisioning \(\d+\.\d s\)/);
  assert.ok(onTty.endsWith('\r\x1b[2K'), 'the line is cleared before the result');
  assert.equal(await create('pipe', [], {}), '', 'quiet in a pipe');
  assert.match(await create('forced', ['--progress'], {}), /^waiting for forced \([0-9a-f]{8}\) to be running: provisioning \(\d+\.\d s\)\n/);
});
