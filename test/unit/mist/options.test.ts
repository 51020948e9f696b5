// Unknown option names are errors everywhere an options object is taken, with the name meant.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../../src/core/index.js';
import { Backend, Key, Machine, MistClient } from '../../../src/mist/index.js';

const client = new MistClient({ mistUri: 'https://mist.example', fetch: async () => new Response('[]', { headers: { 'content-type': 'application/json' } }) });
const backend = new Backend({ id: 'b', title: 'b', provider: 'openstack', enabled: true }, client);
const machine = new Machine({ id: 'm', name: 'm', state: 'running', public_ips: ['203.0.113.9'] }, backend);
const key = new Key({ id: 'k', machines: [], isDefault: false }, client);

const unknown = (name: string, hint?: string) => (e: unknown) =>
  e instanceof ConfigError && e.message.includes(`unknown option "${name}"`) && (hint === undefined || e.message.includes(`did you mean "${hint}"`));

test('constructor and login: unknown names, with the camelCase name a Python user meant', async () => {
  assert.throws(() => new MistClient({ mist_uri: 'https://x' } as never), unknown('mist_uri', 'mistUri'));
  assert.throws(() => new MistClient({ api_token: 't' } as never), unknown('api_token', 'apiToken'));
  assert.throws(() => new MistClient({ verify: false } as never), unknown('verify'));
  assert.throws(() => new MistClient({ timeot: 5 } as never), unknown('timeot', 'timeout'));
  await assert.rejects(MistClient.login({ mistUri: 'https://x', email: 'a@b', password: 'p', org_id: 'o' } as never), unknown('org_id'));
});

test('addBackend: options are checked per provider', async () => {
  await assert.rejects(client.addBackend('aws', 'ec2_us_east', 'k', 's', { machineIp: '1.2.3.4' } as never), unknown('machineIp'));
  await assert.rejects(client.addBackend('os', 'openstack', 'u', 'p', { apiurl: 'https://k', tenant_name: 't' } as never), unknown('tenant_name', 'tenantName'));
  await assert.rejects(client.addBackend('g', 'gce', 'e', 'k', { project_id: 'p' } as never), unknown('project_id', 'tenantName'));
  await assert.rejects(client.addBackend('d', 'docker', '', '', { apiurl: 'https://d', dockerPort: 0 }), /dockerPort must be a TCP port/);
  await assert.rejects(client.addBackend('b', 'bare_metal', '', '', { machineIp: 'h', machine_port: 22 } as never), unknown('machine_port', 'machinePort'));
  await assert.rejects(client.addBackend('x', '', 'k', 's'), /provider must be/);
  await assert.rejects(client.addBackend('x', 'linode', undefined as never, 's'), /key must be a string/);
});

test('Backend, Machine and Key methods refuse unknown options', async () => {
  await assert.rejects(backend.createMachine('n', key, 'i', 'l', 's', { image_extra: '' } as never), unknown('image_extra', 'imageExtra'));
  await assert.rejects(machine.probe({ key_id: 'k' } as never), unknown('key_id', 'keyId'));
  await assert.rejects(machine.associateKey('k', { ssh_user: 'root' } as never), unknown('ssh_user', 'sshUser'));
  await assert.rejects(key.associateToMachine('b', 'm', { host: 'h', ssh_port: 22 } as never), unknown('ssh_port', 'sshPort'));
  await assert.rejects(machine.enableMonitoring({ no_ssh: true } as never), unknown('no_ssh', 'noSsh'));
  await assert.rejects(machine.disableMonitoring({ force: true } as never), unknown('force'));
  await assert.rejects(machine.getStats({ begin: 1 } as never), unknown('begin'));
  await assert.rejects(machine.addPythonPlugin('p', 'def read(): return 1', { value_type: 'gauge' } as never), unknown('value_type', 'valueType'));
  await assert.rejects(machine.waitForState('running', { intervall: 5 } as never), unknown('intervall', 'interval'));
});

test('bad argument values are ConfigErrors that name the argument', async () => {
  await assert.rejects(machine.getStats({ start: 10, stop: 5 }), /stop is before start/);
  await assert.rejects(machine.getStats({ step: 0 }), /step must be positive/);
  await assert.rejects(machine.getStats({ start: Number.NaN }), /start must be a number/);
  await assert.rejects(machine.addPythonPlugin('!!!', 'code'), /no letter or digit/);
  await assert.rejects(machine.addPythonPlugin('p', 'code', { valueType: 'counter' as never }), /valueType must be/);
  await assert.rejects(machine.addPythonPlugin('p', 'code', { pluginId: '_bad' }), /pluginId may only hold/);
  await assert.rejects(machine.associateKey('k', { sshPort: 70000 }), /sshPort must be a TCP port/);
  await assert.rejects(backend.createMachine('', key, 'i', 'l', 's'), /name must be a non-empty string/);
  await assert.rejects(backend.createMachine('n', 42 as never, 'i', 'l', 's'), /key must be a string/);
  await assert.rejects(backend.searchImage(undefined as never), /searchTerm must be a string/);
  await assert.rejects(client.addKey('k', ''), /privateKey must be a non-empty string/);
  const noIp = new Machine({ id: 'n', name: 'n', state: 'running', public_ips: [] }, backend);
  await assert.rejects(noIp.probe(), /has no public IP to probe/);
  await assert.rejects(noIp.addPythonPlugin('p', 'def read(): return 1'), /has no public IP/);
  assert.throws(() => new Machine({ name: 'x' } as never, backend), /string id/);
});

test('null options mean no options (as Python\'s None would)', async () => {
  const dry = new MistClient({ mistUri: 'https://mist.example', dryRun: true, now: () => 1_700_000_000_000 });
  const b = new Backend({ id: 'b', title: 'b', provider: 'ec2_us_east', enabled: true }, dry);
  const m = new Machine({ id: 'm', name: 'm', state: 'running', public_ips: ['203.0.113.9'] }, b);
  const k = new Key({ id: 'k', machines: [], isDefault: false }, dry);
  const url = async (p: Promise<unknown>) => new URL((await p as { url: string }).url).pathname + new URL((await p as { url: string }).url).search;
  assert.equal(await url(m.probe(null as never)), '/backends/b/machines/m/probe');
  assert.equal(await url(m.getStats(null as never)), '/backends/b/machines/m/stats?start=1700000000&stop=1700000010&step=10&v=2');
  assert.equal(await url(m.enableMonitoring(null as never)), '/backends/b/machines/m/monitoring');
  assert.equal(await url(m.associateKey('k', null as never)), '/backends/b/machines/m/keys/k');
  assert.equal(await url(k.associateToMachine('b', 'm', null as never)), '/backends/b/machines/m/keys/k');
  assert.equal(await url(m.addPythonPlugin('p', 'def read(): return 1', null as never)), '/backends/b/machines/m/plugins/p');
  assert.equal(await url(b.createMachine('n', k, 'i', null, 's', null as never)), '/backends/b/machines');
  assert.equal(new MistClient(null as never).uri, 'https://mist.io');
  await assert.rejects(MistClient.login(null as never), /email must be a non-empty string/);
});
