// Every AstakosClient and CachedAstakosClient method over real HTTP against the served Synnefo
// simulator. A recorder proves no public method was skipped.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { inspect } from 'node:util';
import { ConfigError } from '../../../../src/core/index.js';
import { serve, type ServedSim } from '../../../../src/node/index.js';
import { createClock, createSim } from '../../../../src/sim/index.js';
import type { SynnefoSim } from '../../../../src/sim/synnefo/index.js';
import {
  AstakosClient, AstakosClientError, CachedAstakosClient, Client, ClientError, NoEndpoints, NoUserName, NoUUID, QuotaLimit,
  type SynnefoClientOptions,
} from '../../../../src/synnefo/index.js';

const servers: ServedSim[] = [];
after(async () => {
  for (const s of servers) await s.close();
});

/** Names of an object's own prototype methods (the public API of a class). */
function methodNames(proto: object, exclude: readonly string[] = []): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => {
    if (name === 'constructor' || exclude.includes(name)) return false;
    return typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function';
  });
}

/** Records every method read through the proxy; the real code runs. */
function recording<T extends object>(target: T, seen: Set<string>): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value === 'function' && typeof prop === 'string') seen.add(prop);
      return value;
    },
  });
}

/** A stand-in for a Cyclades client class, to check `clientFor`. */
class ComputeLike extends Client {
  static override readonly serviceType: string = 'compute';
  static override readonly DEFAULT_API_VERSION: string | undefined = '2.0';
  constructor(options: SynnefoClientOptions) {
    super(options, { name: 'ComputeLike' });
  }
}

async function served(): Promise<{ sim: SynnefoSim; url: string; authUrl: string }> {
  const sim = createSim('synnefo', {
    seed: 11,
    clock: createClock(Date.UTC(2030, 0, 1)),
    users: [{ admin: true, name: 'admin@example.org' }, { name: 'friend@example.org' }, { name: 'third@example.org' }],
  });
  const s = await serve(sim);
  servers.push(s);
  return { sim, url: s.url, authUrl: `${s.url}/identity/v2.0` };
}

// Internal helpers of the classes, not API.
const ASTAKOS_INTERNAL = ['root', 'fillEndpoints', 'rootsFor', 'lazyRoots', 'account', 'catalog', 'commissionRequest'];
const CACHED_INTERNAL = ['resolveToken', 'ensureAuthenticated'];

