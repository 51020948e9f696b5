// `opskit mist`: mist.client's grammar and options against the served simulator, the ~/.mist
// config and its prompts, JSON and table output, exit codes.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/run.js';
import { createMistCommands } from '../../../src/cli/commands/mist.js';
import { commandGroups } from '../../../src/cli/commands/index.js';
import { fakeIo } from '../cli/fake-io.js';
import { mistSim, RSA_PEM, served } from './helpers.js';

async function setup(options: Parameters<typeof mistSim>[0] = {}) {
  const sim = mistSim({ clock: undefined, transitionMs: 60, ...options });
  const server = await served(sim);
  const config = `[mist.io]\nmist_uri=${server.url}\n\n[mist.credentials]\nemail=${sim.credentials.email}\npassword=${sim.credentials.password}\n`;
  const files: Record<string, string> = { '/cfg': config, '/keys/id_rsa': `${RSA_PEM}\n`, '/plugins/queue.py': 'def read():\n    return 3\n' };
  const run = async (...argv: string[]) => {
    const f = fakeIo({ files });
    const code = await runCli(['mist', ...argv, '--config', '/cfg'], f.io);
    return { code, out: f.stdout(), err: f.stderr(), json: () => JSON.parse(f.stdout()) };
  };
  return { sim, server, run, files };
}

test('backends, keys, machines, monitoring and plugins through the CLI (JSON and tables)', async () => {
  // 300 ms transitions: `--progress` must see the new machine pending, and a loaded machine has
  // taken more than the default 60 ms between the create and the first poll.
  const { sim, run } = await setup({ transitionMs: 300 });
  const providers = await run('list', 'providers', '-o', 'table');
  assert.equal(providers.code, 0, providers.err);
  assert.match(providers.out, /^\| Rackspace LON +\| rackspace:lon +\|$/m);
  assert.equal((await run('ls', 'supported_providers')).json().length, 26);
  assert.equal((await run('list', 'backends', '-o', 'table')).out, 'No backends found\n');
  const added = await run('add', 'backend', '-n', 'aws', '-p', 'ec2_us_east', '-k', 'AKIA', '-s', 'secret');
  assert.equal(added.code, 0, added.err);
  assert.equal(added.json().title, 'aws');
  assert.match((await run('create', 'backend', '-n', 'cloud', '-p', 'openstack', '-k', 'u', '-s', 'p', '--apiurl', 'https://ks/v2.0', '--tenant-name', 't', '-o', 'table')).out, /^Added backend cloud$/m);
  assert.match((await run('list', 'backends', '-o', 'table')).out, /^\| aws +\| \S+ +\| ec2_us_east +\| online +\|$/m);
  assert.equal((await run('add', 'key', '-n', 'my key', '-k', '/keys/id_rsa')).json().isDefault, true);
  assert.equal((await run('add', 'key', '-n', 'gen', '-a')).json().id, 'gen');
  assert.match((await run('list', 'keys', '-o', 'table')).out, /\| my key \| true +\|/);

  const created = await run('create', 'machine', '-b', 'aws', '-n', 'web', '--image', 'ami-7c807d14', '--size', 't1.micro', '--location', '0', '-k', 'my key', '--wait', '--interval', '20ms', '--progress');
  assert.equal(created.code, 0, created.err);
  assert.equal(created.json().state, 'running');
  assert.match(created.err, /^waiting for web to be running: pending \(\d+\.\d s\)$/m, '--progress: a line per change in a pipe');
  const machines = await run('list', 'machines', '-o', 'table');
  assert.match(machines.out, /^\| web +\| i-[0-9a-f]{8} \| running \| 203\.0\.113\.\d+ \| aws +\|$/m);
  assert.equal((await run('ls', 'machines', '-b', 'aws')).json()[0].name, 'web');
  assert.match((await run('probe', 'machine', '-b', 'aws', '-n', 'web', '-o', 'table')).out, /^Uptime: [\d.]+ [\d.]+$/m);
  const id = (await run('ls', 'machines', '-b', 'aws')).json()[0].id as string;
  assert.match((await run('reboot', 'machine', '-b', 'aws', '-i', id, '--wait', '--interval', '20ms', '-o', 'table')).out, /^Rebooted machine web$/m);
  assert.equal((await run('stop', 'machine', '-b', 'aws', '-n', 'web', '--wait', '--interval', '20ms')).json().state, 'stopped');
  assert.equal((await run('start', 'machine', '-b', 'aws', '-n', 'web', '--wait', '--interval', '20ms')).json().state, 'running');

  assert.match((await run('enable-monitoring', 'machine', '-b', 'aws', '-n', 'web')).json().command, /deploy_script/);
  assert.match((await run('list', 'plugins', '-b', 'aws', '-n', 'web', '-o', 'table')).out, /\| Load +\| load\.shortterm +\|/);
  assert.match((await run('add', 'plugin', '-b', 'aws', '-n', 'web', '--plugin', 'users.users', '-o', 'table')).out, /^Added Plugin users\.users to monitored machine web$/m);
  const custom = await run('add', 'plugin', '-b', 'aws', '-n', 'web', '--plugin', 'Queue length', '--custom_plugin', '/plugins/queue.py');
  assert.equal(custom.json().metric_id, 'mist.python.queue_length');
  const now = Math.floor(Date.now() / 1000);
  const stats = await run('get-stats', 'machine', '-b', 'aws', '-n', 'web', '--start', String(now - 60), '--stop', String(now), '--step', '30');
  assert.equal(stats.json()['mist.python.queue_length'].datapoints.length, 3);
  assert.match((await run('get-stats', 'machine', '-b', 'aws', '-n', 'web', '-o', 'table')).out, /^\| users\.users +\| 2 +\|/m);
  assert.deepEqual((await run('disable-monitoring', 'machine', '-b', 'aws', '-n', 'web')).json(), { cmd_output: null });

  assert.ok((await run('list', 'images', '-b', 'aws')).json().every((i: { star: boolean }) => i.star));
  assert.ok((await run('list', 'images', '-b', 'aws', '--search', 'all')).json().length > 40);
  assert.equal((await run('list', 'images', '-b', 'aws', '--search', 'ubuntu', '-o', 'table')).code, 0);
  assert.equal((await run('list', 'sizes', '-b', 'aws')).json()[0].id, 't1.micro');
  assert.match((await run('list', 'locations', '-b', 'ec2_us_east', '-o', 'table')).out, /us-east-1a/);
  assert.match((await run('show', 'backend', '-n', 'aws', '-o', 'table')).out, /Machines:\n\+/);
  assert.equal((await run('rename', 'backend', '-n', 'aws', '--new_name', 'prod')).json().title, 'prod');
  assert.equal((await run('destroy', 'machine', '-b', 'prod', '-n', 'web', '--wait', '--interval', '20ms')).json().state, 'terminated');

  const shown = (await run('show', 'key', '-n', 'my key')).json();
  assert.equal(shown.private, undefined, 'no private key without --reveal');
  assert.match(shown.public, /^ssh-rsa /);
  assert.equal((await run('describe', 'key', '-n', 'my key', '--reveal')).json().private, RSA_PEM);
  assert.match((await run('rename', 'key', '-n', 'gen', '--new-name', 'generated', '-o', 'table')).out, /^Renamed gen to generated$/m);
  assert.equal((await run('rm', 'key', '-n', 'generated')).code, 0);
  assert.equal((await run('del', 'backend', '-n', 'cloud')).code, 0);
  const info = await run('user', 'info', '-o', 'table');
  assert.match(info.out, /^User Details:\n/);
  assert.match(info.out, /Startup/);
  assert.equal(sim.state.backends.size, 1);
});

