// `opskit kamaki` with its Astakos groups, in process (runCli with an in-memory io) against the
// served simulator: the config file, JSON output, exit codes, help, dry runs, and no token in
// any output.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runCli } from '../../../../src/cli/run.js';
import { serve, type ServedSim } from '../../../../src/node/index.js';
import { createClock, createSim } from '../../../../src/sim/index.js';
import type { SynnefoSim } from '../../../../src/sim/synnefo/index.js';
import { fakeIo } from '../../cli/fake-io.js';

let sim: SynnefoSim;
let served: ServedSim;
let rc: string;

before(async () => {
  sim = createSim('synnefo', { seed: 31, clock: createClock(Date.UTC(2030, 0, 1)), users: [{ admin: true, name: 'admin@example.org' }, { name: 'friend@example.org' }] });
  served = await serve(sim);
  const [u1, u2] = sim.users;
  rc = `[global]\ndefault_cloud = sim\n\n[cloud "sim"]\nurl = ${served.url}/identity/v2.0\ntoken = ${u1?.token} ${u2?.token}\n\n[cloud "friend"]\nurl = ${served.url}/identity\ntoken = ${u2?.token}\n`;
});
after(async () => {
  await served.close();
});

async function kamaki(...args: string[]) {
  const f = fakeIo({ env: { HOME: '/home/test' }, files: { '/home/test/.kamakirc': rc, '/tmp/spec.json': '{"name": "spec.example.org", "end_date": "2031-01-01T00:00:00Z", "join_policy": "auto"}', '/tmp/bad.json': '{nope' } });
  const code = await runCli(['kamaki', ...args], f.io);
  const out = f.stdout();
  const err = f.stderr();
  for (const u of sim.users) {
    assert.ok(!out.includes(u.token) && !err.includes(u.token), `a token was printed by kamaki ${args.join(' ')}`);
  }
  return { code, out, err, json: () => JSON.parse(out.trim().split('\n').pop() as string) as any };
}

test('user authenticate | info | list: JSON results, tokens [REDACTED], --uuid/--username pick a cached user', async () => {
  const [u1, u2] = sim.users as [SynnefoSim['users'][number], SynnefoSim['users'][number]];
  const auth = await kamaki('user', 'authenticate');
  assert.equal(auth.code, 0, auth.err);
  assert.equal(auth.json().access.token.id, '[REDACTED]');
  assert.equal(auth.json().access.user.id, u1.uuid);
  const other = await kamaki('user', 'authenticate', u2.token);
  assert.equal(other.json().access.user.id, u2.uuid);
  const info = await kamaki('user', 'info');
  assert.deepEqual([info.json().id, info.json().default_project], [u1.uuid, u1.uuid]);
  assert.equal((await kamaki('user', 'info', '--uuid', u2.uuid)).json().id, u2.uuid);
  assert.equal((await kamaki('user', 'info', '--username', 'friend@example.org')).json().id, u2.uuid);
  const none = await kamaki('user', 'info', '--uuid', 'nobody');
  assert.equal(none.code, 1);
  assert.match(none.err, /^opskit: No user with id nobody in the cached session list/);
  assert.equal((await kamaki('user', 'info', '--uuid', 'a', '--username', 'b')).code, 2);
  assert.deepEqual((await kamaki('user', 'list')).json(), [{ id: u1.uuid, name: 'User 1' }, { id: u2.uuid, name: 'User 2' }]);
  const detail = (await kamaki('user', 'list', '-l')).json();
  assert.equal(detail[0].auth_token, undefined);
  assert.ok(Array.isArray(detail[0].roles));
  assert.equal((await kamaki('--cloud', 'friend', 'user', 'info')).json().id, u2.uuid, '--cloud picks another cloud');
  const pretty = await kamaki('user', 'info', '--output-format', 'pretty');
  assert.ok(pretty.out.includes('\n  "id"'));
});

test('quota list | info', async () => {
  const [u1] = sim.users;
  const all = (await kamaki('quota', 'list')).json();
  assert.equal(all[u1?.uuid as string]['cyclades.vm'].limit, 5);
  const vm = (await kamaki('quota', 'list', '--resource', 'cyclades.v', '--project-id', u1?.uuid as string)).json();
  assert.deepEqual(Object.keys(vm[u1?.uuid as string]), ['cyclades.vm']);
  const missing = await kamaki('quota', 'list', '--project-id', 'nope');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /User not assigned to project with id "nope"/);
  assert.match((await kamaki('quota', 'list', '--resource', 'zzz')).err, /Resource "zzz" not found/);
  sim.host.charge(u1 as never, { 'cyclades.vm': 2 });
  const info = (await kamaki('quota', 'info', 'cyclades.vm')).json();
  assert.equal(info.resource, 'cyclades.vm');
  assert.equal(info.definition.description, 'Number of virtual machines');
  assert.equal(info.projects[u1?.uuid as string].available, 3);
  sim.host.charge(u1 as never, { 'cyclades.vm': -2 });
  assert.equal((await kamaki('quota', 'info')).code, 2, 'RESOURCE is required');
});