test('AstakosClient: every method against the served simulator', async () => {
  const { sim, url, authUrl } = await served();
  const [u1, u2, u3] = sim.users as [SynnefoSim['users'][number], SynnefoSim['users'][number], SynnefoSim['users'][number]];
  const seen = new Set<string>();
  const astakos = recording(new AstakosClient({ url: authUrl, token: u1.token }), seen);
  const service = recording(new AstakosClient({ url: authUrl, token: sim.serviceToken }), seen);

  // tokens and the catalog
  const publicCatalog = await astakos.getEndpoints();
  assert.equal(publicCatalog.access.token, undefined);
  assert.ok(publicCatalog.access.serviceCatalog?.some((s) => s.type === 'compute' && s.endpoints[0]?.publicURL === `${url}/compute/v2.0`));
  assert.equal(astakos.accountUrl, `${url}/account/v1.0`);
  assert.equal(astakos.accountPrefix, '/account/v1.0');
  assert.equal(astakos.uiPrefix, '/ui');
  const access = await astakos.authenticate();
  assert.equal(access.access.user?.id, u1.uuid);
  assert.equal(access.access.token?.tenant?.id, u1.uuid, 'the default project is the base project, whose uuid is the user uuid');
  assert.deepEqual((await astakos.authenticate({ tenantName: u1.uuid })).access.user?.id, u1.uuid);
  const bad = await astakos.authenticate({ tenantName: u2.uuid }).catch((e: unknown) => e);
  assert.ok(bad instanceof AstakosClientError && bad instanceof ClientError);
  assert.equal(bad.status, 400);
  assert.match(bad.message, /Not conforming tenantName/);
  assert.equal((await astakos.getServiceEndpoints('compute', { version: 'v2.0' })).publicURL, `${url}/compute/v2.0`);
  assert.equal(await astakos.getEndpointUrl('object-store'), `${url}/object-store/v1`);
  assert.equal(await astakos.getEndpointUrl('image'), `${url}/image/v1.0`);
  await assert.rejects(astakos.getEndpointUrl('Compute'), NoEndpoints, 'type matching is exact in AstakosClient');
  await assert.rejects(astakos.getServiceEndpoints('compute', { version: 'v9' }), NoEndpoints);
  const compute = await astakos.clientFor(ComputeLike);
  assert.equal(compute.endpointUrl, `${url}/compute/v2.0`);
  assert.equal(compute.token, u1.token);
  assert.equal((await astakos.userInfo()).id, u1.uuid);
  assert.equal(await astakos.userTerm('name'), 'User 1');

  // user catalogs
  assert.deepEqual(await astakos.getUsernames([u2.uuid, 'no-such-uuid']), { [u2.uuid]: 'friend@example.org' });
  assert.equal(await astakos.getUsername(u3.uuid), 'third@example.org');
  await assert.rejects(astakos.getUsername('no-such-uuid'), NoUserName);
  assert.deepEqual(await astakos.getUuids(['friend@example.org']), { 'friend@example.org': u2.uuid });
  assert.equal(await astakos.getUuid('third@example.org'), u3.uuid);
  await assert.rejects(astakos.getUuid('nobody@example.org'), NoUUID);
  assert.equal(Object.keys(await service.serviceGetUsernames(null)).length, 3);
  assert.equal(await service.serviceGetUsername(u2.uuid), 'friend@example.org');
  assert.deepEqual(await service.serviceGetUuids(['admin@example.org']), { 'admin@example.org': u1.uuid });
  assert.equal(await service.serviceGetUuid('friend@example.org'), u2.uuid);
  const notService = await astakos.serviceGetUsernames([u2.uuid]).catch((e: unknown) => e);
  assert.ok(notService instanceof AstakosClientError);
  assert.equal(notService.status, 401);

  // services, resources, feedback
  assert.ok((await astakos.getServices()).some((s) => s.name === 'cyclades'));
  const resources = await recording(new AstakosClient({ url: authUrl }), seen).getResources();
  assert.equal(resources['cyclades.vm']?.description, 'Number of virtual machines');
  assert.equal(resources['cyclades.total_cpu'], undefined, 'API-hidden resources are not listed');
  await astakos.sendFeedback('the disk is slow', 'vm 42');
  assert.deepEqual(sim.state.feedback.map((f) => [f.user, f.message, f.data]), [[u1.uuid, 'the disk is slow', 'vm 42']]);
  await assert.rejects(astakos.sendFeedback(42 as never, ''), ConfigError);

  // quotas
  const quotas = await astakos.getQuotas();
  assert.deepEqual(quotas[u1.uuid]?.['cyclades.vm'], { limit: 5, usage: 0, pending: 0, project_limit: 5, project_usage: 0, project_pending: 0 });
  const sq = await service.serviceGetQuotas({ user: [u1.uuid, u2.uuid] });
  assert.deepEqual(Object.keys(sq).sort(), [u1.uuid, u2.uuid].sort());
  assert.ok(sq[u1.uuid]?.[u1.uuid]?.['cyclades.vm']);
  assert.equal(sq[u1.uuid]?.[u1.uuid]?.['pithos.diskspace'], undefined, "the Cyclades component sees only its own resources");
  await assert.rejects(service.serviceGetQuotas({ user: 'no-such-user' }), (e: unknown) => e instanceof AstakosClientError && e.status === 404);
  const pq = await service.serviceGetProjectQuotas({ projectId: u2.uuid });
  assert.deepEqual(pq[u2.uuid]?.['cyclades.vm'], { project_limit: 5, project_usage: 0, project_pending: 0 });

  // commissions
  const serial = await service.issueOneCommission(u1.uuid, [[[u1.uuid, 'cyclades.vm'], 2]], { name: 'two vms' });
  assert.deepEqual(await service.getPendingCommissions(), [serial]);
  const info = await service.getCommissionInfo(serial);
  assert.equal(info.name, 'two vms');
  assert.deepEqual(info.provisions, service.mkProvisions(u1.uuid, u1.uuid, 'cyclades.vm', 2));
  assert.deepEqual((await astakos.getQuotas())[u1.uuid]?.['cyclades.vm'], { limit: 5, usage: 2, pending: 2, project_limit: 5, project_usage: 2, project_pending: 2 });
  await service.acceptCommission(serial);
  assert.deepEqual((await astakos.getQuotas())[u1.uuid]?.['cyclades.vm']?.pending, 0);
  const rejected = await service.issueOneCommission(u1.uuid, { [u1.uuid]: { 'cyclades.vm': 1 } });
  await service.rejectCommission(rejected);
  assert.equal((await astakos.getQuotas())[u1.uuid]?.['cyclades.vm']?.usage, 2);
  const over = await service.issueOneCommission(u1.uuid, [{ source: u1.uuid, resource: 'cyclades.vm', quantity: 10 }]).catch((e: unknown) => e);
  assert.ok(over instanceof QuotaLimit && over instanceof AstakosClientError);
  assert.equal(over.status, 413);
  assert.equal(over.message, 'issueCommission: Resource Limit Exceeded for your account.');
  assert.ok(over.details.includes("Limit for resource 'Virtual Machine' exceeded for your account. Available: 3, Requested: 10"), over.details.join('|'));
  assert.equal(over.data?.name, 'NoCapacityError');
  const forced = await service.issueOneCommission(u1.uuid, [[[u1.uuid, 'cyclades.vm'], 10]], { force: true, autoAccept: true });
  assert.equal(typeof forced, 'number');
  assert.equal((await astakos.getQuotas())[u1.uuid]?.['cyclades.vm']?.usage, 12);
  const generic = await service.issueCommissionGeneric([[[u1.uuid, u1.uuid, 'cyclades.vm'], -10]], [[[u1.uuid, 'cyclades.vm'], -10]], { autoAccept: true });
  assert.equal(typeof generic, 'number');
  assert.equal((await astakos.getQuotas())[u1.uuid]?.['cyclades.vm']?.usage, 2);
  const a = await service.issueCommission({ provisions: service.mkProvisions(u2.uuid, u2.uuid, 'cyclades.floating_ip', 1), name: 'raw', force: false, auto_accept: false });
  const b = await service.issueOneCommission(u2.uuid, [[[u2.uuid, 'cyclades.floating_ip'], 1]]);
  const resolved = await service.resolveCommissions([a, 999], [b]);
  assert.deepEqual(resolved.accepted, [a]);
  assert.deepEqual(resolved.rejected, [b]);
  assert.deepEqual((resolved.failed as unknown[][])[0]?.[0], 999);
  await assert.rejects(service.commissionAction(12345, 'accept'), (e: unknown) => e instanceof AstakosClientError && e.status === 404 && e.fault === undefined);
  await assert.rejects(service.getCommissionInfo(12345), (e: unknown) => e instanceof AstakosClientError && e.status === 404);
  await assert.rejects(service.commissionAction(a, 'frobnicate' as never), ConfigError);
  await assert.rejects(astakos.getPendingCommissions(), (e: unknown) => e instanceof AstakosClientError && e.status === 401);
  await assert.rejects(service.issueOneCommission(u2.uuid, [[[u1.uuid, 'cyclades.vm'], 1]]), (e: unknown) => e instanceof AstakosClientError && e.status === 404);

  // projects and applications
  const created = await astakos.createProject({
    name: 'test.example.org', end_date: '2031-01-01T00:00:00Z', join_policy: 'auto', leave_policy: 'auto', description: 'a test',
    resources: { 'cyclades.vm': { project_capacity: 4, member_capacity: 2 } },
  });
  assert.equal(typeof created.id, 'string');
  assert.equal(typeof created.application, 'number');
  const pending = await astakos.getProject(created.id);
  assert.equal(pending.state, 'uninitialized');
  assert.equal(pending.last_application?.state, 'pending');
  await assert.rejects(astakos.createProject({ name: 'test.example.org', end_date: '2031-01-01T00:00:00Z' }), (e: unknown) => e instanceof AstakosClientError && e.status === 409);
  await astakos.applicationAction(created.id, created.application as number, 'approve', { reason: 'ok' });
  assert.equal((await astakos.getProject(created.id)).state, 'active');
  assert.deepEqual((await astakos.getProjects({ name: 'test.example.org' })).map((p) => p.id), [created.id]);
  assert.ok((await astakos.getProjects({ mode: 'active' })).some((p) => p.id === created.id));
  await assert.rejects(astakos.getProjects({ mode: 'weird' as never }), ConfigError);
  const mod = await astakos.modifyProject(created.id, { description: 'changed', resources: { 'cyclades.vm': { project_capacity: 6, member_capacity: 3 } } });
  assert.equal(mod.id, created.id);
  await astakos.applicationAction(created.id, mod.application as number, 'approve');
  const modified = await astakos.getProject(created.id);
  assert.equal(modified.description, 'changed');
  assert.deepEqual(modified.resources?.['cyclades.vm'], { project_capacity: 6, member_capacity: 3 });
  await astakos.projectAction(created.id, 'suspend', { reason: 'pause' });
  assert.equal((await astakos.getProject(created.id)).state, 'suspended');
  await astakos.projectAction(created.id, 'unsuspend');
  await assert.rejects(astakos.projectAction(created.id, 'reinstate'), (e: unknown) => e instanceof AstakosClientError && e.status === 409);
  await assert.rejects(astakos.projectAction(created.id, 'explode' as never), ConfigError);

  // memberships
  const friend = recording(new AstakosClient({ url: authUrl, token: u2.token }), seen);
  const joined = await friend.joinProject(created.id);
  assert.equal(typeof joined.id, 'number');
  const memb = await friend.getMembership(joined.id);
  assert.equal(memb.state, 'accepted', 'auto join policy');
  assert.deepEqual(memb.allowed_actions, ['leave']);
  assert.ok((await friend.getQuotas())[created.id]?.['cyclades.vm'], 'a member holds the project quota');
  assert.deepEqual((await astakos.getMemberships({ projectId: created.id })).map((m) => m.user), [u2.uuid]);
  await friend.membershipAction(joined.id, 'leave', { reason: 'done' });
  assert.equal((await friend.getMembership(joined.id)).state, 'removed');
  const enrolled = await astakos.enrollMember(created.id, 'admin@example.org');
  assert.equal((await astakos.getMembership(enrolled.id)).state, 'accepted');
  await assert.rejects(friend.membershipAction(enrolled.id, 'remove'), (e: unknown) => e instanceof AstakosClientError && e.status === 404);
  await assert.rejects(astakos.membershipAction(enrolled.id, 'bogus' as never), ConfigError);

  // default project and a reassignment between two projects of the user
  await astakos.setDefaultProject(created.id);
  assert.equal((await astakos.authenticate()).access.token?.tenant?.id, created.id);
  await assert.rejects(friend.setDefaultProject(created.id), (e: unknown) => e instanceof AstakosClientError && e.status === 403);
  const moved = await service.issueResourceReassignment(u1.uuid, [[[u1.uuid, created.id, 'cyclades.vm'], 1]], { autoAccept: true });
  assert.equal(typeof moved, 'number');
  const after = await astakos.getQuotas();
  assert.equal(after[u1.uuid]?.['cyclades.vm']?.usage, 1);
  assert.equal(after[created.id]?.['cyclades.vm']?.usage, 1);

  // application deny and dismiss, cancel
  const second = await friend.createProject({ name: 'second.example.org', end_date: '2031-01-01T00:00:00Z' });
  await astakos.applicationAction(second.id, second.application as number, 'deny', { reason: 'no' });
  await friend.applicationAction(second.id, second.application as number, 'dismiss');
  const third = await friend.createProject({ name: 'third.example.org', end_date: '2031-01-01T00:00:00Z' });
  await friend.applicationAction(third.id, third.application as number, 'cancel');
  await assert.rejects(friend.getProject(third.id), (e: unknown) => e instanceof AstakosClientError && e.status === 404);
  await assert.rejects(astakos.applicationAction(second.id, 1, 'frob' as never), ConfigError);
  await astakos.projectAction(created.id, 'terminate');
  await astakos.projectAction(created.id, 'reinstate');

  // OAuth2
  const client = sim.oauth2Clients[0];
  assert.ok(client);
  const code = sim.authorizationCode(u1.uuid, { scope: `${url}/ui` });
  const token = await astakos.getToken('authorization_code', client.id, client.secret, { code, redirectUri: client.redirectUri });
  assert.equal(token.token_type, 'Bearer');
  assert.equal(typeof token.access_token, 'string');
  const validated = await new AstakosClient({ url: authUrl }).validateToken(token.access_token as string, { belongsTo: `${url}/ui/x` });
  assert.equal(validated.access.user?.id, u1.uuid);
  await assert.rejects(astakos.validateToken(token.access_token as string, { belongsTo: 'http://elsewhere/' }), (e: unknown) => e instanceof AstakosClientError && e.status === 404);
  sim.clock.advance(21_000);
  await assert.rejects(astakos.validateToken(token.access_token as string), (e: unknown) => e instanceof AstakosClientError && e.status === 404);

  assert.deepEqual(astakos.toJSON(), { authUrl, accountUrl: `${url}/account/v1.0` });
  assert.ok(!inspect(astakos).includes(u1.token));
  assert.equal(astakos.oauth2Url, `${url}/astakos/oauth2`);
  assert.equal(astakos.oauth2Prefix, '/astakos/oauth2');
  assert.equal(astakos.uiUrl, `${url}/ui`);

  const missing = methodNames(AstakosClient.prototype, ASTAKOS_INTERNAL).filter((m) => !seen.has(m));
  assert.deepEqual(missing, [], `methods not exercised: ${missing.join(', ')}`);
});