test('exit codes: 0 ok, 1 a failed call, 2 a bad command line; ansible is refused; help on stdout', async () => {
  const { run } = await setup();
  const help = await run('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: opskit mist <action> <target>/);
  assert.match(help.out, /ansible/);
  assert.equal((await run()).code, 2);
  const ansible = await run('ansible', 'machines');
  assert.equal(ansible.code, 2);
  assert.match(ansible.err, /ansible action is out of scope/);
  assert.equal((await run('explode', 'machines')).code, 2);
  assert.equal((await run('list', 'clouds')).code, 2);
  assert.equal((await run('list', 'machines', '--nope')).code, 2);
  assert.equal((await run('start', 'machine', '-n', 'web')).code, 2, 'no -b');
  assert.equal((await run('start', 'machine', '-b', 'aws')).code, 1, 'no backend aws');
  assert.equal((await run('list', 'images')).code, 2);
  assert.equal((await run('add', 'backend', '-n', 'x')).code, 2);
  assert.equal((await run('list', 'backends', '-o', 'yaml')).code, 2);
  assert.equal((await run('show', 'key')).code, 2);
  assert.equal((await run('list', 'backends', 'extra')).code, 2);
  const failed = await run('add', 'key', '-n', 'k', '-k', '/missing');
  assert.equal(failed.code, 2, 'a missing key file is a setup mistake');
  assert.match(failed.err, /cannot read private key file \/missing/);
  const refused = await run('add', 'backend', '-n', 'x', '-p', 'ec2_us_east', '-k', 'a');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /HTTP 400 Bad Request: Required parameter not provided: apisecret/);
  // opskit --help lists the group
  const top = fakeIo();
  await runCli(['--help'], top.io);
  assert.match(top.stdout(), /^  mist +mist\.io: backends, machines, keys, monitoring/m);
  assert.equal(commandGroups.mist !== undefined, true);
});

