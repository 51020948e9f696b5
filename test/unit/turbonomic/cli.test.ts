import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import type { CliIo } from '../../../src/cli/io.js';
import { commandGroups } from '../../../src/cli/commands/index.js';
import { createTurboCommands } from '../../../src/cli/commands/turbo.js';
import { served, type Served } from './helpers.js';

interface Fake {
  io: CliIo;
  out: () => string;
  err: () => string;
}
function fakeIo(options: { tty?: boolean; stdin?: string; env?: Record<string, string> } = {}): Fake {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
      stdinIsTTY: options.tty ?? false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdoutBytes: () => {},
      env: options.env ?? {},
      readFile: async () => new Uint8Array(),
      writeFile: async () => {},
      waitForStop: () => new Promise(() => {}),
    },
    out: () => out,
    err: () => err,
  };
}

const asked: { question: string; hidden: boolean }[] = [];
const answers: Record<string, string> = { 'Username: ': 'administrator', 'Password: ': 'opskit-turbo' };
const groups = {
  turbo: createTurboCommands({
    prompt: async (question, { hidden }) => {
      asked.push({ question, hidden });
      return answers[question] ?? '';
    },
  }),
};
const run = (argv: string[], fake: Fake) => runCli(argv, fake.io, groups);

let s: Served;
let dir: string;
before(async () => {
  s = await served({ entities: 1200 });
  dir = mkdtempSync(join(tmpdir(), 'opskit-cli-'));
});
after(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

test('turbo is registered in the CLI', () => {
  assert.ok('turbo' in commandGroups);
  assert.deepEqual(Object.keys(commandGroups.turbo?.commands ?? {}), ['auth', 'entities', 'actions', 'groups', 'markets']);
});

test('auth create prompts on a terminal (the password hidden), get prints the auth string', async () => {
  asked.length = 0;
  const base = join(dir, 'prompted');
  const fake = fakeIo({ tty: true });
  assert.equal(await run(['turbo', 'auth', 'create', '-b', base], fake), 0, fake.err());
  assert.deepEqual(asked, [{ question: 'Username: ', hidden: false }, { question: 'Password: ', hidden: true }]);
  assert.ok(!fake.out().includes('opskit-turbo') && !fake.err().includes('opskit-turbo'));
  assert.equal(statSync(join(base, '.cred')).mode & 0o777, 0o600);
  const get = fakeIo();
  assert.equal(await run(['turbo', 'auth', 'get', '-b', base], get), 0);
  assert.deepEqual(JSON.parse(get.out()), { auth: btoa('administrator:opskit-turbo') });
});

test('auth create refuses to overwrite without -f; -u/-p and piped stdin work', async () => {
  const base = join(dir, 'flags');
  assert.equal(await run(['turbo', 'auth', 'create', '-b', base, '-u', 'a', '-p', 'one'], fakeIo()), 0);
  const again = fakeIo();
  assert.equal(await run(['turbo', 'auth', 'create', '-b', base, '-u', 'a', '-p', 'two'], again), 2, 'a file in the way is a setup mistake');
  assert.match(again.err(), /exists; pass overwrite: true \(CLI: --force\)/);
  const piped = fakeIo({ stdin: 'three:3\nignored\n' });
  assert.equal(await run(['turbo', 'auth', 'create', '-b', base, '-k', 'k2', '-c', 'c2', '-u', 'a'], piped), 0, piped.err());
  const get = fakeIo();
  await run(['turbo', 'auth', 'get', '-b', base, '-k', 'k2', '-c', 'c2'], get);
  assert.equal(atob(JSON.parse(get.out()).auth), 'a:three:3');
  assert.equal(await run(['turbo', 'auth', 'create', '-b', base, '-u', 'a', '-p', 'four', '--force'], fakeIo()), 0);
  const after = fakeIo();
  await run(['turbo', 'auth', 'get', '-b', base], after);
  assert.equal(atob(JSON.parse(after.out()).auth), 'a:four');
  assert.equal(await run(['turbo', 'auth', 'delete', '-b', base], fakeIo()), 2);
});

test('entities, actions, groups, markets: first page with --limit, every page with --all', async () => {
  const env = { TURBO_PASSWORD: 'opskit-turbo' };
  const url = `http://${s.host}`;
  const page = fakeIo({ env });
  assert.equal(await run(['turbo', 'entities', '--url', url, '-u', 'administrator', '--limit', '7'], page), 0, page.err());
  assert.equal(JSON.parse(page.out()).length, 7);
  const all = fakeIo({ env });
  assert.equal(await run(['turbo', 'entities', '--url', url, '-u', 'administrator', '--all', '--limit', '100', '--type', 'VirtualMachine'], all), 0);
  const vms = JSON.parse(all.out()) as { className: string }[];
  assert.equal(vms.length, s.sim.state.inventory.count('VirtualMachine'));
  assert.ok(vms.every((v) => v.className === 'VirtualMachine'));
  for (const [cmd, count] of [['actions', s.sim.state.actions.size], ['groups', s.sim.state.groups.size], ['markets', s.sim.state.markets.size]] as const) {
    const f = fakeIo({ env });
    assert.equal(await run(['turbo', cmd, '--url', url, '-u', 'administrator', '--all'], f), 0, f.err());
    assert.equal(JSON.parse(f.out()).length, count, cmd);
  }
});

test('list commands take credentials from the credential files, or prompt on a terminal', async () => {
  const base = join(dir, 'for-markets');
  assert.equal(await run(['turbo', 'auth', 'create', '-b', base, '-u', 'administrator', '-p', 'opskit-turbo'], fakeIo()), 0);
  const f = fakeIo();
  assert.equal(await run(['turbo', 'markets', '--url', `http://${s.host}`, '-b', base], f), 0, f.err());
  assert.equal(JSON.parse(f.out())[0].displayName, 'Market');
  asked.length = 0;
  const t = fakeIo({ tty: true });
  assert.equal(await run(['turbo', 'groups', '--url', `http://${s.host}`, '-u', 'administrator', '--limit', '2'], t), 0, t.err());
  assert.deepEqual(asked, [{ question: 'Password: ', hidden: true }]);
  const none = fakeIo();
  assert.equal(await run(['turbo', 'groups', '--url', `http://${s.host}`, '-b', join(dir, 'nothing')], none), 2);
  assert.match(none.err(), /no credentials/);
  const bad = fakeIo({ env: { TURBO_PASSWORD: 'wrong' } });
  assert.equal(await run(['turbo', 'groups', '--url', `http://${s.host}`, '-u', 'administrator'], bad), 1);
  assert.match(bad.err(), /HTTP 401/);
  assert.ok(!bad.err().includes('wrong'));
});
