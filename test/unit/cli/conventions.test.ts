// Issue 13, "One CLI, one set of conventions": walks every command of every group (their option
// tables and their help) and checks what must hold everywhere: a short option means one thing
// outside the upstream CLIs kept for parity (and those say so), every command has its own help
// within 100 columns, durations have one unit, and --dry-run is accepted before and after the
// command word.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CommandGroup, CommandInfo } from '../../../src/cli/command.js';
import { commandGroups } from '../../../src/cli/commands/index.js';
import { HELP_WIDTH } from '../../../src/cli/help.js';
import { runCli } from '../../../src/cli/run.js';
import { fakeIo } from './fake-io.js';

/** Every runnable command of a group (the group's own walk, or its plain command table). */
function commandsOf(group: CommandGroup): CommandInfo[] {
  if (group.walk) return group.walk();
  return Object.entries(group.commands).map(([name, c]) => ({
    path: [name],
    options: Object.entries(c.options ?? {}).map(([long, s]) => ({ long, ...(s.short ? { short: s.short } : {}) })),
  }));
}

const all = Object.entries(commandGroups).flatMap(([group, g]) => commandsOf(g).map((c) => ({ group, ...c })));

async function run(argv: string[]) {
  const f = fakeIo();
  const code = await runCli(argv, f.io);
  return { code, out: f.stdout(), err: f.stderr() };
}

describe('short options', () => {
  test('every group is walked, with hundreds of commands', () => {
    assert.deepEqual(new Set(all.map((c) => c.group)), new Set(Object.keys(commandGroups)));
    assert.ok(all.length > 300, `${all.length} commands`);
  });

  test('outside the upstream CLIs kept for parity, a letter means one option in every group', () => {
    const meanings = new Map<string, Map<string, string[]>>();
    for (const c of all) {
      for (const o of c.options) {
        if (!o.short || o.parity) continue;
        const m = meanings.get(o.short) ?? new Map<string, string[]>();
        meanings.set(o.short, m);
        m.set(o.long, [...(m.get(o.long) ?? []), `${c.group} ${c.path.join(' ')}`]);
      }
    }
    const clashes = [...meanings].filter(([, m]) => m.size > 1).map(([s, m]) => `-${s}: ${[...m].map(([l, w]) => `--${l} (${w[0]}…)`).join(', ')}`);
    assert.deepEqual(clashes, []);
    // The letters opskit's own commands use, with the meaning `opskit --help` documents.
    const used = Object.fromEntries([...meanings].map(([s, m]) => [s, [...m.keys()][0]]));
    for (const [letter, long] of Object.entries({ h: 'help', o: 'output', k: 'key-file', u: 'username', p: 'password', f: 'force' })) {
      if (used[letter] !== undefined) assert.equal(used[letter], long, `-${letter}`);
    }
    // The examples of the issue: -k, -u and -f each had three or four meanings.
    assert.equal(used.k, 'key-file', 'fernet --key-file and turbo --key-file (turboauth --keyfile stays as an alias)');
    assert.equal(used.u, 'username');
    assert.equal(used.f, 'force');
  });

  test('a group whose letters follow an upstream CLI declares it, and its help says so', async () => {
    for (const [name, group] of Object.entries(commandGroups)) {
      const kept = commandsOf(group).some((c) => c.options.some((o) => o.parity));
      assert.equal(group.parity !== undefined, kept, `${name}: parity declared exactly when options are kept for parity`);
      if (!kept) continue;
      const help = await run([name, '--help']);
      assert.equal(help.code, 0, name);
      assert.match(help.out.replace(/\s+/g, ' '), /Short options are .*, kept for parity; they may mean something else in other opskit groups\./, name);
    }
    const main = await run(['--help']);
    assert.match(main.out.replace(/\s+/g, ' '), /Short options mean the same in every group: -h --help, -o --output FILE, -k --key-file FILE, -u --username USER, -p --password PASSWORD, -f --force\./);
  });
});

describe('help', () => {
  test("`opskit <group> <command> --help` shows that command's help, in Usage: style, within 100 columns", async () => {
    const failures: string[] = [];
    for (const c of all) {
      const r = await run([c.group, ...c.path, '--help']);
      const label = `${c.group} ${c.path.join(' ')}`;
      if (r.code !== 0) failures.push(`${label}: exit ${r.code} ${r.err}`);
      const first = r.out.split('\n')[0] ?? '';
      // mist's usage lines name every action of a command (start|stop|reboot …).
      const own = c.group === 'mist' ? first.startsWith('Usage: opskit mist ') && first.includes(c.path[0]!) : first.startsWith(`Usage: opskit ${label}`);
      if (!own) failures.push(`${label}: not its own help: ${first}`);
      for (const line of r.out.split('\n')) if ([...line].length > HELP_WIDTH) failures.push(`${label}: ${line.length} columns: ${line}`);
      // One unit for durations: no option takes milliseconds or bare seconds by another name.
      for (const m of r.out.matchAll(/--(ttl|timeout|interval|wait-timeout|job-delay|transition|step)[ =]([A-Z][A-Z|]*)/g)) {
        if (m[2] !== 'DURATION') failures.push(`${label}: --${m[1]} ${m[2]} (durations are DURATION: seconds, or with s/ms)`);
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
  });

  test('group help and the main help: Usage: first, within 100 columns', async () => {
    for (const argv of [['--help'], ...Object.keys(commandGroups).map((g) => [g, '--help'])]) {
      const r = await run(argv);
      assert.equal(r.code, 0, argv.join(' '));
      assert.match(r.out, /^Usage: opskit /, argv.join(' '));
      for (const line of r.out.split('\n')) assert.ok([...line].length <= HELP_WIDTH, `${argv.join(' ')}: ${line}`);
    }
  });
});

describe('--dry-run', () => {
  test('every command takes it after the command words and before them', async () => {
    const failures: string[] = [];
    for (const c of all) {
      const label = `${c.group} ${c.path.join(' ')}`;
      for (const argv of [[c.group, ...c.path, '--dry-run', '--help'], [c.group, '--dry-run', ...c.path, '--help']]) {
        const r = await run(argv);
        if (r.code !== 0 || !r.out.startsWith('Usage: opskit ')) failures.push(`${argv.join(' ')}: exit ${r.code} ${r.err}`);
      }
      if (!c.options.some((o) => o.long === 'dry-run')) failures.push(`${label}: no --dry-run in its option table`);
    }
    assert.deepEqual(failures.slice(0, 20), []);
  });
});
