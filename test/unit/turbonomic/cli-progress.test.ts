// Issue 12 (Turbonomic): `opskit turbo entities --all` shows its progress on stderr while it pages —
// on a terminal, or anywhere with --progress — and stays quiet in pipes. stdout is the JSON alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTurboCommands } from '../../../src/cli/commands/turbo.js';
import type { CliIo } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run.js';
import { served, type Served } from './helpers.js';

function io(stderrIsTTY: boolean) {
  let out = '';
  let err = '';
  const value: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => new Uint8Array(),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY,
    env: { TURBO_PASSWORD: 'opskit-turbo' },
    readFile: async () => new Uint8Array(),
    stdoutBytes: () => {},
    writeFile: async () => {},
    waitForStop: () => new Promise(() => {}),
  };
  return { io: value, out: () => out, err: () => err };
}

const groups = { turbo: createTurboCommands({ prompt: async () => '' }) };
let s: Served;
let base: string[];
before(async () => {
  s = await served({ entities: 1200 });
  base = ['turbo', 'entities', '--url', `http://${s.host}`, '-u', 'administrator', '--all', '--limit', '500'];
});
after(() => s.close());

test('on a terminal: one status line rewritten per page, then done; stdout is only the JSON', async () => {
  const f = io(true);
  assert.equal(await runCli(base, f.io, groups), 0, f.err());
  assert.equal(JSON.parse(f.out()).length, 1200);
  assert.equal(
    f.err(),
    '\r\x1b[2Kturbo entities: page 1, 500 of 1,200 records' +
      '\r\x1b[2Kturbo entities: page 2, 1,000 of 1,200 records' +
      '\r\x1b[2Kturbo entities: page 3, 1,200 of 1,200 records' +
      '\r\x1b[2Kturbo entities: page 3, 1,200 of 1,200 records, done\n',
  );
});

test('in a pipe: quiet; --progress prints one line per page there', async () => {
  const quiet = io(false);
  assert.equal(await runCli(base, quiet.io, groups), 0, quiet.err());
  assert.equal(quiet.err(), '');
  const loud = io(false);
  assert.equal(await runCli([...base, '--progress', '--type', 'PhysicalMachine'], loud.io, groups), 0, loud.err());
  assert.equal(JSON.parse(loud.out()).length, 60);
  assert.deepEqual(loud.err().split('\n'), [
    'turbo entities: page 1, 500 of 1,200 records',
    'turbo entities: page 2, 1,000 of 1,200 records',
    'turbo entities: page 3, 1,200 of 1,200 records',
    'turbo entities: page 3, 1,200 of 1,200 records, done',
    '',
  ]);
});

test('--progress without --all is a usage error (exit 2)', async () => {
  const f = io(false);
  assert.equal(await runCli(['turbo', 'markets', '--url', `http://${s.host}`, '-u', 'administrator', '--progress'], f.io, groups), 2);
  assert.match(f.err(), /--progress goes with --all/);
});
