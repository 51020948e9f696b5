// Every NetworkClient and CycladesNetworkClient method over real HTTP against the served Synnefo
// simulator, Cyclades' refusals included; batch creates with rollback.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ConfigError, TimeoutError } from '../../../../src/core/index.js';
import { BadRequest, BatchCreateError, ClientError, CycladesNetworkClient, NetworkClient, NetworkInUse, NotImplemented, OverLimit } from '../../../../src/synnefo/index.js';
import { cycladesWorld, fast, methodNames, recording, type World } from '../compute/world.js';

const worlds: World[] = [];
after(async () => {
  for (const w of worlds) await w.close();
});

const METHODS = [
  ...new Set([
    ...methodNames(NetworkClient.prototype, ['where', 'networkSpecKeys', 'networkSpecRequired', 'networkSpecComplete', 'createNetworkFromSpec', 'portBody', 'portSpecKeys']),
    ...methodNames(CycladesNetworkClient.prototype, ['networkSpecKeys', 'networkSpecRequired', 'networkSpecComplete', 'createNetworkFromSpec', 'portSpecKeys']),
  ]),
];

test('network: every NetworkClient / CycladesNetworkClient method against the simulator', async () => {
  const world = await cycladesWorld({ quotas: { 'cyclades.network.private': 3 } });
  worlds.push(world);
  const seen = new Set<string>();
  const n = recording(world.network, seen);
  const wait = fast(world);

  const publicNet = (await n.listNetworks()).find((x) => x.public)!;
  assert.equal(publicNet['SNF:floating_ip_pool'], true);
  assert.equal((await n.listNetworks(true)).length, 1);
  assert.equal((await n.getNetworkDetails(publicNet.id)).name, publicNet.name);

  // networks: type required (the Neutron form is refused by Cyclades), rename only
  await assert.rejects(NetworkClient.prototype.createNetwork.call(n, 'plain'), BadRequest, 'Cyclades needs a type');
  await assert.rejects(n.createNetwork('BOGUS'), ConfigError);
  await assert.rejects(n.createNetwork('PHYSICAL_VLAN'), (e: ClientError) => e.status === 403, 'a type the deployment does not enable');
  const net = await n.createNetwork('MAC_FILTERED', { name: 'backend' });
  assert.equal(net.type, 'MAC_FILTERED');
  assert.equal((await n.updateNetwork(net.id, { name: 'backend-1' })).name, 'backend-1');
  await assert.rejects(n.updateNetwork(net.id, { shared: true }), BadRequest, 'Cyclades requires a name and only renames');

  // subnets
  const subnet = await n.createSubnet(net.id, '10.0.1.0/24', { name: 'sub', enableDhcp: true });
  assert.equal(subnet.gateway_ip, '10.0.1.1');
  assert.equal((await n.getSubnetDetails(subnet.id)).cidr, '10.0.1.0/24', 'the subnet itself, not the {subnet} wrapper');
  assert.ok((await n.listSubnets()).some((s) => s.id === subnet.id));
  assert.equal((await n.updateSubnet(subnet.id, { name: 'sub-1' })).name, 'sub-1');
  await assert.rejects(n.updateSubnet(subnet.id, { name: 'x', enableDhcp: false }), BadRequest);
  await assert.rejects(n.deleteSubnet(subnet.id), BadRequest, 'Cyclades never deletes a subnet on its own');

  // a server to connect
  const [image] = await world.compute.listImages();
  const server = await world.compute.createServer('db', 1, image!.id, { networks: [] });

  // ports: BUILD → ACTIVE once the server is built
  const port = await n.createPort(net.id, { deviceId: server.id, name: 'eth1' });
  assert.equal(port.status, 'BUILD');
  assert.equal(port.fixed_ips![0]!.ip_address, '10.0.1.2');
  await assert.rejects(n.waitPortUntil(port.id, 'ACTIVE', { ...wait, timeout: 200 }), TimeoutError);
  assert.equal((await n.waitPortWhile(port.id, 'BUILD', wait)).status, 'ACTIVE');
  assert.equal((await n.waitPort(port.id, 'BUILD', wait)).status, 'ACTIVE');
  assert.equal((await n.waitPortUntil(port.id, 'ACTIVE', wait)).device_id, String(server.id));
  assert.deepEqual(await n.getPortStatus(port.id), ['ACTIVE', null]);
  assert.equal((await n.getPortDetails(port.id)).name, 'eth1');
  assert.equal((await n.listPorts()).length, 1);
  assert.equal((await n.listPorts(true)).length, 1);
  assert.equal((await n.updatePort(port.id, net.id, { name: 'eth-1' })).name, 'eth-1');
  await assert.rejects(n.createPort(net.id, { fixedIps: [{ ip_address: '10.0.1.9' }, { ip_address: '10.0.1.10' }] }), ConfigError, 'one IPv4 per port');
  await assert.rejects(NetworkClient.prototype.createPort.call(n, net.id, { fixedIps: [{ ip_address: '10.0.1.9' }, { ip_address: '10.0.1.10' }] }), BadRequest, 'and the server says so too');
  const loose = await NetworkClient.prototype.createPort.call(n, net.id, { name: 'loose', fixedIps: [{ ip_address: '10.0.1.20' }] });
  assert.equal(loose.status, 'DOWN', 'a port with no server is DOWN');
  await n.deletePort(loose.id);

  // a network with ports cannot go
  await assert.rejects(n.deleteNetwork(net.id), NetworkInUse);

  // floating IPs: create 200, update 501, attach through a port, reassign
  const fip = await n.createFloatingip();
  assert.equal(fip.floating_network_id, publicNet.id);
  const fip2 = await NetworkClient.prototype.createFloatingip.call(n, publicNet.id, {});
  assert.equal((await n.listFloatingips()).length, 2);
  assert.equal((await n.getFloatingipDetails(fip.id)).floating_ip_address, fip.floating_ip_address);
  await assert.rejects(n.updateFloatingip(fip.id, { portId: null }), NotImplemented);
  const fipPort = await n.createPort(publicNet.id, { deviceId: server.id, fixedIps: [{ ip_address: fip.floating_ip_address }] });
  await n.waitPortUntil(fipPort.id, 'ACTIVE', wait);
  assert.equal((await n.getFloatingipDetails(fip.id)).instance_id, String(server.id));
  await assert.rejects(n.deleteFloatingip(fip.id), (e: ClientError) => e.status === 409, 'an attached IP cannot be released');
  const project = world.sim.users[0]!.defaultProject;
  await n.reassignFloatingIp(fip.id, project);
  await n.reassignNetwork(net.id, project);
  await n.deletePort(fipPort.id);
  await n.deleteFloatingip(fip.id);
  await n.deleteFloatingip(fip2.id);

  // batches: one at a time, rolled back when a later one fails (quota: 3 private networks, 1 used)
  await assert.rejects(n.createNetworks([{ type: 'MAC_FILTERED', name: 'a' }, { name: 'no type' }]), ConfigError, 'validated before anything is sent');
  assert.equal((await n.listNetworks()).length, 2);
  const specs = [{ type: 'MAC_FILTERED', name: 'b1' }, { type: 'MAC_FILTERED', name: 'b2' }, { type: 'MAC_FILTERED', name: 'b3' }];
  const frozen = JSON.stringify(specs);
  const failed = await assert.rejects(n.createNetworks(specs), (e: unknown) => {
    assert.ok(e instanceof BatchCreateError);
    assert.equal(e.failedIndex, 2);
    assert.ok(e.cause instanceof OverLimit);
    assert.equal(e.rolledBack.length, 2);
    assert.deepEqual(e.leftBehind, []);
    return true;
  });
  void failed;
  assert.equal(JSON.stringify(specs), frozen, 'specs are not modified');
  assert.equal((await n.listNetworks()).length, 2, 'the two created before the failure were deleted again');
  const two = await n.createNetworks([{ type: 'MAC_FILTERED', name: 'c1' }, { type: 'MAC_FILTERED', name: 'c2', project_id: project }]);
  assert.deepEqual(two.map((x) => x.name), ['c1', 'c2']);
  const subnets = await n.createSubnets([{ network_id: two[0]!.id, cidr: '10.1.0.0/24' }, { networkId: two[1]!.id, cidr: '10.2.0.0/24', gatewayIp: null }]);
  assert.equal(subnets[1]!.gateway_ip, null);
  await assert.rejects(n.createSubnets([{ networkId: two[0]!.id, cidr: '10.3.0.0/24' }]), (e: unknown) => e instanceof BatchCreateError && e.failedIndex === 0, 'one IPv4 subnet per network');
  const ports = await n.createPorts([{ network_id: two[0]!.id }, { networkId: two[1]!.id, name: 'p2' }]);
  assert.equal(ports.length, 2);
  const rolled = await n.createPorts([{ networkId: two[0]!.id }, { networkId: 'nonexistent' }]).catch((e: unknown) => e);
  assert.ok(rolled instanceof BatchCreateError && rolled.rolledBack.length === 1);
  for (const p of ports) await n.deletePort(p.id);
  for (const x of two) await n.deleteNetwork(x.id);

  // clean up
  await n.deletePort(port.id);
  await n.deleteNetwork(net.id);
  assert.equal((await n.listNetworks()).length, 1);
  await world.compute.deleteServer(server.id);

  assert.deepEqual(METHODS.filter((m) => !seen.has(m)), [], 'every facade method was exercised');
});
