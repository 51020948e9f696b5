// `opskit kamaki server|flavor|keypair|image|network|subnet|port|ip|volume|snapshot …` in process
// against the served simulator, configured by a kamakirc file: JSON on stdout, progress on
// stderr, exit codes, and no secret printed.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { kamakiGroups, runKamaki } from '../../../../src/cli/commands/kamaki.js';
import { UsageError } from '../../../../src/cli/usage-error.js';
import { serve, type ServedSim } from '../../../../src/node/index.js';
import { createClock, createSim } from '../../../../src/sim/index.js';
import { fakeIo } from '../../cli/fake-io.js';

const served: ServedSim[] = [];
after(async () => {
  for (const s of served) await s.close();
});

async function cli() {
  // A real clock (waits in the CLI sleep for real), moved forward by the test where a state
  // machine would otherwise take seconds.
  const sim = createSim('synnefo', { seed: 9, clock: createClock(), users: ['alice@example.org'] });
  const s = await serve(sim);
  served.push(s);
  const token = sim.credentials.token;
  const rc = `[global]\ndefault_cloud = sim\n\n[cloud "sim"]\nurl = ${s.url}/identity/v2.0\ntoken = ${token}\n`;
  const run = async (...argv: string[]) => {
    const f = fakeIo({ files: { '/kamakirc': rc } });
    const code = await runKamaki(['-c', '/kamakirc', ...argv], f.io, kamakiGroups());
    const out = f.stdout();
    assert.ok(!out.includes(token) && !f.stderr().includes(token), 'the token is never printed');
    return { code, stdout: out, stderr: f.stderr(), json: out.trim() ? (JSON.parse(out.trim().split('\n').at(-1)!) as any) : undefined };
  };
  return { sim, run, token };
}

test('cli: servers from create to delete, with --wait progress and no password printed', async () => {
  const { sim, run } = await cli();
  const flavors = (await run('flavor', 'list', '-l')).json as { id: number; vcpus: number }[];
  assert.ok(flavors.length >= 5);
  assert.equal((await run('flavor', 'info', '2')).json.vcpus, 2);
  const images = (await run('image', 'list')).json as { id: string; name: string }[];
  const debian = images.find((i) => i.name === 'Debian Base')!;

  const created = await run('server', 'create', '--name', 'web', '--flavor-id', '1', '--image-id', debian.id, '--metadata', 'role=web', '--tag', 'prod');
  assert.equal(created.code, 0);
  assert.equal(created.json.status, 'BUILD');
  assert.equal(created.json.adminPass, undefined, 'the admin password is not printed');
  assert.match(created.stderr, /admin password .* not shown/);
  const id = String(created.json.id);

  sim.clock.advance(5000);
  const waited = await run('server', 'wait', id, '--until', 'ACTIVE', '--progress');
  assert.equal(waited.json.status, 'ACTIVE');
  assert.match(waited.stderr, new RegExp(`server ${id}: ACTIVE 100%`));
  assert.equal(((await run('server', 'list')).json as unknown[]).length, 1);
  assert.equal((await run('server', 'info', id, '--nics')).json.addresses !== undefined, true);
  assert.deepEqual((await run('server', 'metadata', 'set', id, 'tier=front')).json.tier, 'front');
  assert.equal((await run('server', 'metadata', 'delete', id, 'tier')).json.tier, undefined);
  assert.deepEqual((await run('server', 'tag', 'add', id, 'web')).json.tags.sort(), ['prod', 'web']);
  const console = await run('server', 'console', id);
  assert.equal(console.json.password, '[REDACTED]', 'the console password needs --reveal');
  assert.notEqual((await run('server', 'console', id, '--reveal')).json.password, '[REDACTED]');

  // a real-time --wait: shutdown takes 1 s on the simulator
  const stopped = await run('server', 'shutdown', id, '--wait', '--progress');
  assert.equal(stopped.json.status, 'STOPPED');
  assert.match(stopped.stderr, /STOPPED/);
  sim.clock.advance(0);
  assert.equal((await run('server', 'resize', id, '--flavor-id', '2')).code, 0);
  sim.clock.advance(2000);
  assert.equal((await run('server', 'start', id)).code, 0);
  sim.clock.advance(2000);
  assert.equal((await run('server', 'reboot', id, '--hard')).code, 0);
  sim.clock.advance(2000);
  await run('server', 'rename', id, 'web-1');
  assert.equal((await run('server', 'info', id)).json.name, 'web-1');

  // a timeout is exit code 1 through runCli: here it is a thrown TimeoutError
  await assert.rejects(run('server', 'wait', id, '--until', 'STOPPED', '--timeout', '1'), /Timeout|timed out|waiting/i);
  await assert.rejects(run('server', 'create', '--name', 'x'), UsageError, 'missing options are usage errors (exit 2)');
  await assert.rejects(run('server', 'info'), UsageError);

  // dry run: the request, token redacted
  const dry = await run('--dry-run', 'server', 'delete', id);
  assert.equal(dry.json.method, 'DELETE');
  assert.match(dry.json.url, new RegExp(`/compute/v2.0/servers/${id}$`));

  assert.equal((await run('server', 'delete', id)).code, 0);
  sim.clock.advance(2000);
  assert.equal((await run('server', 'info', id)).json.status, 'DELETED');
});