test('CachedAstakosClient: every method, one authentication per token', async () => {
  const { sim, url } = await served();
  const [u1, u2] = sim.users as [SynnefoSim['users'][number], SynnefoSim['users'][number]];
  const seen = new Set<string>();
  // No version in the URL: the identity default (2.0) is appended (§1.1).
  const cached = recording(new CachedAstakosClient({ url: `${url}/identity`, token: [u1.token, u2.token] }), seen);
  assert.equal(cached.endpointUrl, `${url}/identity/v2.0`);
  assert.equal(cached.serviceType, 'identity');
  const tokensCalls = () => sim.requests.list().filter((r) => r.path === '/identity/v2.0/tokens').length;

  assert.equal((await cached.authenticate()).access.user?.id, u1.uuid);
  assert.equal((await cached.authenticate({ token: u2.token })).access.user?.id, u2.uuid);
  const before = tokensCalls();
  assert.ok((await cached.getClient()) instanceof AstakosClient);
  assert.equal(cached.getToken(u1.uuid), u1.token);
  assert.ok((await cached.getServices()).some((s) => s.type === 'compute'));
  assert.equal((await cached.getServiceDetails('COMPUTE')).name, 'cyclades_compute');
  await assert.rejects(cached.getServiceDetails('nope'), /Service type "nope" not in service catalog/);
  assert.equal((await cached.getServiceEndpoints('compute', { version: 'V2.0' })).publicURL, `${url}/compute/v2.0`);
  await assert.rejects(cached.getServiceEndpoints('compute', { version: 'v9' }), /0 endpoints match type compute and versionId v9/);
  assert.equal(await cached.getEndpointUrl('network'), `${url}/network/v2.0`);
  assert.equal((await cached.clientFor(ComputeLike)).endpointUrl, `${url}/compute/v2.0`);
  const users = await cached.listUsers();
  assert.deepEqual(users.map((u) => u.id), [u1.uuid, u2.uuid]);
  assert.deepEqual(users.map((u) => u.auth_token), [u1.token, u2.token]);
  assert.equal((await cached.userInfo({ token: u2.token })).default_project, u2.uuid);
  assert.equal(await cached.term('name'), 'User 1');
  assert.equal(await cached.userTerm('id', { token: u2.token }), u2.uuid);
  assert.equal(tokensCalls(), before, 'cached: no more POST /tokens');

  const catalogCalls = () => sim.requests.list().filter((r) => r.path === '/account/v1.0/user_catalogs').length;
  assert.deepEqual(await cached.postUserCatalogs({ uuids: [u2.uuid] }), { [u2.uuid]: 'friend@example.org' });
  assert.deepEqual(await cached.uuids2usernames([u2.uuid]), { [u2.uuid]: 'friend@example.org' });
  assert.deepEqual(await cached.postUserCatalogs({ displaynames: ['admin@example.org'] }), { 'admin@example.org': u1.uuid });
  assert.deepEqual(await cached.usernames2uuids(['admin@example.org']), { 'admin@example.org': u1.uuid });
  assert.equal(catalogCalls(), 2, 'names already known are not asked again');

  // A project for the default-project switch: the admin creates, approves and enrolls.
  const astakos = new AstakosClient({ url: `${url}/identity/v2.0`, token: u1.token });
  const p = await astakos.createProject({ name: 'cached.example.org', end_date: '2031-01-01T00:00:00Z' });
  await astakos.applicationAction(p.id, p.application as number, 'approve');
  await astakos.enrollMember(p.id, 'admin@example.org');
  await cached.userSetDefaultProject(p.id);
  // The cache keeps the latest authentication: re-authenticating shows the new default.
  await cached.authenticate();
  assert.equal((await cached.userInfo()).default_project, p.id);

  cached.removeUser(u2.uuid);
  assert.throws(() => cached.getToken(u2.uuid), AstakosClientError);
  assert.throws(() => cached.removeUser(u2.uuid), AstakosClientError);
  const bare = new CachedAstakosClient({ url: `${url}/identity` });
  await assert.rejects(bare.authenticate(), /no token provided/);
  await assert.rejects(new CachedAstakosClient({ url: `${url}/identity`, token: 'wrong-token-1234' }).userInfo(), (e: unknown) => e instanceof AstakosClientError && e.status === 401);

  const missing = methodNames(CachedAstakosClient.prototype, CACHED_INTERNAL).filter((m) => !seen.has(m));
  assert.deepEqual(missing, [], `methods not exercised: ${missing.join(', ')}`);
});

