// The Synnefo simulator's host with raw requests (no opskit client): Synnefo's wire conventions
// (token in the query or the header, 400 for unknown URLs, fault bodies, 405), quotas that really
// limit (the host's charge as commissions), the project and membership state machines, the
// catalog following the origin requests arrive on, and injected faults in Synnefo's shape.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { serve, type ServedSim } from '../../../../src/node/index.js';
import { createClock, createSim } from '../../../../src/sim/index.js';
import { SynnefoFault, type SynnefoSim } from '../../../../src/sim/synnefo/index.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

function newSim(options: Parameters<typeof createSim<'synnefo'>>[1] = {}): SynnefoSim {
  return createSim('synnefo', { seed: 5, clock: createClock(Date.UTC(2030, 0, 1)), users: [{ admin: true }, { name: 'friend@example.org' }], ...options });
}

async function call(sim: SynnefoSim, method: string, path: string, options: { token?: string; query?: string; body?: unknown; type?: string; raw?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers['x-auth-token'] = options.token;
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = options.type ?? 'application/json';
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await sim.fetch(`${sim.url}${path}${options.query ?? ''}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, any> };
}

test('credentials are exactly the AstakosClient options; tokens work in the header or the X-Auth-Token query', async () => {
  const sim = newSim();
  assert.deepEqual(Object.keys(sim.credentials).sort(), ['token', 'url']);
  assert.equal(sim.credentials.url, 'http://synnefo.sim.invalid/identity/v2.0');
  assert.equal(sim.credentials.token, sim.users[0]?.token);
  const byHeader = await call(sim, 'GET', '/account/v1.0/quotas', { token: sim.credentials.token });
  assert.equal(byHeader.status, 200);
  const byQuery = await call(sim, 'GET', '/account/v1.0/quotas', { query: `?X-Auth-Token=${sim.credentials.token}` });
  assert.equal(byQuery.status, 200);
  // The query parameter is checked first (Synnefo's order).
  const both = await call(sim, 'GET', '/account/v1.0/quotas', { query: '?X-Auth-Token=wrong-token-0000', token: sim.credentials.token });
  assert.equal(both.status, 401);
  const none = await call(sim, 'GET', '/account/v1.0/quotas');
  assert.deepEqual(none.json, { unauthorized: { code: 401, message: 'Access denied. No authentication token', details: '' } });
  assert.equal(none.headers.get('content-type'), 'application/json; charset=UTF-8');
  assert.equal((await call(sim, 'GET', '/account/v1.0/quotas', { token: 'nope-nope-nope' })).json.unauthorized.message, 'Invalid token');
  // Tokens expire (30 days by default).
  sim.clock.advance(31 * 86_400_000);
  assert.equal((await call(sim, 'GET', '/account/v1.0/quotas', { token: sim.credentials.token })).json.unauthorized.message, 'Authentication expired');
});

test('unknown URLs are 400 badRequest, wrong methods 405 notAllowed with Allow; trailing slashes are optional', async () => {
  const sim = newSim();
  const token = sim.credentials.token;
  for (const path of ['/nope', '/account/v1.0/nope', '/identity/v3/tokens', '/compute/v2.0/no-such-thing', '/vmapi/v1.0/x']) {
    const r = await call(sim, 'GET', path, { token });
    assert.equal(r.status, 400, path);
    assert.deepEqual(r.json, { badRequest: { code: 400, message: 'API endpoint not found', details: '' } }, path);
  }
  const wrong = await call(sim, 'DELETE', '/account/v1.0/projects', { token });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET, POST');
  assert.equal(wrong.json.notAllowed.code, 405);
  assert.equal((await call(sim, 'GET', '/account/v1.0/quotas/', { token })).status, 200);
  assert.equal((await call(sim, 'POST', '/identity/v2.0/tokens/')).status, 200);
});

test('POST /tokens: public catalog without a body, authentication with one; JSON bodies need their Content-Type', async () => {
  const sim = newSim();
  const [u1] = sim.users;
  const pub = await call(sim, 'POST', '/identity/v2.0/tokens');
  assert.deepEqual(Object.keys(pub.json.access), ['serviceCatalog']);
  const types = (pub.json.access.serviceCatalog as { type: string; endpoints: { publicURL: string }[] }[]).map((s) => [s.type, s.endpoints[0]?.publicURL]);
  assert.deepEqual(types, [
    ['account', 'http://synnefo.sim.invalid/account/v1.0'],
    ['identity', 'http://synnefo.sim.invalid/identity/v2.0'],
    ['astakos_weblogin', 'http://synnefo.sim.invalid/ui/login'],
    ['astakos_auth', 'http://synnefo.sim.invalid/astakos/oauth2'],
    ['compute', 'http://synnefo.sim.invalid/compute/v2.0'],
    ['network', 'http://synnefo.sim.invalid/network/v2.0'],
    ['image', 'http://synnefo.sim.invalid/image/v1.0'],
    ['volume', 'http://synnefo.sim.invalid/volume/v2.0'],
    ['vmapi', 'http://synnefo.sim.invalid/vmapi/v1.0'],
    ['object-store', 'http://synnefo.sim.invalid/object-store/v1'],
  ]);
  const auth = await call(sim, 'POST', '/identity/v2.0/tokens', { body: { auth: { passwordCredentials: { username: u1?.uuid, password: u1?.token } } } });
  assert.equal(auth.json.access.user.id, u1?.uuid);
  assert.equal((await call(sim, 'POST', '/identity/v2.0/tokens', { body: { auth: { passwordCredentials: { username: 'other', password: u1?.token } } } })).status, 401);
  assert.equal((await call(sim, 'POST', '/identity/v2.0/tokens', { body: { auth: {} } })).json.badRequest.message, 'Malformed request: missing credentials');
  assert.equal((await call(sim, 'POST', '/identity/v2.0/tokens', { raw: '{"auth"', type: 'application/json' })).status, 400);
  const noType = await sim.fetch(`${sim.url}/identity/v2.0/tokens`, { method: 'POST', body: '{"auth":{}}' });
  // fetch labels a string body text/plain: Synnefo refuses anything but application/json.
  assert.match(((await noType.json()) as { badRequest: { message: string } }).badRequest.message, /Unsupported Content-type/);
});

test('the catalog and serviceUrl follow the origin requests arrive on (in-process and served)', async () => {
  const sim = newSim();
  const served = await serve(sim);
  servers.push(served);
  const res = await fetch(`${served.url}/identity/v2.0/tokens`, { method: 'POST' });
  const catalog = ((await res.json()) as { access: { serviceCatalog: { type: string; endpoints: { publicURL: string }[] }[] } }).access.serviceCatalog;
  assert.equal(catalog.find((s) => s.type === 'compute')?.endpoints[0]?.publicURL, `${served.url}/compute/v2.0`);
  assert.equal(sim.host.serviceUrl('volume'), `${served.url}/volume/v2.0`);
  assert.equal(sim.host.serviceUrl('image', new Request('http://other.example:81/x')), 'http://other.example:81/image/v1.0');
  assert.throws(() => sim.host.serviceUrl('nope'), RangeError);
});

test('host.charge: quotas really limit; overLimit 413 with astakosclient-style details; releases always pass', () => {
  const sim = newSim({ quotas: { 'cyclades.vm': 2 } });
  const user = sim.users[0];
  assert.ok(user);
  sim.host.charge(user, { 'cyclades.vm': 1, 'cyclades.cpu': 2 });
  sim.host.charge(user, { 'cyclades.vm': 1 });
  assert.deepEqual(sim.host.quota?.(user.uuid, 'cyclades.vm'), { limit: 2, usage: 2 });
  assert.throws(
    () => sim.host.charge(user, { 'cyclades.vm': 1, 'cyclades.cpu': 1 }),
    (e: unknown) =>
      e instanceof SynnefoFault && e.status === 413 && e.fault === 'overLimit' && e.message === 'Resource Limit Exceeded for your account.' &&
      e.details === "Limit for resource 'Virtual Machine' exceeded for your account. Available: 0, Requested: 1",
  );
  // Nothing of a refused charge sticks.
  assert.deepEqual(sim.host.quota?.(user.uuid, 'cyclades.cpu'), { limit: 16, usage: 2 });
  sim.host.charge(user, { 'cyclades.vm': -2, 'cyclades.cpu': -5 });
  assert.deepEqual(sim.host.quota?.(user.uuid, 'cyclades.vm'), { limit: 2, usage: 0 });
  assert.throws(() => sim.host.charge(user, { 'cyclades.vm': 1 }, 'not-a-project'), (e: unknown) => e instanceof SynnefoFault && e.status === 400 && /not in project/.test(e.message));
  assert.equal(sim.host.pithosQuota?.(user.uuid), 50 * 1024 ** 3);
  assert.equal(sim.host.findUser('friend@example.org')?.uuid, sim.users[1]?.uuid);
  assert.equal(sim.host.findUser(sim.users[1]?.uuid as string)?.name, 'friend@example.org');
  assert.ok(sim.host.objects, 'the object store is mounted');
});

test('commissions over HTTP: 201 serial, pending, 413 overLimit with data, bare 404s, user tokens refused', async () => {
  const sim = newSim();
  const u = sim.users[0]?.uuid as string;
  const svc = sim.serviceToken;
  const provisions = (q: number) => [
    { holder: `user:${u}`, source: `project:${u}`, resource: 'cyclades.vm', quantity: q },
    { holder: `project:${u}`, source: null, resource: 'cyclades.vm', quantity: q },
  ];
  const issued = await call(sim, 'POST', '/account/v1.0/commissions', { token: svc, body: { provisions: provisions(1), name: 'x' } });
  assert.equal(issued.status, 201);
  assert.deepEqual((await call(sim, 'GET', '/account/v1.0/commissions', { token: svc })).json, [issued.json.serial]);
  assert.deepEqual((await call(sim, 'GET', '/account/v1.0/commissions', { token: sim.pithosServiceToken })).json, [], 'commissions are per component');
  const over = await call(sim, 'POST', '/account/v1.0/commissions', { token: svc, body: { provisions: provisions(9) } });
  assert.equal(over.status, 413);
  assert.deepEqual(over.json.overLimit.data, { provision: provisions(9)[0], name: 'NoCapacityError', limit: 5, usage: 1 });
  const missing = await call(sim, 'POST', '/account/v1.0/commissions', { token: svc, body: { provisions: [{ holder: 'user:x', source: 'project:x', resource: 'cyclades.vm', quantity: 1 }] } });
  assert.equal(missing.status, 404);
  assert.ok(missing.json.itemNotFound.data.provision);
  assert.equal((await call(sim, 'POST', '/account/v1.0/commissions', { token: svc, body: {} })).json.badRequest.message, 'Provisions are missing.');
  assert.equal((await call(sim, 'POST', '/account/v1.0/commissions', { token: svc, body: { provisions: [], force: 'yes' } })).status, 400);
  const unknown = await call(sim, 'GET', '/account/v1.0/commissions/999', { token: svc });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.text, '', 'a bare 404, as Astakos answers it');
  assert.equal((await call(sim, 'POST', '/account/v1.0/commissions/999/action', { token: svc, body: { accept: '' } })).text, '');
  assert.equal((await call(sim, 'POST', `/account/v1.0/commissions/${issued.json.serial}/action`, { token: svc, body: { accept: '', reject: '' } })).status, 400);
  assert.equal((await call(sim, 'GET', '/account/v1.0/commissions', { token: sim.credentials.token })).status, 401);
  const done = await call(sim, 'POST', `/account/v1.0/commissions/${issued.json.serial}/action`, { token: svc, body: { accept: '' } });
  assert.equal(done.status, 200);
  assert.equal(done.headers.get('content-length'), '0');
});

test('feedback must be form-encoded (astakosclient sends octet-stream, which Django cannot read: 400)', async () => {
  const sim = newSim();
  const token = sim.credentials.token;
  const asOctets = await call(sim, 'POST', '/account/v1.0/feedback', { token, raw: 'feedback_msg=hi&feedback_data=x', type: 'application/octet-stream' });
  assert.equal(asOctets.status, 400);
  const asForm = await call(sim, 'POST', '/account/v1.0/feedback', { token, raw: 'feedback_msg=hi+there&feedback_data=x', type: 'application/x-www-form-urlencoded' });
  assert.equal(asForm.status, 200);
  assert.equal(sim.state.feedback[0]?.message, 'hi there');
});

test('projects: the application and project state machines, visibility, pending applications quota', async () => {
  const sim = newSim({ quotas: { 'astakos.pending_app': 1 } });
  const [admin, friend] = sim.users as [SynnefoSim['users'][number], SynnefoSim['users'][number]];
  const spec = { name: 'p.example.org', end_date: '2031-01-01T00:00:00Z', join_policy: 'moderated', leave_policy: 'moderated', private: true };
  const created = await call(sim, 'POST', '/account/v1.0/projects', { token: friend.token, body: spec });
  assert.equal(created.status, 201);
  const id = created.json.id as string;
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects', { token: friend.token, body: { ...spec, name: 'q.example.org' } })).status, 409, 'one pending application allowed');
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects', { token: friend.token, body: { name: 'r' } })).json.badRequest.message, 'Missing end date');
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects', { token: friend.token, body: { end_date: '2031-01-01' } })).json.badRequest.message, 'Name missing.');
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects', { token: friend.token, body: { ...spec, name: 'z', join_policy: 'sometimes' } })).status, 400);
  // Only project administrators approve.
  const approve = { approve: { app_id: created.json.application, reason: 'fine' } };
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/${id}/action`, { token: friend.token, body: approve })).status, 403);
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/${id}/action`, { token: admin.token, body: { ...approve, deny: {} } })).json.badRequest.message, 'Multiple actions not supported');
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/${id}/action`, { token: admin.token, body: approve })).status, 200);
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/${id}/action`, { token: admin.token, body: approve })).status, 409);
  // Private: a non-member cannot see it... the admin can; the owner can.
  const third = sim.addUser('third@example.org');
  assert.equal((await call(sim, 'GET', `/account/v1.0/projects/${id}`, { token: third.token })).status, 403);
  assert.equal((await call(sim, 'GET', `/account/v1.0/projects/${id}`, { token: friend.token })).json.state, 'active');
  assert.equal((await call(sim, 'GET', '/account/v1.0/projects', { token: friend.token, query: '?mode=weird' })).status, 400);
  assert.equal((await call(sim, 'GET', '/account/v1.0/projects', { token: friend.token, query: '?state=odd' })).status, 400);
  // Moderated join: requested → accepted by the owner; moderated leave: leave_requested → removed.
  const enrolled = await call(sim, 'POST', '/account/v1.0/projects/memberships', { token: friend.token, body: { enroll: { project: id, user: 'admin@example.org' } } });
  assert.equal(enrolled.status, 404, 'no user of that e-mail');
  const m = await call(sim, 'POST', '/account/v1.0/projects/memberships', { token: admin.token, body: { join: { project: id } } });
  const mid = m.json.id as number;
  const view = async (token: string) => (await call(sim, 'GET', `/account/v1.0/projects/memberships/${mid}`, { token })).json;
  assert.equal((await view(admin.token)).state, 'requested');
  assert.deepEqual((await view(friend.token)).allowed_actions, ['accept', 'reject']);
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects/memberships', { token: admin.token, body: { join: { project: id } } })).status, 409);
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/memberships/${mid}/action`, { token: admin.token, body: { leave: '' } })).status, 409);
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/memberships/${mid}/action`, { token: friend.token, body: { accept: 'welcome' } })).status, 200);
  const accepted = await view(admin.token);
  assert.equal(accepted.state, 'accepted');
  assert.ok(accepted.requested && accepted.accepted, 'a date per state');
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/memberships/${mid}/action`, { token: admin.token, body: { leave: 'bye' } })).status, 200);
  assert.equal((await view(admin.token)).state, 'leave_requested');
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/memberships/${mid}/action`, { token: friend.token, body: { accept: '' } })).status, 200);
  assert.equal((await view(admin.token)).state, 'removed');
  assert.equal((await call(sim, 'GET', `/account/v1.0/projects/memberships/${mid}`, { token: third.token })).status, 403);
  // System projects cannot be joined; closed projects neither.
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects/memberships', { token: friend.token, body: { join: { project: admin.uuid } } })).status, 403);
  // Suspension takes the quota away; the project's holdings follow its state.
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/${id}/action`, { token: admin.token, body: { suspend: { reason: '' } } })).status, 200);
  assert.equal((await call(sim, 'POST', '/account/v1.0/projects/memberships', { token: third.token, body: { join: { project: id } } })).status, 403);
  assert.equal((await call(sim, 'POST', `/account/v1.0/projects/${admin.uuid}/action`, { token: admin.token, body: { terminate: {} } })).status, 409);
});

test('injected faults come in the Synnefo fault shape', async () => {
  const sim = newSim();
  sim.faults.inject({ kind: 'status', status: 503, match: { path: '/account/v1.0/quotas' } });
  const r = await call(sim, 'GET', '/account/v1.0/quotas', { token: sim.credentials.token });
  assert.equal(r.status, 503);
  assert.equal(r.json.serviceUnavailable.code, 503);
  assert.equal((await call(sim, 'GET', '/account/v1.0/quotas', { token: sim.credentials.token })).status, 200);
});
