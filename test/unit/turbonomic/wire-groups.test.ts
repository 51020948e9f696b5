import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConfigError } from '../../../src/index.js';
import { HTTP400Error, HTTP404Error, HTTP500Error, VMTGroupValidationError, type Connection, type Group } from '../../../src/turbonomic/index.js';
import { bodies, mark, served, wire, type Served } from './helpers.js';

let s: Served;
let conn: Connection;
const uuid = (i: number) => String(74_000_000_000_000 + i);
const byName = (name: string) => s.sim.state.groups.find((g) => g.displayName === name) as unknown as Group;
before(async () => {
  s = await served({ entities: 2000 });
  conn = await s.connect().connect();
});
after(async () => {
  await s.close();
});

test('getGroups: every group, one by uuid, or from the cache', async () => {
  const all = await conn.getGroups({ fetchAll: true });
  assert.equal(all.length, 16);
  const web = byName('web servers');
  assert.deepEqual((await conn.getGroups({ uuid: web.uuid }))[0]?.displayName, 'web servers');
  const from = mark(s.sim);
  await conn.getGroups({ cache: true });
  await conn.getGroups({ cache: true });
  assert.deepEqual(wire(s.sim, from), ['GET /api/v3/groups?disable_hateoas=true']);
});

test('getClusters: search?types=Cluster, uuid filtered locally', async () => {
  const from = mark(s.sim);
  const clusters = await conn.getClusters({ fetchAll: true });
  assert.equal(clusters.length, 13);
  assert.ok(clusters.every((c) => c.className === 'Cluster'));
  const one = await conn.getClusters({ uuid: clusters[2]?.uuid, fetchAll: true });
  assert.deepEqual(one, [clusters[2]]);
  assert.deepEqual(wire(s.sim, from), ['GET /api/v3/search?types=Cluster&disable_hateoas=true', 'GET /api/v3/search?types=Cluster&disable_hateoas=true']);
  assert.deepEqual(await conn.getClusters({ cache: true, uuid: clusters[0]?.uuid }), [clusters[0]]);
});

test('getEntityCluster: by memberUuidList, or through the entities of each cluster', async () => {
  assert.equal((await conn.getEntityCluster(uuid(20 * 9)))?.displayName, 'cluster-02', 'a host listed as member');
  assert.equal((await conn.getEntityCluster(uuid(20 * 9 + 3)))?.displayName, 'cluster-02', 'a VM on that host (consumers)');
  assert.equal(await conn.getEntityCluster(uuid(1)), undefined, 'a datastore is in no host cluster');
});

test('getGroupActions, getGroupEntities, getGroupMembers', async () => {
  const hosts = byName('critical hosts');
  const expected = s.sim.state.actions.filter((a) => (hosts.memberUuidList ?? []).includes(String((a.target as { uuid: string }).uuid))).length;
  assert.equal((await conn.getGroupActions(hosts.uuid, { fetchAll: true })).length, expected);
  const web = byName('web servers');
  const [nested] = await conn.addStaticGroup('nested', 'VirtualMachine', [web.uuid, uuid(2)]);
  const members = await conn.getGroupMembers(nested?.uuid as string, { fetchAll: true });
  assert.deepEqual(members.map((m) => m.displayName), ['web servers', 'vm-000002']);
  const entities = await conn.getGroupEntities(nested?.uuid as string, { fetchAll: true });
  assert.deepEqual(new Set(entities.map((e) => e.uuid)), new Set([...(web.memberUuidList ?? []), uuid(2)]));
  const from = mark(s.sim);
  await conn.getGroupEntities(web.uuid, { cache: true });
  await conn.getGroupMembers(web.uuid, { cache: true });
  await conn.getGroupEntities(web.uuid, { cache: true });
  assert.equal(wire(s.sim, from).length, 2, 'each cached once (upstream re-fetches and duplicates)');
});

test('getGroupByName: search?q=…&types=Group, the first hit or undefined', async () => {
  const from = mark(s.sim);
  const hit = await conn.getGroupByName('web servers');
  assert.equal(hit?.[0]?.displayName, 'web servers');
  assert.equal(await conn.getGroupByName('no such group'), undefined);
  assert.deepEqual(wire(s.sim, from), ['GET /api/v3/search?q=web%20servers&types=Group&disable_hateoas=true', 'GET /api/v3/search?q=no%20such%20group&types=Group&disable_hateoas=true']);
});

