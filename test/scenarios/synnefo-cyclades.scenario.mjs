// Synnefo Cyclades scenarios: compute, network, Plankton and block storage clients from the
// Astakos catalog against the in-process simulator, on a manual clock. Runs in Node, Chromium
// (secure and non-secure origins), Deno and Bun.
export default function (t) {
  const { synnefo, sim: simLib, core } = t.lib;
  const { assert } = t;
  const T0 = Date.parse('2024-05-01T10:00:00Z');

  async function world(options = {}) {
    const clock = simLib.createClock(T0);
    const sim = simLib.createSim('synnefo', { seed: 5, clock, users: ['alice@example.org'], ...options });
    const logs = [];
    const core = { fetch: sim.fetch, now: () => clock.now(), logger: (e) => logs.push(e) };
    const astakos = new synnefo.AstakosClient({ ...sim.credentials, ...core });
    const wait = { interval: 250, sleep: async (ms) => void clock.advance(ms), now: () => clock.now() };
    return {
      sim, clock, logs, wait, token: sim.credentials.token,
      compute: await astakos.clientFor(synnefo.CycladesComputeClient, core),
      network: await astakos.clientFor(synnefo.CycladesNetworkClient, core),
      volumes: await astakos.clientFor(synnefo.CycladesBlockStorageClient, core),
      images: await astakos.clientFor(synnefo.ImageClient, core),
    };
  }

  t.test('synnefo-cyclades: a server from BUILD to ACTIVE with progress, a volume attached, a floating IP, cleaned up', async () => {
    const w = await world();
    const [image] = await w.compute.listImages(true);
    const server = await w.compute.createServer(`scn-${t.env.runtime}`, 1, image.id, { metadata: { runtime: t.env.runtime } });
    assert.equal(server.status, 'BUILD');
    assert.equal(server.metadata.os, image.metadata.os, 'os inherited from the image');
    const seen = [];
    const active = await w.compute.waitServerUntil(server.id, 'ACTIVE', { ...w.wait, onProgress: (p) => seen.push(p.value.progress) });
    assert.equal(active.status, 'ACTIVE');
    assert.equal(seen.at(-1), 100);
    assert.ok(seen.some((p) => p > 0 && p < 100));

    const types = await w.volumes.listVolumeTypes();
    const vol = await w.volumes.createVolume(5, 'data', { volumeType: types.find((x) => x['SNF:detachable']).id });
    await w.volumes.waitVolumeUntil(vol.id, 'available', w.wait);
    await w.compute.attachVolume(server.id, vol.id);
    assert.equal((await w.volumes.waitVolumeUntil(vol.id, 'in_use', w.wait)).attachments[0].server_id, String(server.id));

    const ip = await w.network.createFloatingip();
    const port = await w.network.createPort(ip.floating_network_id, { deviceId: server.id, fixedIps: [{ ip_address: ip.floating_ip_address }] });
    assert.equal((await w.network.waitPortUntil(port.id, 'ACTIVE', w.wait)).status, 'ACTIVE');
    assert.equal((await w.network.getFloatingipDetails(ip.id)).instance_id, String(server.id));

    await w.compute.detachVolume(server.id, vol.id);
    await w.volumes.waitVolumeUntil(vol.id, 'available', w.wait);
    await w.volumes.deleteVolume(vol.id);
    await w.network.deletePort(port.id);
    await w.network.deleteFloatingip(ip.id);
    await w.compute.deleteServer(server.id);
    assert.equal((await w.compute.waitServerUntil(server.id, 'DELETED', w.wait)).deleted, true);
    assert.ok(!JSON.stringify(w.logs).includes(w.token), 'no token in the logs');
  });

  t.test('synnefo-cyclades: waiters throw TimeoutError unless silent; changes-since and 304', async () => {
    const w = await world();
    const [image] = await w.compute.listImages();
    const s = await w.compute.createServer('slow', 1, image.id, { networks: [] });
    const err = await assert.rejects(w.compute.waitServerUntil(s.id, 'ACTIVE', { ...w.wait, timeout: 500 }), core.TimeoutError);
    assert.equal(err.lastValue.status, 'BUILD');
    assert.equal((await w.compute.waitServerWhile(s.id, 'BUILD', { ...w.wait, timeout: 500, silent: true })).status, 'BUILD');
    await w.compute.waitServerUntil(s.id, 'ACTIVE', w.wait);
    w.clock.advance(1000);
    const since = new Date(w.clock.now());
    await assert.rejects(w.compute.listServers(true, { changesSince: since }), synnefo.NotModified);
    await w.compute.updateServerName(s.id, 'renamed');
    assert.deepEqual((await w.compute.listServers(true, { changesSince: since })).map((x) => x.name), ['renamed']);
    await assert.rejects(w.compute.listServers(false, { changesSince: new Date(w.clock.now() - 7_200_000) }), synnefo.BadRequest);
  });

  t.test('synnefo-cyclades: quotas limit (OverLimit) and are released; faults map to typed errors; batch rollback', async () => {
    const w = await world({ quotas: { 'cyclades.vm': 1, 'cyclades.network.private': 1 } });
    const [image] = await w.compute.listImages();
    const a = await w.compute.createServer('a', 1, image.id, { networks: [] });
    const over = await assert.rejects(w.compute.createServer('b', 1, image.id), synnefo.OverLimit);
    assert.equal(over.status, 413);
    await assert.rejects(w.compute.getServerDetails('nope'), synnefo.BadRequest, 'an unknown URL is 400');
    await assert.rejects(w.compute.getServerDetails(1), synnefo.ItemNotFound);
    await w.compute.waitServerUntil(a.id, 'ACTIVE', w.wait);
    await w.compute.deleteServer(a.id);
    const b = await w.compute.createServer('b', 1, image.id, { networks: [] });
    assert.equal(b.status, 'BUILD', 'the quota of the deleted server was released');
    const batch = await assert.rejects(w.network.createNetworks([{ type: 'MAC_FILTERED', name: 'n1' }, { type: 'MAC_FILTERED', name: 'n2' }]), synnefo.BatchCreateError);
    assert.equal(batch.failedIndex, 1);
    assert.equal(batch.rolledBack.length, 1);
    assert.equal((await w.network.listNetworks()).filter((n) => !n.public).length, 0);
  });

  t.test('synnefo-cyclades: Plankton image metadata travels quoted both ways', async () => {
    const w = await world();
    const uuid = w.sim.users[0].uuid;
    const base = `${w.sim.url}/object-store/v1/${uuid}`;
    const headers = { 'x-auth-token': w.token };
    await w.sim.fetch(`${base}/images`, { method: 'PUT', headers });
    const put = await w.sim.fetch(`${base}/images/disk.img`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(1024) });
    assert.equal(put.status, 201);
    const meta = await w.images.register('Ελληνικά ✓', ['' + uuid, 'images', 'disk.img'], { isPublic: false }, { OS: 'linux', Description: 'καλημέρα' });
    assert.equal(meta.name, 'Ελληνικά ✓');
    assert.equal(meta.properties.description, 'καλημέρα');
    assert.equal((await w.images.getMeta(meta.id)).properties.os, 'linux');
    assert.equal((await w.compute.getImageDetails(meta.id)).metadata.os, 'linux');
    await w.images.unregister(meta.id);
  });

  t.test('synnefo-cyclades: dry runs show the request without the token; unknown options are ConfigErrors', async () => {
    const w = await world();
    const dry = new synnefo.CycladesComputeClient({ url: w.compute.endpointUrl, token: w.token, dryRun: true, fetch: w.sim.fetch });
    const req = await dry.rebootServer(7, true);
    assert.equal(req.method, 'POST');
    assert.equal(JSON.parse(req.body).reboot.type, 'HARD');
    assert.ok(!JSON.stringify(req).includes(w.token));
    await assert.rejects(w.compute.createServer('x', 1, 'i', { project_id: 'p' }), /did you mean "projectId"/);
  });
}
