// Every provider of mist.client 0.1.1's list can be added through addBackend with its own fields,
// and the simulator validates each as the server does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnyBackendOptions } from '../../../src/mist/index.js';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

/** key, secret and options per provider family (protocols §4.2). */
const FIELDS: Record<string, [string, string, AnyBackendOptions]> = {
  ec2: ['AKIAEXAMPLE', 'aws-secret', {}],
  rackspace: ['rackuser', 'rack-api-key', {}],
  rackspace_first_gen: ['rackuser', 'rack-api-key', {}],
  openstack: ['osuser', 'ospass', { apiurl: 'https://keystone.example.com:5000/v2.0', tenantName: 'demo', region: 'RegionOne', computeEndpoint: 'https://nova.example.com' }],
  hpcloud: ['hpuser', 'hppass', { tenantName: 'hp-tenant' }],
  linode: ['', 'linode-api-key', {}],
  digitalocean: ['', 'do-v2-token', {}],
  gce: ['svc@project.iam.gserviceaccount.com', '-----BEGIN PRIVATE KEY-----…', { tenantName: 'my-project' }],
  nephoscale: ['nephouser', 'nephopass', {}],
  softlayer: ['sluser', 'sl-api-key', {}],
  docker: ['', '', { apiurl: 'https://docker.example.com', dockerPort: 2375 }],
  bare_metal: ['', '', { machineIp: 'metal.example.com', machineKey: 'k', machineUser: 'ops', machinePort: 2222 }],
};

test('every supported provider: added through addBackend, listed, offering sizes, locations, networks and images', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  await client.addKey('k', RSA_PEM);
  const providers = await client.supportedProviders();
  for (const { provider, title } of providers) {
    const family = provider.startsWith('ec2_') ? 'ec2' : provider.split(':')[0]!;
    const [key, secret, options] = FIELDS[family]!;
    const backend = await (client.addBackend as (...a: unknown[]) => ReturnType<typeof client.addBackend>)(title, provider, key, secret, options);
    assert.equal(backend.provider, provider.split(':')[0], provider);
    if (provider.includes(':')) assert.equal(backend.info.region, provider.split(':')[1], provider);
    assert.equal(backend.title, family === 'bare_metal' ? 'metal.example.com' : title, provider);
    assert.ok(Array.isArray(await backend.sizes()), provider);
    assert.ok((await backend.locations()).length >= 1, provider);
    assert.ok(Array.isArray(await backend.networks()), provider);
    assert.ok(Array.isArray(await backend.images()), provider);
  }
  assert.equal((await client.backends()).size, 26);
  // Families that answer networks, and the bare-metal host with its key associated.
  const os = (await client.backendFromProvider('openstack'))!;
  assert.equal((await os.networks()).length, 2);
  assert.equal(sim.state.backends.get(os.id)!.apiurl, 'https://keystone.example.com:5000');
  const metal = (await client.backendFromProvider('bare_metal'))!;
  const [host] = [...(await metal.machines()).values()];
  assert.deepEqual([host!.name, host!.state, host!.info.can_reboot], ['metal.example.com', 'running', true]);
  assert.equal((await client.keys()).get('k')!.machines.length, 0, 'the cached key list is as it was');
  assert.deepEqual((await client.updateKeys()).get('k')!.machines[0]!.slice(3), ['ops', false, 2222]);
  await host!.reboot();
  assert.equal(host!.state, 'running', 'a bare-metal host keeps answering');
  const docker = (await client.backendFromProvider('docker'))!;
  assert.equal(sim.state.backends.get(docker.id)!.docker_port, 2375);
});