test('getGroupStats: GET, or POST with the flat period body', async () => {
  const web = byName('web servers');
  const from = mark(s.sim);
  const now = await conn.getGroupStats(web.uuid);
  assert.equal(now[0]?.epoch, 'CURRENT');
  await conn.getGroupStats(web.uuid, { statsFilter: ['VCPU'], startDate: '-3d', endDate: '-1d' });
  await conn.getGroupStats(web.uuid, { statsFilter: [] });
  assert.deepEqual(wire(s.sim, from), [
    `GET /api/v3/groups/${web.uuid}/stats?disable_hateoas=true`,
    `POST /api/v3/groups/${web.uuid}/stats?disable_hateoas=true`,
    `POST /api/v3/groups/${web.uuid}/stats?disable_hateoas=true`,
  ]);
  assert.deepEqual(bodies(s.sim, from).slice(1), ['{"statistics":[{"name":"VCPU"}],"startDate":"-3d","endDate":"-1d"}', '{}']);
});

test('addGroup (object or JSON text) and addStaticGroup bodies', async () => {
  const from = mark(s.sim);
  const [a] = await conn.addGroup({ displayName: 'g1', groupType: 'VirtualMachine', isStatic: true, memberUuidList: [uuid(3)] });
  const [b] = await conn.addGroup(`{"displayName":"g2","groupType":"PhysicalMachine","isStatic":true,"memberUuidList":["${uuid(0)}"]}`);
  const [c] = await conn.addStaticGroup('g3', 'Storage', [uuid(1)]);
  assert.deepEqual([a?.membersCount, b?.membersCount, c?.membersCount], [1, 1, 1]);
  assert.equal(bodies(s.sim, from)[2], JSON.stringify({ displayName: 'g3', isStatic: true, groupType: 'Storage', memberUuidList: [uuid(1)] }));
  await assert.rejects(conn.addGroup({ displayName: '', groupType: 'VirtualMachine' }), HTTP400Error);
});

test('updateStaticGroupMembers: GET then PUT {displayName, groupType, memberUuidList}; dynamic groups refuse', async () => {
  const [g] = await conn.addStaticGroup('editable', 'VirtualMachine', [uuid(2)]);
  const from = mark(s.sim);
  const [updated] = await conn.updateStaticGroupMembers(g?.uuid as string, [uuid(3), uuid(4)], { name: 'renamed', type: 'ignored' });
  assert.deepEqual(updated?.memberUuidList, [uuid(3), uuid(4)]);
  assert.equal(updated?.displayName, 'renamed');
  assert.deepEqual(wire(s.sim, from), [`GET /api/v3/groups/${g?.uuid}?disable_hateoas=true`, `PUT /api/v3/groups/${g?.uuid}?disable_hateoas=true`]);
  assert.equal(bodies(s.sim, from)[1], JSON.stringify({ displayName: 'renamed', groupType: 'VirtualMachine', memberUuidList: [uuid(3), uuid(4)] }));
  await assert.rejects(conn.updateStaticGroupMembers(byName('linux VMs').uuid, []), HTTP400Error);
});

test('addStaticGroupMembers: current + new members; validate restores and throws', async () => {
  const [g] = await conn.addStaticGroup('grow', 'VirtualMachine', [uuid(2)]);
  const id = g?.uuid as string;
  const from = mark(s.sim);
  const [grown] = await conn.addStaticGroupMembers(id, [uuid(3)]);
  assert.deepEqual(grown?.memberUuidList, [uuid(2), uuid(3)]);
  assert.deepEqual(wire(s.sim, from).map((w) => w.split(' ')[0]), ['GET', 'GET', 'PUT']);
  // The server drops uuids it does not know; without validate that goes unnoticed.
  const [quiet] = await conn.addStaticGroupMembers(id, ['no-such-uuid']);
  assert.deepEqual(quiet?.memberUuidList, [uuid(2), uuid(3)]);
  const err = await conn.addStaticGroupMembers(id, [uuid(4), 'no-such-uuid'], { validate: true }).catch((e: unknown) => e);
  assert.ok(err instanceof VMTGroupValidationError);
  assert.deepEqual(err.invalid, ['no-such-uuid']);
  assert.deepEqual((await conn.getGroups({ uuid: id }))[0]?.memberUuidList, [uuid(2), uuid(3)], 'restored');
});

test('delGroup', async () => {
  const [g] = await conn.addStaticGroup('doomed', 'VirtualMachine', []);
  assert.equal(await conn.delGroup(g?.uuid as string), true);
  await assert.rejects(conn.getGroups({ uuid: g?.uuid as string }), HTTP404Error);
  await assert.rejects(conn.delGroup(byName('cluster-01').uuid), HTTP400Error);
});

