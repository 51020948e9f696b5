// The token never leaves in errors, logs or dry runs (kamaki's own logs hide it too); option
// names are checked; error mapping follows kamaki's ClientError.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ConfigError, type LogEvent } from '../../../../src/core/index.js';
import {
  BadRequest, BlockStorageClient, ClientError, CycladesBlockStorageClient, CycladesComputeClient, CycladesNetworkClient, ImageClient, ItemNotFound, NetworkClient, OverLimit, Unauthorized,
} from '../../../../src/synnefo/index.js';
import { cycladesWorld, type World } from './world.js';

const worlds: World[] = [];
after(async () => {
  for (const w of worlds) await w.close();
});

test('secrets: the token is in no error, log event or dry run (unless reveal)', async () => {
  const world = await cycladesWorld();
  worlds.push(world);
  const { token, compute } = world;
  const errors: unknown[] = [];
  for (const call of [() => compute.getServerDetails(999), () => compute.getServerDetails('x'), () => compute.listServers(false, { changesSince: 'never' })]) {
    errors.push(await call().catch((e: unknown) => e));
  }
  const wrong = new CycladesComputeClient({ url: compute.endpointUrl, token: `${token}-wrong` });
  errors.push(await wrong.listServers().catch((e: unknown) => e));
  for (const e of errors) {
    assert.ok(e instanceof ClientError);
    const text = `${e.message} ${JSON.stringify(e)} ${JSON.stringify(e.request)} ${String(e.stack)}`;
    assert.ok(!text.includes(token), 'no token in the error');
  }
  assert.ok(errors[3] instanceof Unauthorized);
  assert.ok(world.logs.length > 10);
  assert.ok(!JSON.stringify(world.logs).includes(token), 'no token in the logs');

  const dry = new CycladesComputeClient({ url: compute.endpointUrl, token, dryRun: true });
  const req = (await dry.createServer('x', 1, 'img')) as unknown as { headers: Record<string, string>; method: string; url: string };
  assert.equal(req.method, 'GET', 'the first request createServer would send: reading the image');
  assert.ok(!JSON.stringify(req).includes(token));
  const revealed = new CycladesComputeClient({ url: compute.endpointUrl, token, dryRun: true, reveal: true });
  const shown = (await revealed.deleteServer(1)) as unknown as { headers: Record<string, string> };
  assert.equal(shown.headers['x-auth-token'], token, 'reveal: true shows it in a dry run');
  assert.ok(!JSON.stringify(compute).includes(token), 'nor in the client as JSON');
});

test('errors: kamaki ClientError fields and typed subclasses from the fault name', async () => {
  const world = await cycladesWorld({ quotas: { 'cyclades.vm': 0 } });
  worlds.push(world);
  const e = (await world.compute.getServerDetails(5).catch((x: unknown) => x)) as ClientError;
  assert.ok(e instanceof ItemNotFound);
  assert.equal(e.status, 404);
  assert.equal(e.fault, 'itemNotFound');
  assert.equal(e.message, 'getServerDetails: Not Found itemNotFound (Server 5 not found)');
  const [image] = await world.compute.listImages();
  const over = (await world.compute.createServer('x', 1, image!.id).catch((x: unknown) => x)) as ClientError;
  assert.ok(over instanceof OverLimit);
  assert.equal(over.status, 413);
  assert.match(over.details.join(' '), /Virtual Machine/);
  const bad = (await world.network.deleteSubnet('1').catch((x: unknown) => x)) as ClientError;
  assert.ok(bad instanceof BadRequest);
});

test('options: unknown option names are refused before anything is sent, with a hint', async () => {
  const world = await cycladesWorld({ inProcess: true });
  const before = world.sim.requests.size;
  await assert.rejects(world.compute.createServer('x', 1, 'i', { project_id: 'p' } as never), (e: Error) => e instanceof ConfigError && /projectId/.test(e.message));
  await assert.rejects(world.compute.listServers(true, { changes_since: 'x' } as never), /changesSince/);
  await assert.rejects(world.network.createNetwork('MAC_FILTERED', { project: 'p' } as never), ConfigError);
  await assert.rejects(world.volumes.createVolume(1, 'x', { server_id: 1 } as never), /serverId/);
  await assert.rejects(world.images.updateImage('i', { is_public: true } as never), ConfigError);
  await assert.rejects(world.compute.waitServerUntil(1, 'ACTIVE', { max_wait: 3 } as never), /maxWait/);
  await assert.rejects(world.compute.getServerConsole(1, 'spice'), ConfigError);
  assert.equal(world.sim.requests.size, before, 'nothing was sent');
  assert.throws(() => new CycladesNetworkClient({ url: 'http://x/network', token: 't', endpoint: 'x' } as never), ConfigError);
  // the version rule: a catalog URL without /vN gets the service default
  assert.equal(new CycladesComputeClient({ url: 'https://c.example.org/compute/', token: 't' }).endpointUrl, 'https://c.example.org/compute/v2.0');
  assert.equal(new ImageClient({ url: 'https://c.example.org/image', token: 't' }).endpointUrl, 'https://c.example.org/image/v1.0');
  assert.equal(new BlockStorageClient({ url: 'https://c.example.org/volume/v2', token: 't' }).apiVersion, '2');
  assert.equal(CycladesBlockStorageClient.serviceType, 'volume');
  assert.equal(NetworkClient.serviceType, 'network');
});
