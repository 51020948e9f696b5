// The simulated Cyclades services on the wire (raw requests): Synnefo's conventions that clients
// depend on — 400 for unknown URLs, fault bodies, 405s, token in header or query, JSON content
// type, changes-since limits, per-call success codes, quota refusals leaving nothing behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock, createSim } from '../../../../src/sim/index.js';
import { T0 } from './world.js';

function setup(quotas?: Record<string, number>) {
  const clock = createClock(T0);
  const sim = createSim('synnefo', { seed: 3, clock, users: ['alice@example.org'], ...(quotas ? { quotas } : {}) });
  const token = sim.credentials.token;
  const call = (method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {}) => {
    const headers: Record<string, string> = { ...(init.token === null ? {} : { 'x-auth-token': init.token ?? token }), ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return sim.fetch(`${sim.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  };
  return { sim, clock, token, call };
}

async function fault(res: Response): Promise<[string, { code: number; message: string; details: string }]> {
  const body = (await res.json()) as Record<string, { code: number; message: string; details: string }>;
  const keys = Object.keys(body);
  assert.equal(keys.length, 1, `one key: the fault name (${JSON.stringify(body)})`);
  return [keys[0]!, body[keys[0]!]!];
}

const imageId = async (call: ReturnType<typeof setup>['call']) => ((await (await call('GET', '/compute/v2.0/images')).json()) as { images: { id: string }[] }).images[0]!.id;

test('sim: unknown URLs (non-numeric ids included) are 400 badRequest, not 404', async () => {
  const { call } = setup();
  for (const path of ['/compute/v2.0/servers/abc', '/compute/v2.0/nothing', '/volume/v2.0/volumes/x1', '/network/v2.0/routers', '/compute/v2.0/limits', '/compute/v2.0/os-floating-ip-pools']) {
    const res = await call('GET', path);
    assert.equal(res.status, 400, path);
    const [name, f] = await fault(res);
    assert.equal(name, 'badRequest');
    assert.equal(f.code, 400);
    assert.equal(f.message, 'API endpoint not found');
  }
  const [name] = await fault(await call('GET', '/compute/v2.0/servers/12345'));
  assert.equal(name, 'itemNotFound');
});

test('sim: a wrong method is 405 — a notAllowed fault with Allow on compute and network, a bare 405 on Plankton and block storage', async () => {
  const { call } = setup();
  const compute = await call('PATCH', '/compute/v2.0/servers');
  assert.equal(compute.status, 405);
  assert.equal(compute.headers.get('allow'), 'GET, POST');
  assert.equal((await fault(compute))[0], 'notAllowed');
  const putMeta = await call('PUT', '/compute/v2.0/servers/1/metadata', { body: { metadata: {} } });
  assert.equal(putMeta.status, 405, 'replacing all server metadata is not routed in Cyclades');
  const network = await call('PATCH', '/network/v2.0/networks');
  assert.equal((await fault(network))[0], 'notAllowed');
  for (const path of ['/image/v1.0/images/', '/volume/v2.0/volumes']) {
    const res = await call('DELETE', path);
    assert.equal(res.status, 405, path);
    assert.equal(await res.text(), '', 'no body');
  }
});

test('sim: the token travels in the X-Auth-Token header or query parameter; none is 401', async () => {
  const { call, token } = setup();
  assert.equal((await call('GET', '/compute/v2.0/servers', { token: null })).status, 401);
  assert.equal((await fault(await call('GET', '/network/v2.0/networks', { token: 'wrong' })))[0], 'unauthorized');
  assert.equal((await call('GET', `/compute/v2.0/flavors?X-Auth-Token=${token}`, { token: null })).status, 200);
});

test('sim: JSON bodies need a JSON Content-Type and valid JSON', async () => {
  const { call } = setup();
  const none = await call('POST', '/network/v2.0/networks', { body: '{"network":{"type":"MAC_FILTERED"}}', headers: { 'content-type': 'text/plain' } });
  assert.match((await fault(none))[1].message, /Unsupported Content-type/);
  const bad = await call('POST', '/network/v2.0/networks', { body: '{oops' });
  assert.match((await fault(bad))[1].message, /Could not decode/);
  const missing = await call('POST', '/network/v2.0/networks', { body: { network: {} } });
  assert.equal((await fault(missing))[1].message, "Malformed request. Missing attribute 'type'.");
});

test('sim: changes-since is ISO 8601, not in the future, at most an hour old; nothing new is 304 with no body', async () => {
  const { call, clock } = setup();
  const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
  assert.match((await fault(await call('GET', '/compute/v2.0/servers?changes-since=yesterday')))[1].message, /Invalid changes-since/);
  assert.match((await fault(await call('GET', `/compute/v2.0/servers?changes-since=${iso(clock.now() + 60_000)}`)))[1].message, /future/);
  assert.match((await fault(await call('GET', `/compute/v2.0/servers?changes-since=${iso(clock.now() - 3_600_001)}`)))[1].message, /Too old/);
  const notModified = await call('GET', `/compute/v2.0/servers/detail?changes-since=${iso(clock.now() - 3_600_000)}`);
  assert.equal(notModified.status, 304);
  assert.equal(await notModified.text(), '');
});

test('sim: per-call success codes of server actions, and the first key names the action', async () => {
  const { call, clock } = setup();
  const created = await call('POST', '/compute/v2.0/servers', { body: { server: { name: 's', flavorRef: 1, imageRef: await imageId(call) } } });
  assert.equal(created.status, 202);
  const { server } = (await created.json()) as { server: { id: number; status: string } };
  assert.equal(server.status, 'BUILD');
  const busy = await call('POST', `/compute/v2.0/servers/${server.id}/action`, { body: { reboot: { type: 'SOFT' } } });
  assert.equal(busy.status, 409);
  assert.equal((await fault(busy))[0], 'buildInProgress');
  clock.advance(3000);
  const act = (body: unknown) => call('POST', `/compute/v2.0/servers/${server.id}/action`, { body });
  assert.equal((await act({ console: { type: 'vnc' } })).status, 200);
  assert.equal((await act({ reassign: { project: (await (await call('GET', `/compute/v2.0/servers/${server.id}`)).json() as { server: { tenant_id: string } }).server.tenant_id } })).status, 200);
  assert.equal((await act({ reboot: { type: 'SOFT' } })).status, 202);
  assert.match((await fault(await act({ reboot: { type: 'GENTLE' } })))[1].message, /type/);
  assert.equal((await fault(await act({ fly: {} })))[1].message, 'Action fly not supported');
  assert.equal((await fault(await act({ createImage: { name: 'x' } })))[1].message, 'Action createImage not supported');
  assert.equal((await act({ suspend: null })).status, 403);
  assert.equal((await act({ 'os-getSPICEConsole': { type: 'spice-html5' } })).status, 501);
  assert.equal((await call('GET', `/compute/v2.0/servers/${server.id}/diagnostics`).then((r) => r.json()) as unknown[]).constructor, Array, 'diagnostics is a bare list');
  const keys = (await (await call('GET', '/compute/v2.0/os-keypairs')).json()) as { keypairs: unknown[] };
  assert.deepEqual(keys, { keypairs: [] });
});

test('sim: quotas really limit, and a refused create leaves nothing behind', async () => {
  const { call } = setup({ 'cyclades.vm': 1, 'cyclades.floating_ip': 1 });
  const image = await imageId(call);
  assert.equal((await call('POST', '/compute/v2.0/servers', { body: { server: { name: 'a', flavorRef: 1, imageRef: image } } })).status, 202);
  const refused = await call('POST', '/compute/v2.0/servers', { body: { server: { name: 'b', flavorRef: 1, imageRef: image } } });
  assert.equal(refused.status, 413);
  const [name, f] = await fault(refused);
  assert.equal(name, 'overLimit');
  assert.match(f.details, /Virtual Machine/);
  const servers = (await (await call('GET', '/compute/v2.0/servers')).json()) as { servers: { name: string }[] };
  assert.deepEqual(servers.servers.map((s) => s.name), ['a']);
  const ports = (await (await call('GET', '/network/v2.0/ports')).json()) as { ports: unknown[] };
  assert.equal(ports.ports.length, 1, 'no port was left for the refused server');
  assert.equal((await call('POST', '/network/v2.0/floatingips', { body: { floatingip: {} } })).status, 200, 'floating IP create answers 200');
  assert.equal((await call('POST', '/network/v2.0/floatingips', { body: { floatingip: {} } })).status, 413);
  assert.equal((await call('POST', '/compute/v2.0/servers', { body: { server: { name: 'c', flavorRef: 6, imageRef: image } } })).status, 403, "a flavor with SNF:allow_create false");
});

test('sim: Cyclades refusals — subnet delete 400, floating IP update 501, bulk create 400, raw image GET 501', async () => {
  const { call } = setup();
  const net = (await (await call('POST', '/network/v2.0/networks', { body: { network: { type: 'MAC_FILTERED', name: 'n' } } })).json()) as { network: { id: string } };
  const sub = await call('POST', '/network/v2.0/subnets', { body: { subnet: { network_id: net.network.id, cidr: '192.168.5.0/24' } } });
  assert.equal(sub.status, 201);
  const subId = ((await sub.json()) as { subnet: { id: string } }).subnet.id;
  assert.equal((await fault(await call('DELETE', `/network/v2.0/subnets/${subId}`)))[1].message, 'Deletion of a subnet is not supported');
  assert.equal((await call('PUT', '/network/v2.0/floatingips/1', { body: { floatingip: {} } })).status, 501);
  assert.equal((await call('POST', '/network/v2.0/networks', { body: { networks: [{ type: 'MAC_FILTERED' }] } })).status, 400);
  const images = (await (await call('GET', '/image/v1.0/images/')).json()) as { images: { id: string }[] };
  assert.equal((await call('GET', `/image/v1.0/images/${images.images[0]!.id}`)).status, 501);
  const head = await call('HEAD', `/image/v1.0/images/${images.images[0]!.id}`);
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('x-image-meta-status'), 'AVAILABLE');
  assert.equal(head.headers.get('x-image-meta-name'), 'Debian%20Base', 'names travel percent-encoded');
});

test('sim: service options reach the mounted services (transition times, snapshots, rescue)', async () => {
  const clock = createClock(T0);
  const sim = createSim('synnefo', { seed: 3, clock, services: { compute: { buildMs: 50_000, rescueEnabled: true } } });
  const call = (method: string, path: string, body?: unknown) =>
    sim.fetch(`${sim.url}${path}`, { method, headers: { 'x-auth-token': sim.credentials.token, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const image = ((await (await call('GET', '/compute/v2.0/images')).json()) as { images: { id: string }[] }).images[0]!.id;
  const created = (await (await call('POST', '/compute/v2.0/servers', { server: { name: 'slow', flavorRef: 1, imageRef: image } })).json()) as { server: { id: number } };
  const status = async () => ((await (await call('GET', `/compute/v2.0/servers/${created.server.id}`)).json()) as { server: { status: string } }).server.status;
  clock.advance(10_000);
  assert.equal(await status(), 'BUILD', 'a 50 s build is still building after 10 s');
  clock.advance(45_000);
  assert.equal(await status(), 'ACTIVE');
  // Rescue needs a stopped server; without rescueEnabled it would be 404 featureNotEnabled instead.
  const rescue = await call('POST', `/compute/v2.0/servers/${created.server.id}/action`, { rescue: {} });
  assert.equal(rescue.status, 400, 'rescue is enabled (and refused only because the server runs)');
  assert.match(await rescue.text(), /while server is in 'STARTED' state/);
  assert.throws(() => createSim('synnefo', { services: { compute: { bogus: 1 } } }), /unknown Cyclades simulator option "bogus"/);
});