test('cli: keypairs, networks, subnets, ports, floating IPs, volumes, snapshots', async () => {
  const { sim, run } = await cli();
  const images = (await run('image', 'list')).json as { id: string }[];
  const server = (await run('server', 'create', '--name', 'db', '--flavor-id', '4', '--image-id', images[0]!.id, '--no-network')).json;
  sim.clock.advance(5000);

  await assert.rejects(run('keypair', 'upload', 'k1'), UsageError, 'a generated private key needs a file to go to');
  const key = await run('keypair', 'upload', 'k1', '--public-key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea test');
  assert.equal(key.json.fingerprint, 'cf:07:be:9d:68:ae:65:54:6d:a0:93:c3:6f:bd:0d:82');
  assert.equal(((await run('keypair', 'list')).json as unknown[]).length, 1);
  assert.equal((await run('keypair', 'delete', 'k1')).code, 0);

  const net = (await run('network', 'create', '--name', 'back')).json;
  assert.equal(net.type, 'MAC_FILTERED');
  const subnet = (await run('subnet', 'create', '--network-id', net.id, '--cidr', '10.9.0.0/24', '--no-gateway')).json;
  assert.equal(subnet.gateway_ip, null);
  assert.equal((await run('subnet', 'rename', subnet.id, 's1')).json.name, 's1');
  const port = (await run('network', 'connect', net.id, '--device-id', String(server.id))).json;
  assert.equal(port.status, 'BUILD');
  sim.clock.advance(1000);
  assert.equal((await run('port', 'wait', port.id)).json.status, 'ACTIVE');
  assert.equal(((await run('port', 'list')).json as unknown[]).length, 1);
  assert.deepEqual((await run('network', 'disconnect', net.id, '--device-id', String(server.id))).json, [port.id]);

  const ip = (await run('ip', 'create')).json;
  assert.match(ip.floating_ip_address, /^203\.0\.113\./);
  const attached = (await run('ip', 'attach', ip.id, '--server-id', String(server.id))).json;
  assert.equal(attached.fixed_ips[0].ip_address, ip.floating_ip_address);
  sim.clock.advance(1000);
  assert.equal((await run('ip', 'info', ip.id)).json.instance_id, String(server.id));
  assert.equal((await run('ip', 'detach', ip.id)).code, 0);
  assert.equal((await run('ip', 'delete', ip.id)).code, 0);
  assert.equal((await run('network', 'delete', net.id)).code, 0);

  const types = (await run('volume', 'types')).json as { id: number; 'SNF:detachable': boolean }[];
  const detachable = types.find((t) => t['SNF:detachable'])!;
  const vol = (await run('volume', 'create', '--size', '2', '--name', 'data', '--volume-type', String(detachable.id))).json;
  sim.clock.advance(2000);
  assert.equal((await run('volume', 'wait', vol.id)).json.status, 'available');
  const snap = await run('snapshot', 'create', '--volume-id', vol.id, '--name', 's', '--wait', '--progress');
  assert.equal(snap.json.status, 'AVAILABLE');
  assert.match(snap.stderr, /snapshot .*: (CREATING|AVAILABLE)/);
  assert.equal(((await run('snapshot', 'list', '-l')).json as unknown[]).length, 1);
  assert.equal((await run('snapshot', 'delete', snap.json.id)).code, 0);
  assert.equal((await run('volume', 'rename', vol.id, 'data-1')).json.display_name, 'data-1');
  assert.equal((await run('volume', 'delete', vol.id)).code, 0);
  await assert.rejects(run('volume', 'create', '--name', 'x'), UsageError);
});