test('search: query arguments in upstream order; uuid; dto; mixing forms is refused', async () => {
  const from = mark(s.sim);
  const hits = await conn.search({ q: 'vm-00001', types: ['VirtualMachine', 'PhysicalMachine'], regex: true, queryType: 'EXACT', fetchAll: true });
  assert.deepEqual(hits, [], 'EXACT: no entity is called vm-00001');
  await conn.search({ q: 'vm', scopes: [byName('web servers').uuid], state: 'ACTIVE', environmentType: 'ONPREM', groupType: 'x', detailType: 'compact', entityTypes: ['VirtualMachine'], probeTypes: ['vCenter'], queryType: 'bogus', limit: 5 }).first();
  assert.deepEqual(wire(s.sim, from), [
    'GET /api/v3/search?q=vm-00001&types=VirtualMachine,PhysicalMachine&regex=true&query_type=EXACT&disable_hateoas=true',
    `GET /api/v3/search?q=vm&scopes=${byName('web servers').uuid}&state=ACTIVE&environment_type=ONPREM&group_type=x&detail_type=compact&entity_types=VirtualMachine&probe_types=vCenter&limit=5&disable_hateoas=true`,
  ]);
  const contains = await conn.search({ q: 'vm-00001', types: 'VirtualMachine', fetchAll: true });
  assert.deepEqual(contains.map((h) => h.displayName), ['vm-000010', 'vm-000011', 'vm-000012', 'vm-000013', 'vm-000014']);
  const [one] = await conn.search({ uuid: uuid(7), fetchAll: true });
  assert.equal(one?.displayName, 'vm-000007');
  const [group] = await conn.search({ uuid: byName('web servers').uuid, fetchAll: true });
  assert.equal(group?.className, 'Group');
  const viaText = await conn.search({ dto: '{"className":"DataCenter"}', fetchAll: true });
  assert.deepEqual(viaText.map((h) => h.displayName), ['dc-000019']);
  assert.throws(() => conn.search({ dto: { className: 'VirtualMachine' }, q: 'x' }), ConfigError);
  assert.throws(() => conn.search({ uuid: '1', types: 'Group' }), ConfigError);
});

test('searchByName: one POST per class (all 15 by default), aliases, case, and the cache', async () => {
  let from = mark(s.sim);
  const hits = await conn.searchByName('vm-000005');
  assert.deepEqual(hits.map((h) => h.uuid), [uuid(5)]);
  const sent = bodies(s.sim, from).map((b) => JSON.parse(b) as { className: string; criteriaList: { filterType: string }[] });
  assert.equal(sent.length, 15);
  assert.deepEqual(sent[sent.length - 1], { className: 'VirtualMachine', criteriaList: [{ expType: 'EQ', expVal: 'vm-000005', caseSensitive: false, filterType: 'vmsByName' }] });
  assert.ok(sent.some((b) => b.className === 'Cluster' && b.criteriaList[0]?.filterType === 'clustersByName'));
  from = mark(s.sim);
  assert.equal((await conn.searchByName('VM-000005', { type: 'vm' })).length, 1);
  assert.equal((await conn.searchByName('VM-000005', { type: 'vm', caseSensitive: true })).length, 0);
  assert.deepEqual((await conn.searchByName('host-000000', { type: ['pm', 'ds'] })).map((h) => h.className), ['PhysicalMachine']);
  assert.equal(wire(s.sim, from).length, 4);
  await assert.rejects(conn.searchByName('x', { type: 'spaceship' }), ConfigError);
  assert.deepEqual((await conn.searchByName('cluster-03', { type: 'cluster' })).map((h) => h.className), ['Cluster']);
  const cached = await conn.searchByName('ds-000001', { fromCache: true });
  assert.deepEqual(cached.map((h) => h.uuid), [uuid(1)]);
});

test('searchByName skips classes the server refuses (4xx) but not server failures', async () => {
  s.sim.faults.inject({ kind: 'status', status: 400, match: { method: 'POST', path: '/api/v3/search' } });
  assert.equal((await conn.searchByName('vm-000005')).length, 1);
  s.sim.faults.inject({ kind: 'status', status: 500, match: { method: 'POST', path: '/api/v3/search' } });
  await assert.rejects(conn.searchByName('vm-000005', { type: 'vm' }), HTTP500Error);
});

test('getSearchCriteria', async () => {
  const criteria = await conn.getSearchCriteria();
  assert.ok(criteria.some((c) => c.filterType === 'vmsByName' && c.elements === 'VirtualMachine'));
});