test('no ~/.mist: asks for email and the password (hidden), offers to save it (0600); a wrong password is exit 1', async () => {
  const { sim, server } = await setup();
  const dir = await mkdtemp(join(tmpdir(), 'opskit-mist-cli-'));
  try {
    const path = join(dir, '.mist');
    const asked: [string, boolean][] = [];
    const answers = [sim.credentials.email, sim.credentials.password, 'maybe', 'y'];
    const group = createMistCommands({ prompt: async (q, { hidden }) => (asked.push([q, hidden]), answers.shift() ?? '') });
    // This test's config lives on disk: read it from there.
    const diskIo = (env: Record<string, string>) => {
      const f = fakeIo({ env });
      return { ...f, io: { ...f.io, readFile: async (p: string) => new Uint8Array(await readFile(p)) } };
    };
    const cli = async (...argv: string[]) => {
      const f = diskIo({ MIST_CONFIG: path });
      const code = await runCli(['mist', ...argv], f.io, { mist: group });
      return { code, err: f.stderr() };
    };
    assert.equal((await cli('list', 'backends', '--standalone', '--mist-uri', server.url)).code, 1, 'a hosted server refuses requests without a token');
    assert.deepEqual(asked, [], '--standalone asks nothing');
    const first = await cli('list', 'keys', '--mist-uri', server.url);
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(asked, [['Email: ', false], ['Password: ', true], ['Save config [Y/n]: ', false], ['Save config [Y/n]: ', false]]);
    assert.match(first.err, new RegExp(`No config file found at: ${path}\\nWrong answer!\\nSaved config at ${path}`));
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    const saved = await readFile(path, 'utf8');
    assert.equal(saved, `[mist.io]\nmist_uri=${server.url}\n\n[mist.credentials]\nemail=${sim.credentials.email}\npassword=${sim.credentials.password}\n\n`);
    // The saved config logs in without a prompt.
    assert.equal((await cli('list', 'keys')).code, 0);
    assert.equal(asked.length, 4);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, saved.replace(`password=${sim.credentials.password}`, 'password=wrong'));
    const wrong = await cli('list', 'keys');
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /HTTP 401 Unauthorized: Not authorized/);
    // "n" saves nothing.
    const other = join(dir, 'other');
    answers.push(sim.credentials.email, sim.credentials.password, 'n');
    const f = diskIo({ MIST_CONFIG: other });
    assert.equal(await runCli(['mist', 'list', 'keys', '--mist-uri', server.url], f.io, { mist: group }), 0, f.stderr());
    await assert.rejects(stat(other), /ENOENT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--dry-run prints the command\'s request (no login, nothing sent); --standalone sends no credentials', async () => {
  const { sim, run } = await setup({ auth: 'standalone' });
  const before = sim.requests.size;
  const dry = await run('stop', 'machine', '-b', 'b1', '-i', 'i-1', '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.deepEqual([dry.json().method, new URL(dry.json().url).pathname, dry.json().body], ['POST', '/backends/b1/machines/i-1', '{"action":"stop"}']);
  assert.equal((await run('delete', 'backend', '-n', 'x', '--dry-run')).code, 2, 'a dry run looks nothing up');
  assert.equal(sim.requests.size, before);
  assert.equal((await run('list', 'backends', '--standalone')).code, 0);
  assert.equal(sim.requests.last()!.headers.authorization, undefined);
});

test('sync --dbyaml: keys and backends of a standalone db.yaml', async () => {
  const { sim, run, files } = await setup();
  files['/db.yaml'] = [
    'backends:',
    '  XYZ:',
    '    apikey: AKIA9',
    '    apisecret: s9',
    '    enabled: true',
    '    provider: ec2_eu_west',
    "    region: ''",
    '    title: old aws',
    'keypairs:',
    '  imported:',
    '    default: true',
    '    machines: []',
    `    private: '${RSA_PEM.split('\n').join('\n\n      ')}'`,
    '',
  ].join('\n');
  const r = await run('sync', '--dbyaml', '/db.yaml');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(r.json().keys, [{ id: 'imported', outcome: 'added' }]);
  assert.equal(r.json().backends[0].outcome, 'added');
  assert.equal([...sim.state.backends.values()][0]!.title, 'old aws');
  assert.match(r.err, /^>>>Loading \/db\.yaml\nkey imported: added\nbackend XYZ: added\n$/);
  assert.equal((await run('sync', '--dbyaml', '/db.yaml')).json().keys[0].outcome, 'found');
  assert.equal((await run('sync', '--dbyaml', '/nope.yaml')).code, 2, 'a missing file is a setup mistake');
});
