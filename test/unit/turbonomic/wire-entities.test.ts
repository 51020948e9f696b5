import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConfigError } from '../../../src/index.js';
import { HTTP400Error, HTTP404Error, type Connection } from '../../../src/turbonomic/index.js';
import { bodies, mark, served, wire, type Served } from './helpers.js';

let s: Served;
let conn: Connection;
const uuid = (i: number) => String(74_000_000_000_000 + i);
before(async () => {
  s = await served({ entities: 2000 });
  conn = await s.connect().connect();
});
after(async () => {
  await s.close();
});

test('getEntities by uuid, with detail (include_aspects)', async () => {
  const from = mark(s.sim);
  const [vm] = await conn.getEntities({ uuid: uuid(5) });
  assert.equal(vm?.displayName, 'vm-000005');
  assert.equal(vm?.aspects, undefined);
  const [detailed] = await conn.getEntities({ uuid: uuid(5), detail: true });
  assert.equal((detailed?.aspects as { virtualMachineAspect: { os: string } }).virtualMachineAspect.os, 'Linux');
  assert.deepEqual(wire(s.sim, from), [`GET /api/v3/entities/${uuid(5)}?disable_hateoas=true`, `GET /api/v3/entities/${uuid(5)}?include_aspects=true&disable_hateoas=true`]);
  await assert.rejects(conn.getEntities({ uuid: '1' }), HTTP404Error);
});

test("getEntities of a market: the real-time market's own uuid goes out as Market; type filters locally", async () => {
  const from = mark(s.sim);
  const storage = await conn.getEntities({ market: conn.marketId, type: 'Storage', fetchAll: true });
  assert.equal(storage.length, s.sim.state.inventory.count('Storage'));
  assert.ok(storage.every((e) => e.className === 'Storage'));
  const urls = wire(s.sim, from);
  assert.equal(urls.length, 4, '2000 entities, 500 per page (the server default)');
  assert.ok(urls.every((u) => /^GET \/api\/v3\/markets\/Market\/entities\?disable_hateoas=true(&cursor=[0-9a-f]+)?$/.test(u)), urls.join('\n'));
});

test('getEntities with cache: one fetch for 600 s, copies handed out', async () => {
  const from = mark(s.sim);
  const a = await conn.getEntities({ cache: true, limit: 1000 });
  const b = await conn.getEntities({ cache: true, type: 'VirtualMachine' });
  assert.equal(a.length, 2000);
  assert.equal(b.length, s.sim.state.inventory.count('VirtualMachine'));
  assert.equal(wire(s.sim, from).length, 2, 'two pages, once');
  (a[0] as { displayName: string }).displayName = 'changed';
  assert.equal((await conn.getEntities({ cache: true }))[0]?.displayName, 'host-000000');
});

test('getVirtualMachines, getPhysicalMachines, getDatacenters, getDatastores', async () => {
  const inv = s.sim.state.inventory;
  const counts = await Promise.all([
    conn.getVirtualMachines({ fetchAll: true }),
    conn.getPhysicalMachines({ fetchAll: true }),
    conn.getDatacenters({ fetchAll: true }),
    conn.getDatastores({ fetchAll: true }),
  ]);
  assert.deepEqual(counts.map((l) => l.length), [inv.count('VirtualMachine'), inv.count('PhysicalMachine'), inv.count('DataCenter'), inv.count('Storage')]);
  assert.deepEqual(counts[2]?.map((e) => e.className), ['DataCenter']);
  const [vm] = await conn.getVirtualMachines({ uuid: uuid(2) });
  assert.equal(vm?.className, 'VirtualMachine');
});

test('getEntityActions and getEntityGroups', async () => {
  const action = s.sim.state.actions.list()[0] as unknown as { target: { uuid: string } };
  const actions = await conn.getEntityActions(action.target.uuid, { fetchAll: true });
  assert.ok(actions.length >= 1 && actions.every((a) => a.target?.uuid === action.target.uuid));
  const groups = await conn.getEntityGroups(uuid(0), { fetchAll: true });
  assert.deepEqual(groups.map((g) => g.displayName).sort(), ['cluster-01', 'critical hosts']);
});

test('getEntityStats builds upstream body: scopes, period (only when set), relatedType', async () => {
  const from = mark(s.sim);
  const stats = await conn.getEntityStats([uuid(2), uuid(3)], { startDate: '-2d', endDate: '-1d', stats: ['VCPU', 'VMem'], fetchAll: true });
  assert.equal(stats.length, 2);
  assert.deepEqual(stats[0]?.stats?.[0]?.statistics.map((x) => x.name), ['VCPU', 'VMem']);
  await conn.getEntityStats(uuid(0), { fetchAll: true });
  const cluster = s.sim.state.groups.list()[0]?.uuid as string;
  const related = await conn.getEntityStats(cluster, { relatedType: 'PhysicalMachine', fetchAll: true });
  assert.equal(related.length, 8);
  const dto = { scopes: [uuid(4)], period: { statistics: [{ name: 'VCPU' }] } };
  await conn.getEntityStats('ignored', { dto, fetchAll: true });
  assert.deepEqual(bodies(s.sim, from), [
    JSON.stringify({ scopes: [uuid(2), uuid(3)], period: { startDate: '-2d', endDate: '-1d', statistics: [{ name: 'VCPU' }, { name: 'VMem' }] } }),
    JSON.stringify({ scopes: [uuid(0)] }),
    JSON.stringify({ scopes: [cluster], relatedType: 'PhysicalMachine' }),
    JSON.stringify(dto),
  ]);
  assert.ok(wire(s.sim, from).every((w) => w === 'POST /api/v3/stats?disable_hateoas=true'));
});

