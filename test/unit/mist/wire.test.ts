// Every MistClient, Backend, Machine and Key method (and the module functions) over real HTTP
// against the served simulator; a recorder proves none was skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backend, backendFromId, Key, Machine, machineFromId, MistClient, waitForState } from '../../../src/mist/index.js';
import { clockSleep, loggedIn, methodNames, mistSim, recording, RSA_PEM, served } from './helpers.js';

const CLIENT = methodNames(MistClient.prototype);
const BACKEND = methodNames(Backend.prototype);
const MACHINE = methodNames(Machine.prototype);
const KEY = methodNames(Key.prototype);

test('every facade method over real HTTP against the hosted simulator', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const seen = new Set<string>();
  const client = recording(await loggedIn(sim, server.url), seen, 'c.');
  seen.add('c.login');
  const sleep = clockSleep(sim);
  const wait = { interval: 250, sleep };
  const rec = <T extends object>(o: T, prefix: string) => recording(o, seen, prefix);

  // client: login details, providers, monitoring overview, re-authentication
  assert.equal(client.userDetails?.current_plan?.title, 'Startup');
  assert.equal('mist_api_token' in (client.userDetails ?? {}), false, 'the token stays inside the client');
  assert.equal(client.toJSON().authenticated, true);
  const providers = await client.supportedProviders();
  assert.equal(providers.length, 26);
  assert.deepEqual(providers.find((p) => p.provider === 'rackspace:lon'), { title: 'Rackspace LON', provider: 'rackspace:lon' });
  assert.equal((await client.authenticate(sim.credentials.email, sim.credentials.password)).user_details?.email, sim.credentials.email);

  // keys: generate, add (RSA PEM and the generated one), list, default promotion
  const generated = await client.generateKey();
  assert.match(generated, /^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
  const rsa = rec(await client.addKey('rsa key', RSA_PEM), 'k.');
  assert.equal(rsa.isDefault, true, 'the first key is the default');
  const gen = rec(await client.addKey('generated', generated), 'k.');
  assert.equal(gen.isDefault, false);
  assert.deepEqual([...(await client.keys()).keys()], ['rsa key', 'generated']);
  assert.equal((await client.updateKeys()).size, 2);
  assert.equal(await rsa.private(), RSA_PEM);
  assert.match(await rsa.public(), /^ssh-rsa AAAAB3NzaC1yc2E/);
  await gen.setDefault();
  assert.equal(gen.isDefault, true);
  assert.equal((await client.keys()).get('rsa key')!.isDefault, false);
  const cachedGen = (await client.keys()).get('generated');
  await gen.rename('gen key');
  assert.equal(gen.id, 'gen key');
  assert.equal((await client.keys()).get('gen key'), cachedGen, 'the renamed Key object stays the cached one');
  assert.equal(sim.state.keypairs.has('gen key'), true);

  // backends: add per provider, lookups, rename, enable/disable
  const aws = rec(await client.addBackend('aws', 'ec2_us_east', 'AKIAEXAMPLE', 'aws-secret'), 'b.');
  assert.equal(aws.provider, 'ec2_us_east');
  const lon = rec(await client.addBackend('london', 'rackspace:lon', 'rackuser', 'rack-api-key'), 'b.');
  assert.equal(lon.provider, 'rackspace', 'the server splits provider:region');
  assert.equal(lon.info.region, 'lon');
  const os = rec(await client.addBackend('cloud', 'openstack', 'osuser', 'ospass', { apiurl: 'https://keystone.example.com:5000/v2.0/', tenantName: 'demo' }), 'b.');
  assert.equal((await client.backends()).size, 3);
  assert.equal((await client.backendFromId(aws.id))?.title, 'aws');
  assert.equal((await backendFromId(client, aws.id))?.title, 'aws');
  seen.add('backendFromId');
  assert.equal((await client.backendFromTitle('london'))?.id, lon.id);
  assert.equal((await client.backendFromProvider('rackspace:lon'))?.id, lon.id, 'provider:region matches (C14 never did)');
  assert.equal((await client.backendFromProvider('openstack'))?.id, os.id);
  assert.equal((await client.searchBackend('london'))?.id, lon.id);
  assert.equal(await client.searchBackend('nothing'), undefined);
  await lon.rename('London');
  assert.equal(lon.title, 'London');
  assert.equal(sim.state.backends.get(lon.id)?.title, 'London');
  await lon.disable();
  assert.equal(lon.enabled, false);
  assert.equal(lon.info.state, 'offline');
  await lon.enable();
  assert.equal(lon.info.state, 'online');
  const cachedLon = (await client.backends()).get(lon.id);
  assert.equal((await client.updateBackends()).get(lon.id), cachedLon, 'Backend objects are updated in place');

  // what a backend offers
  assert.equal((await aws.sizes())[0]!.driver, 'Amazon EC2');
  assert.equal((await aws.locations())[0]!.name, 'us-east-1a');
  assert.deepEqual(await aws.networks(), []);
  assert.equal((await os.networks()).length, 2);
  const images = await aws.images();
  assert.ok(images.some((i) => i.id === 'ami-7c807d14' && i.star === true));
  assert.ok(!images.some((i) => /hvm|windows/i.test(i.name)), 'the server hides HVM and Windows images');
  const found = await aws.searchImage('UBUNTU');
  assert.ok(found.length > 0 && found.length <= 40 && found.every((i) => /ubuntu/i.test(`${i.id} ${i.name}`)));
  assert.equal((await aws.searchImage('AMD64')).length, 40, 'more than 40 hits stop at 40');

  // machines: create, wait, lookups, actions (each one request), probe, keys, monitoring
  const web = rec(await aws.createMachine('web 1', rsa, 'ami-7c807d14', '0', 't1.micro'), 'm.');
  assert.equal(web.state, 'pending');
  await web.waitForState('running', wait);
  assert.equal(web.state, 'running');
  const db = rec(await aws.createMachine('db', 'gen key', 'ami-e84d8480', '1', 'm1.small', { script: '#!/bin/sh\necho hi', monitoring: false }), 'm.');
  await waitForState(db, 'running', wait);
  seen.add('waitForState');
  assert.equal((await aws.machines()).size, 2);
  assert.equal((await aws.updateMachines()).size, 2);
  assert.equal((await aws.machineFromId(web.id))?.name, 'web 1');
  assert.equal((await machineFromId(aws, web.id))?.name, 'web 1');
  seen.add('machineFromId');
  assert.equal((await aws.machineFromName('db'))?.id, db.id);
  assert.equal((await aws.machineFromIp(web.publicIps[0]!))?.id, web.id);
  assert.equal((await aws.searchMachine('db'))?.id, db.id);
  assert.equal(await aws.searchMachine('nope'), undefined);

  const before = sim.requests.size;
  await web.reboot();
  assert.equal(sim.requests.size - before, 1, 'an action costs one request: its machine list refills the cache');
  assert.equal(web.state, 'rebooting');
  await web.waitForState('running', wait);
  await web.stop();
  await web.waitForState('stopped', wait);
  assert.equal(web.info.can_start, true);
  await web.start();
  await web.waitForState('running', wait);

  const probe = await web.probe({ sshUser: 'ubuntu' });
  assert.equal(web.probed, true);
  assert.equal(probe.packets_loss, 0);
  assert.ok(probe.uptime !== undefined, 'SSH worked with the key the machine was created with');
  assert.equal(new URL(sim.requests.last()!.url).searchParams.get('ssh_user'), 'ubuntu', 'ssh_user goes in the query, where the server reads it');
  assert.equal(sim.state.keypairs.get('rsa key')!.machines.find((a) => a[1] === web.id)?.[3], 'ubuntu');

  const assoc = await web.associateKey('gen key', { sshUser: 'admin', sshPort: 2222 });
  assert.deepEqual(assoc.find((a) => a[1] === web.id)?.slice(3), ['admin', false, 2222], 'the server read user/port');
  const assoc2 = await gen.associateToMachine(aws.id, db.id);
  assert.ok(assoc2.some((a) => a[1] === db.id));
  const put = sim.requests.list().filter((r) => r.method === 'PUT').at(-1)!;
  assert.deepEqual(JSON.parse(put.body), { host: db.publicIps[0], ssh_user: null, ssh_port: 22, user: null, port: 22 }, 'host defaults to the public IP');

  const enabled = await web.enableMonitoring();
  assert.match(enabled.command ?? '', /deploy_script\?uuid=/);
  const toggle = JSON.parse(sim.requests.last()!.body);
  assert.equal(toggle.name, 'web 1', 'the server reads name');
  assert.equal(toggle.machine_name, 'web 1', "mist.client's machine_name is sent too");
  const overview = await client.checkMonitoring();
  assert.deepEqual(overview.machines, [[aws.id, web.id]]);
  const metrics = await web.availableMetrics();
  assert.equal(metrics['load.shortterm']?.name, 'Load');
  await web.addMetric('processes.total');
  await web.removeMetric('disk.total.disk_octets.write');
  const now = Math.floor(sim.clock.now() / 1000);
  const stats = await web.getStats({ start: now - 100, stop: now, step: 20 });
  assert.ok('processes.total' in stats && !('disk.total.disk_octets.write' in stats));
  assert.equal(stats['load.shortterm']!.datapoints.length, 6);
  const plugin = await web.addPythonPlugin('My Plugin!', 'def read():\n    return 42\n', { unit: 'req/s' });
  assert.equal(plugin.metric_id, 'mist.python.my_plugin');
  assert.equal((await web.getStats())['mist.python.my_plugin']?.unit, 'req/s');
  assert.equal((await web.removePythonPlugin('my_plugin')).metric_id, null);
  assert.deepEqual(await web.disableMonitoring(), { cmd_output: null });

  // destroying; deleting keys and backends
  await db.destroy();
  await db.waitForState('terminated', wait);
  assert.equal(db.info.can_destroy, false);
  await gen.delete();
  assert.equal((await client.keys()).has('gen key'), false);
  await rsa.delete();
  assert.equal((await client.keys()).size, 0);
  await os.delete();
  assert.equal((await client.backends()).has(os.id), false);
  assert.equal(JSON.stringify(aws), JSON.stringify(aws.info));
  assert.equal(JSON.stringify(web), JSON.stringify(web.info));
  assert.equal(JSON.stringify(rsa), JSON.stringify(rsa.info));

  const missing = [
    ...CLIENT.filter((m) => !seen.has(`c.${m}`)),
    ...BACKEND.filter((m) => !seen.has(`b.${m}`)),
    ...MACHINE.filter((m) => !seen.has(`m.${m}`)),
    ...KEY.filter((m) => !seen.has(`k.${m}`)),
  ];
  assert.deepEqual(missing, [], 'every facade method was driven');
});
