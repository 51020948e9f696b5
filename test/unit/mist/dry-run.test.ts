// Dry run: every call resolves with the request it would send (the first, for calls that send
// several). This also pins down the wire shape of each call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DryRunRequest } from '../../../src/core/index.js';
import { Backend, Key, Machine, MistClient } from '../../../src/mist/index.js';

const client = new MistClient({ mistUri: 'https://mist.example', email: 'ops@example.com', apiToken: 'tok-1234', dryRun: true, now: () => 1_700_000_000_000 });
const backend = new Backend({ id: 'b1', title: 'aws', provider: 'ec2_us_east', enabled: true }, client);
const machine = new Machine({ id: 'i-1', name: 'web 1', state: 'running', public_ips: ['203.0.113.5', '198.51.100.7'], extra: { dns_name: 'web.example.com' } }, backend);
const key = new Key({ id: 'my key', machines: [], isDefault: false }, client);

async function dry(p: Promise<unknown>): Promise<{ op: string; method: string; path: string; query: Record<string, string>; body: unknown; headers: Record<string, string> }> {
  const r = (await p) as DryRunRequest;
  assert.equal(r.dryRun, true);
  const url = new URL(r.url);
  return { op: r.op, method: r.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: typeof r.body === 'string' && r.body ? JSON.parse(r.body) : r.body, headers: r.headers };
}

test('client calls', async () => {
  assert.deepEqual(await dry(client.supportedProviders()), { op: 'MistClient.supportedProviders', method: 'GET', path: '/providers', query: {}, body: undefined, headers: (await dry(client.supportedProviders())).headers });
  assert.equal((await dry(client.backends())).path, '/backends');
  assert.equal((await dry(client.updateKeys())).path, '/keys');
  assert.equal((await dry(client.generateKey())).method, 'POST');
  assert.equal((await dry(client.checkMonitoring())).path, '/monitoring');
  const add = await dry(client.addBackend('os', 'openstack', 'user', 'pass', { apiurl: 'https://keystone', tenantName: 't1' }));
  assert.equal(add.method, 'POST');
  assert.deepEqual(add.body, { title: 'os', provider: 'openstack', apikey: '[REDACTED]', apisecret: '[REDACTED]', remove_on_error: true, tenant_name: 't1', apiurl: 'https://keystone' });
  const bare = await dry(client.addBackend('bm', 'bare_metal', '', '', { machineIp: 'host.example', machineKey: 'k', machinePort: 2222, removeOnError: false }));
  assert.deepEqual(bare.body, { title: 'bm', provider: 'bare_metal', apikey: '', apisecret: '', remove_on_error: false, machine_ip: 'host.example', machine_key: 'k', machine_port: 2222 });
  const docker = await dry(client.addBackend('d', 'docker', '', '', { apiurl: 'https://docker.example', dockerPort: 2375 }));
  assert.equal((docker.body as { docker_port: number }).docker_port, 2375);
  assert.deepEqual((await dry(client.addKey('my key', 'PRIVATE'))).body, { id: 'my key', priv: '[REDACTED]' });
  assert.deepEqual((await dry(client.authenticate('ops@example.com', 'pw'))).body, { email: 'ops@example.com', password: '[REDACTED]' });
  assert.equal((await dry(client.authenticate('ops@example.com', 'pw'))).headers.authorization, undefined, 'the login sends no token');
});

test('backend calls', async () => {
  assert.deepEqual((await dry(backend.delete())), { ...(await dry(backend.delete())), op: 'Backend.delete', method: 'DELETE', path: '/backends/b1' });
  assert.deepEqual((await dry(backend.rename('prod'))).body, { new_name: 'prod' });
  const enable = await dry(backend.enable());
  assert.deepEqual([enable.op, enable.method, enable.body], ['Backend.enable', 'POST', { new_state: '1' }]);
  assert.deepEqual((await dry(backend.disable())).body, { new_state: '0' }, 'strings, as the server wants');
  for (const what of ['sizes', 'locations', 'networks', 'images'] as const) assert.equal((await dry(backend[what]())).path, `/backends/b1/${what}`);
  const search = await dry(backend.searchImage('Ubuntu'));
  assert.deepEqual([search.method, search.path, search.body], ['POST', '/backends/b1/images', { search_term: 'Ubuntu' }], 'POST: fetch cannot send a GET body');
  assert.equal((await dry(backend.machines())).path, '/backends/b1/machines');
  const create = await dry(backend.createMachine('web 2', key, 'ami-1', null, 't1.micro', { monitoring: true, ips: ['1.2.3.4'], locationName: 'us-east-1a' }));
  assert.deepEqual(create.body, { name: 'web 2', key: 'my key', image: 'ami-1', location: null, size: 't1.micro', image_extra: '', disk: '', script: '', monitoring: true, ips: ['1.2.3.4'], location_name: 'us-east-1a' });
});

