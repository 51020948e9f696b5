// mist.client's cache semantics: backends, keys and machines until update*(); sizes, images,
// locations, networks, metrics and key halves on every call. Counted at the simulator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loggedIn, mistSim, RSA_PEM, served } from './helpers.js';

test('backends(), keys() and machines() are fetched once and kept until update*()', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  const gets = (path: string) => sim.requests.list().filter((r) => r.method === 'GET' && r.path === path).length;
  // Concurrent first reads share one request.
  const [a, b] = await Promise.all([client.backends(), client.backends()]);
  assert.equal(a, b);
  assert.equal(gets('/backends'), 1);
  await client.backendFromTitle('x');
  await client.searchBackend('x');
  assert.equal(gets('/backends'), 1);
  // Someone else adds a backend: the cache does not see it until updateBackends().
  await (await loggedIn(sim, server.url)).addBackend('other', 'linode', '', 'k');
  assert.equal((await client.backends()).size, 0);
  assert.equal((await client.updateBackends()).size, 1);
  assert.equal(gets('/backends'), 3);
  const backend = [...(await client.backends()).values()][0]!;
  await backend.machines();
  await backend.machineFromName('x');
  await backend.searchMachine('x');
  assert.equal(gets(`/backends/${backend.id}/machines`), 1);
  await backend.updateMachines();
  assert.equal(gets(`/backends/${backend.id}/machines`), 2);
  await client.keys();
  await client.keys();
  assert.equal(gets('/keys'), 1);
});

test('sizes, locations, networks, images, available metrics and key halves are requested on every call', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  const key = await client.addKey('k', RSA_PEM);
  const before = sim.requests.size;
  for (let i = 0; i < 2; i++) {
    await backend.sizes();
    await backend.locations();
    await backend.networks();
    await backend.images();
    await key.private();
    await key.public();
  }
  assert.equal(sim.requests.size - before, 12);
});

test('updates refill the caches: adding, renaming and deleting change what backends()/keys() return', async () => {
  const sim = mistSim();
  const server = await served(sim);
  const client = await loggedIn(sim, server.url);
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  assert.equal((await client.backends()).get(backend.id)?.title, 'aws');
  await backend.rename('prod');
  assert.equal((await client.backendFromTitle('prod'))?.id, backend.id);
  const key = await client.addKey('k', RSA_PEM);
  await client.addKey('k2', RSA_PEM);
  // Deleting the default key: the reply (the keys left) refills the cache, with k2 promoted.
  const before = sim.requests.size;
  await key.delete();
  assert.equal(sim.requests.size - before, 1, 'the DELETE reply is the new key list (no second GET)');
  assert.equal((await client.keys()).get('k2')?.isDefault, true);
  await backend.delete();
  assert.equal((await client.backends()).size, 0);
});
