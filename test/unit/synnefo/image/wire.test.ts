// Every ImageClient method over real HTTP against the served Synnefo simulator: images registered
// from Pithos objects, metadata in quoted X-Image-Meta-* headers both ways, members, sharing.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ConfigError, ResponseError } from '../../../../src/core/index.js';
import { BadRequest, ClientError, ImageClient, ItemNotFound } from '../../../../src/synnefo/index.js';
import { cycladesWorld, methodNames, recording, type World } from '../compute/world.js';

const worlds: World[] = [];
after(async () => {
  for (const w of worlds) await w.close();
});

/** Puts an object in the user's Pithos account with plain HTTP (the object store is another facade's job). */
async function putObject(world: World, container: string, name: string, bytes: Uint8Array): Promise<void> {
  const base = `${world.served!.url}/object-store/v1/${world.sim.users[0]!.uuid}`;
  const headers = { 'x-auth-token': world.token };
  const c = await fetch(`${base}/${container}`, { method: 'PUT', headers });
  assert.ok(c.status === 201 || c.status === 202, `container: ${c.status}`);
  const o = await fetch(`${base}/${container}/${name.split('/').map(encodeURIComponent).join('/')}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
  assert.equal(o.status, 201, `object: ${o.status}`);
}

test('image: every ImageClient method against the simulator', async () => {
  const world = await cycladesWorld();
  worlds.push(world);
  const seen = new Set<string>();
  const img = recording(world.images, seen);
  const [alice, bob] = world.sim.users;
  await putObject(world, 'images', 'debian 12/disk~1.diskdump', new Uint8Array(4096).fill(7));

  const seeded = await img.listPublic();
  assert.deepEqual(Object.keys(seeded[0]!).sort(), ['container_format', 'disk_format', 'id', 'name', 'size', 'status']);

  // register: name and properties quoted, location from a tuple, isPublic false sent explicitly
  const meta = await img.register('Débian 12 ✓', [alice!.uuid, 'images', 'debian 12/disk~1.diskdump'], { diskFormat: 'diskdump', isPublic: false }, { OS: 'debian', 'Os-Family': 'línux', users: 'root' });
  assert.equal(meta.name, 'Débian 12 ✓');
  assert.equal(meta['disk-format'], 'diskdump');
  assert.equal(meta['is-public'], 'False');
  assert.equal(meta.status, 'AVAILABLE');
  assert.deepEqual(meta.properties, { os: 'debian', os_family: 'línux', users: 'root' }, 'keys lower-cased, punctuation → _');
  assert.equal(meta.location, `pithos://${alice!.uuid}/images/debian 12/disk~1.diskdump`, "sent quoted, read back unquoted as kamaki does");
  const id = meta.id!;

  // the same object again: same id, merged metadata
  const again = await img.register('Debian 12', `pithos://${alice!.uuid}/images/debian 12/disk~1.diskdump`, {}, { description: 'base' });
  assert.equal(again.id, id);
  assert.equal(again.properties.os, 'debian');
  assert.equal(again.properties.description, 'base');

  const got = await img.getMeta(id);
  assert.equal(got.name, 'Debian 12');
  assert.equal(got.size, '4096');
  assert.equal(got.owner, alice!.uuid);

  // listing with filters and order
  const detailed = (await img.listPublic(true, { disk_format: 'diskdump' }, '-name')) as { name: string; properties?: Record<string, string> }[];
  assert.deepEqual(detailed.map((i) => i.name), ['Ubuntu Server', 'Debian Base', 'Debian 12']);
  assert.equal(detailed[2]!.properties?.os, 'debian');
  assert.deepEqual(((await img.listPublic(false, { name: 'Debian 12' }, 'name')) as { id: string }[]).map((i) => i.id), [id]);
  await assert.rejects(img.listPublic(false, {}, 'colour'), BadRequest, 'an unknown sort key is 400');

  // update: headers only, response headers back
  const headers = await img.updateImage(id, { name: 'Debian 12.1', properties: { kernel: '6.1' }, public: true });
  assert.equal(headers['x-image-meta-name'], 'Debian%2012.1');
  assert.equal((await img.getMeta(id))['is-public'], 'True');
  await img.updateImage(id, { public: false });

  // members
  await img.addMember(id, bob!.uuid);
  assert.deepEqual(await img.listMembers(id), [{ member_id: bob!.uuid, can_share: false }]);
  assert.deepEqual((await img.listShared(bob!.uuid)).map((s) => s.image_id), [id]);
  const asBob = new ImageClient({ url: world.images.endpointUrl, token: bob!.token });
  assert.equal((await asBob.getMeta(id)).name, 'Debian 12.1', 'a member sees the image');
  await img.setMembers(id, []);
  assert.deepEqual(await img.listMembers(id), []);
  await assert.rejects(asBob.getMeta(id), ItemNotFound);
  await img.setMembers(id, [bob!.uuid]);
  await img.removeMember(id, bob!.uuid);
  assert.deepEqual(await img.listShared(bob!.uuid), []);

  // refusals
  await assert.rejects(img.register('x', 'https://example.org/disk'), ConfigError, 'kamaki mangled non-pithos locations; opskit refuses them');
  await assert.rejects(img.register('x', `pithos://${alice!.uuid}/images/debian 12/disk~1.diskdump`, { size: 4096 } as never), ConfigError);
  await assert.rejects(img.register('x', `pithos://${alice!.uuid}/images/missing`), ItemNotFound);
  await assert.rejects(img.register('x', `pithos://${alice!.uuid}/images/debian 12/disk~1.diskdump`, { diskFormat: 'qcow2' }), BadRequest);
  await assert.rejects(img.register('x', `pithos://${bob!.uuid}/images/debian 12/disk~1.diskdump`), (e: ClientError) => e.status === 403);

  // the compute view shows it too
  assert.equal((await world.compute.getImageDetails(id)).metadata?.kernel, '6.1');

  await img.unregister(id);
  await assert.rejects(img.getMeta(id), ItemNotFound);

  assert.deepEqual(methodNames(ImageClient.prototype, ['where']).filter((m) => !seen.has(m)), [], 'every facade method was exercised');
});

test('image: register refuses a reply without the new image id (a ResponseError, nothing to address later)', async () => {
  const world = await cycladesWorld();
  worlds.push(world);
  const [alice] = world.sim.users;
  await putObject(world, 'images', 'no-id.diskdump', new Uint8Array(64));
  // The served simulator's reply, with its x-image-meta-id header taken out on the way back.
  const stripId: typeof fetch = async (input, init) => {
    const r = await fetch(input, init);
    const headers = new Headers(r.headers);
    headers.delete('x-image-meta-id');
    return new Response(r.body, { status: r.status, headers });
  };
  const img = await world.astakos.clientFor(ImageClient, { fetch: stripId });
  const err = await img.register('No id', [alice!.uuid, 'images', 'no-id.diskdump']).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof ResponseError, String(err));
  assert.match(err.message, /register.*x-image-meta-id/);
});