test('constructor checks and dry runs', async () => {
  assert.throws(() => new AstakosClient({ url: '' }), ConfigError);
  assert.throws(() => new AstakosClient({ url: 'not a url' }), ConfigError);
  assert.throws(() => new AstakosClient({ url: 'http://h/identity/v2.0', auth_url: 'x' } as never), /did you mean "url"/);
  assert.throws(() => new AstakosClient({ url: 'http://h/identity/v2.0', use_pool: true } as never), /unknown option "use_pool"/);
  const client = new AstakosClient({ url: 'http://h/identity/v2.0', token: 'abcd1234efgh' });
  await assert.rejects(client.getProjects({ nmae: 'x' } as never), /unknown option "nmae"; did you mean "name"\?/);
  await assert.rejects(client.issueOneCommission('u', [[['only-one'], 1]] as never), ConfigError);
  await assert.rejects(client.issueOneCommission('u', [[['p', 'r'], 1.5]]), /integers/);
  const dry = new AstakosClient({ url: 'http://h/identity/v2.0', token: 'abcd1234efgh', dryRun: true });
  const req = (await dry.getQuotas()) as unknown as { url: string; headers: Record<string, string>; dryRun: boolean };
  assert.equal(req.dryRun, true);
  assert.equal(req.url, 'http://h/account/v1.0/quotas');
  assert.equal(req.headers['x-auth-token'], '[REDACTED]');
  const auth = (await dry.authenticate()) as unknown as { body: string; url: string };
  assert.equal(auth.url, 'http://h/identity/v2.0/tokens');
  assert.ok(!auth.body.includes('abcd1234efgh'));
  const cachedDry = new CachedAstakosClient({ url: 'http://h/identity', token: 'abcd1234efgh', dryRun: true });
  const r = (await cachedDry.getEndpointUrl('compute')) as unknown as { dryRun: boolean; url: string };
  assert.equal(r.dryRun, true);
  assert.equal(r.url, 'http://h/identity/v2.0/tokens');
});