test('machine calls', async () => {
  for (const action of ['reboot', 'start', 'stop', 'destroy'] as const) {
    const r = await dry(machine[action]());
    assert.deepEqual([r.op, r.method, r.path, r.body], [`Machine.${action}`, 'POST', '/backends/b1/machines/i-1', { action }]);
  }
  const probe = await dry(machine.probe({ keyId: 'my key', sshUser: 'ubuntu' }));
  assert.deepEqual([probe.path, probe.query, probe.body], ['/backends/b1/machines/i-1/probe', { ssh_user: 'ubuntu' }, { host: '203.0.113.5', key: 'my key', ssh_user: 'ubuntu' }]);
  const assoc = await dry(machine.associateKey('my key', { sshUser: 'root', sshPort: 2200 }));
  assert.equal(assoc.path, '/backends/b1/machines/i-1/keys/my%20key');
  assert.deepEqual(assoc.body, { host: '203.0.113.5', ssh_user: 'root', ssh_port: 2200, user: 'root', port: 2200 });
  const mon = await dry(machine.enableMonitoring({ noSsh: true }));
  assert.deepEqual(mon.body, { action: 'enable', name: 'web 1', machine_name: 'web 1', public_ips: ['203.0.113.5', '198.51.100.7'], dns_name: 'web.example.com', no_ssh: true });
  assert.equal((await dry(machine.disableMonitoring())).op, 'Machine.disableMonitoring');
  const stats = await dry(machine.getStats());
  assert.deepEqual([stats.method, stats.query, stats.body], ['GET', { start: '1700000000', stop: '1700000010', step: '10', v: '2' }, undefined], 'the query string, times of the call');
  assert.equal((await dry(machine.availableMetrics())).path, '/backends/b1/machines/i-1/metrics');
  assert.deepEqual((await dry(machine.addMetric('cpu.total.nonidle'))).body, { metric_id: 'cpu.total.nonidle' });
  const remove = await dry(machine.removeMetric('cpu.total.nonidle'));
  assert.deepEqual([remove.method, remove.body], ['DELETE', { metric_id: 'cpu.total.nonidle' }]);
  const plugin = await dry(machine.addPythonPlugin('My Plugin!', 'def read():\n    return 1\n', { valueType: 'derive', unit: 'ops' }));
  assert.equal(plugin.path, '/backends/b1/machines/i-1/plugins/my_plugin');
  assert.deepEqual(plugin.body, { plugin_type: 'python', name: 'My Plugin!', unit: 'ops', value_type: 'derive', read_function: 'def read():\n    return 1\n', host: '203.0.113.5' });
  assert.deepEqual((await dry(machine.removePythonPlugin('my_plugin'))).body, { plugin_type: 'python', host: '203.0.113.5' });
  assert.equal((await dry(machine.waitForState('running'))).path, '/backends/b1/machines');
});

test('key calls', async () => {
  assert.equal((await dry(key.private())).path, '/keys/my%20key/private');
  assert.equal((await dry(key.public())).path, '/keys/my%20key/public');
  assert.deepEqual((await dry(key.rename('new name'))).body, { new_id: 'new name', new_name: 'new name' });
  assert.equal((await dry(key.setDefault())).method, 'POST');
  assert.equal((await dry(key.delete())).method, 'DELETE');
  const assoc = await dry(key.associateToMachine('b1', 'i-1', { host: '203.0.113.5' }));
  assert.deepEqual([assoc.op, assoc.path], ['Key.associateToMachine', '/backends/b1/machines/i-1/keys/my%20key']);
  assert.equal(key.id, 'my key', 'a dry run changes nothing locally');
});