test('project create | list | info | join | leave', async () => {
  const [, u2] = sim.users;
  const created = await kamaki('project', 'create', '--name', 'cli.example.org', '--end-date', '2031-01-01', '--join-policy', 'auto', '--leave-policy', 'auto', '--resource', 'cyclades.vm=1,4', '--resource', 'cyclades.cpu=2,8', '--description', 'from the CLI');
  assert.equal(created.code, 0, created.err);
  assert.match(created.err, /Application is submitted successfully/);
  const { id, application } = created.json();
  assert.equal(typeof application, 'number');
  const fromFile = await kamaki('project', 'create', '--spec-file', '/tmp/spec.json', '--description', 'override');
  assert.equal(fromFile.code, 0, fromFile.err);
  assert.equal((await kamaki('project', 'create', '--name', 'x')).code, 2, 'needs --end-date too');
  assert.equal((await kamaki('project', 'create', '--spec-file', '/tmp/bad.json')).code, 1);
  assert.equal((await kamaki('project', 'create', '--name', 'x', '--end-date', 'never')).code, 2);
  assert.equal((await kamaki('project', 'create', '--name', 'x', '--end-date', '2031-01-01', '--resource', 'cyclades.vm=5,1')).code, 2);
  // An administrator approves (there is no CLI command for it in this group set).
  const { AstakosClient } = await import('../../../../src/synnefo/index.js');
  await new AstakosClient({ url: `${served.url}/identity/v2.0`, token: sim.users[0]?.token }).applicationAction(id, application, 'approve');
  const info = (await kamaki('project', 'info', id)).json();
  assert.deepEqual([info.state, info.description, info.resources['cyclades.cpu']], ['active', 'from the CLI', { project_capacity: 8, member_capacity: 2 }]);
  const list = (await kamaki('project', 'list', '--with-name', 'cli.example.org')).json();
  assert.deepEqual(list, [{ id, name: 'cli.example.org', description: 'from the CLI' }]);
  assert.equal((await kamaki('project', 'list', '-l', '--with-name', 'cli.example.org')).json()[0].join_policy, 'auto');
  assert.equal((await kamaki('project', 'list', '--mode', 'odd')).code, 2);
  const joined = await kamaki('--cloud', 'friend', 'project', 'join', id);
  assert.equal(typeof joined.json().id, 'number');
  const left = await kamaki('--cloud', 'friend', 'project', 'leave', id, '--reason', 'done');
  assert.deepEqual([left.json().state, left.json().user], ['removed', u2?.uuid]);
  const notMember = await kamaki('--cloud', 'friend', 'project', 'leave', id);
  assert.equal(notMember.code, 1);
  assert.match(notMember.err, /not a member/);
  const missing = await kamaki('project', 'info', 'no-such-project');
  assert.equal(missing.code, 1);
  assert.equal(missing.err, 'opskit: getProject: Not Found itemNotFound (Project no-such-project not found.)\n');
});

test('help, usage errors and config problems (exit 2), dry runs', async () => {
  const help = await kamaki('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: opskit kamaki/);
  assert.match(help.out, /user +Astakos\/Identity API commands \(authenticate, info, list\)/);
  assert.equal((await kamaki()).code, 2);
  const group = await kamaki('project', '--help');
  assert.match(group.out, /^Usage: opskit kamaki project <command>[^\n]*\n\nAstakos project API commands\./);
  const leaf = await kamaki('project', 'create', '--help');
  assert.match(leaf.out, /Usage: opskit kamaki project create/);
  assert.match(leaf.out, /--cloud NAME/);
  assert.match((await kamaki('nope')).err, /unknown kamaki group "nope"; groups: user, quota, project/);
  assert.match((await kamaki('user', 'frob')).err, /unknown command "kamaki user frob"/);
  assert.match((await kamaki('user', 'info', '--bogus')).err, /unknown option --bogus/);
  assert.equal((await kamaki('project', 'info')).code, 2);
  assert.equal((await kamaki('project', 'info', 'a', 'b')).code, 2);
  assert.equal((await kamaki('--output-format', 'xml', 'user', 'info')).code, 2);
  const dry = await kamaki('quota', 'list', '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.deepEqual([dry.json().dryRun, dry.json().method, dry.json().url, dry.json().headers['x-auth-token']], [true, 'GET', `${served.url}/account/v1.0/quotas`, '[REDACTED]']);
  const noCloud = await kamaki('--cloud', 'ghost', 'user', 'info');
  assert.equal(noCloud.code, 2, 'a cloud the config lacks is a setup mistake');
  assert.match(noCloud.err, /no cloud named "ghost"/);
  const noFile = await kamaki('-c', '/nowhere/rc', 'user', 'info');
  assert.match(noFile.err, /cannot read kamaki config \/nowhere\/rc: no such file/);
  const bad = fakeIo({ env: { HOME: '/h' }, files: { '/h/.kamakirc': '[cloud "x"]\nurl = accounts.example.org/identity/v2.0\ntoken = abc\n' } });
  assert.equal(await runCli(['kamaki', 'user', 'info'], bad.io), 2, 'a URL without its scheme is a setup mistake');
  assert.equal(bad.stderr(), 'opskit: the url of cloud "x" in /h/.kamakirc must be a URL with its scheme, such as https://accounts.example.org (or http:// for a plain-HTTP server such as a simulator)\n');
});