test('getEntityByRemoteid filters every page locally', async () => {
  const found = await conn.getEntityByRemoteid('vm-1999', { limit: 500 });
  assert.deepEqual(found.map((e) => e.uuid), [uuid(1999)]);
  assert.deepEqual(await conn.getEntityByRemoteid('vm-1999', { targetName: 'vcenter-01.example.com' }), found);
  assert.deepEqual(await conn.getEntityByRemoteid('vm-1999', { targetName: 'other' }), []);
  const target = found[0]?.discoveredBy?.uuid as string;
  assert.deepEqual(await conn.getEntityByRemoteid('vm-1999', { targetUuid: target }), found);
});

test('getSupplychains: query in upstream order, health=false always sent', async () => {
  const from = mark(s.sim);
  const [chain] = await conn.getSupplychains('Market');
  assert.equal(chain?.seMap.VirtualMachine?.entitiesCount, s.sim.state.inventory.count('VirtualMachine'));
  const [detailed] = await conn.getSupplychains(['Market'], {
    types: ['VirtualMachine', 'PhysicalMachine'], states: 'ACTIVE', detail: 'entity', environment: 'ONPREM', aspects: ['virtualMachineAspect'], health: true,
  });
  assert.deepEqual(Object.keys(detailed?.seMap ?? {}).sort(), ['PhysicalMachine', 'VirtualMachine']);
  assert.ok(Object.keys(detailed?.seMap.PhysicalMachine?.instances ?? {}).length > 0);
  const [one] = await conn.getSupplychains([uuid(0)]);
  assert.deepEqual(Object.keys(one?.seMap ?? {}).sort(), ['PhysicalMachine', 'VirtualMachine']);
  assert.deepEqual(wire(s.sim, from), [
    'GET /api/v3/supplychains?uuids=Market&health=false&disable_hateoas=true',
    'GET /api/v3/supplychains?uuids=Market&types=VirtualMachine,PhysicalMachine&entity_states=ACTIVE&detail_type=entity&environment_type=ONPREM&aspect_names=virtualMachineAspect&health=true&disable_hateoas=true',
    `GET /api/v3/supplychains?uuids=${uuid(0)}&health=false&disable_hateoas=true`,
  ]);
});

test('getTargets, getTargetActions, getTargetForEntity (by uuid and by name)', async () => {
  const targets = await conn.getTargets({ fetchAll: true });
  assert.deepEqual(targets.map((t) => t.type), ['vCenter', 'NetApp', 'AWS']);
  const vcenter = targets[0]?.uuid as string;
  assert.deepEqual(await conn.getTargets({ uuid: vcenter }), [targets[0]]);
  const actions = await conn.getTargetActions(vcenter, { fetchAll: true });
  assert.ok(actions.length > 0);
  assert.deepEqual(await conn.getTargetForEntity({ uuid: uuid(5) }), [targets[0]]);
  const from = mark(s.sim);
  assert.deepEqual(await conn.getTargetForEntity({ name: 'ds-000001', type: 'Storage' }), [targets[1]]);
  assert.deepEqual(wire(s.sim, from), ['POST /api/v3/search?disable_hateoas=true', `GET /api/v3/targets/${targets[1]?.uuid}?disable_hateoas=true`]);
  assert.deepEqual(await conn.getTargetForEntity({ name: 'no-such-vm' }), []);
  await assert.rejects(conn.getTargetForEntity({}), ConfigError);
});

test('getTemplates, getTemplateByName, addTemplate (object or JSON text)', async () => {
  const all = await conn.getTemplates({ fetchAll: true });
  assert.deepEqual(all.map((t) => t.displayName), ['Small VM', 'Large VM', 'Standard host']);
  assert.deepEqual(await conn.getTemplates({ uuid: all[1]?.uuid as string }), [all[1]]);
  assert.deepEqual(await conn.getTemplateByName('Large VM'), [all[1]]);
  assert.equal(await conn.getTemplateByName('nope'), undefined);
  const from = mark(s.sim);
  const [made] = await conn.addTemplate({ displayName: 'Tiny VM', className: 'VirtualMachineProfile', computeResources: [{ stats: [{ name: 'numOfCpu', value: 1 }] }] });
  assert.equal(made?.displayName, 'Tiny VM');
  const [text] = await conn.addTemplate('{"displayName":"Text VM","className":"VirtualMachineProfile"}');
  assert.equal(text?.displayName, 'Text VM');
  assert.equal(bodies(s.sim, from)[1], '{"displayName":"Text VM","className":"VirtualMachineProfile"}');
  assert.equal(s.sim.requests.last()?.headers['content-type'], 'application/json');
  await assert.rejects(conn.addTemplate({ displayName: 'Tiny VM', className: 'VirtualMachineProfile' }), HTTP400Error);
});
