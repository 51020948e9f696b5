// The four Cyclades specs: the endpoint inventory of protocols §3–§6, the per-operation success
// codes of §8.3, the 14+ server-action bodies, and a facade method for every operation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '@redocly/openapi-core';
import { CycladesBlockStorageClient, CycladesComputeClient, CycladesNetworkClient, ImageClient } from '../../../../src/synnefo/index.js';

interface Op { operationId: string; responses: Record<string, unknown>; requestBody?: unknown }
type Spec = { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, { oneOf?: { $ref: string }[] }> } };
const load = (name: string) => parseYaml(readFileSync(new URL(`../../../../openapi/${name}.yaml`, import.meta.url), 'utf8')) as Spec;
const opsOf = (spec: Spec) => Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, ...op })));
const success = (op: Op) => Object.keys(op.responses).filter((c) => /^2\d\d$/.test(c)).map(Number).sort();

const specs = {
  compute: { spec: load('synnefo-compute'), facade: CycladesComputeClient.prototype },
  network: { spec: load('synnefo-network'), facade: CycladesNetworkClient.prototype },
  image: { spec: load('synnefo-image'), facade: ImageClient.prototype },
  volume: { spec: load('synnefo-volume'), facade: CycladesBlockStorageClient.prototype },
};

test('spec: the endpoint inventory (compute ~48, network 24, image 11, block storage 15)', () => {
  assert.ok(opsOf(specs.compute.spec).length >= 48, `compute: ${opsOf(specs.compute.spec).length}`);
  assert.equal(opsOf(specs.network.spec).length, 24);
  assert.equal(opsOf(specs.image.spec).length, 11);
  assert.equal(opsOf(specs.volume.spec).length, 15);
  const actions = specs.compute.spec.components.schemas.ServerAction!.oneOf!;
  assert.ok(actions.length >= 14, `${actions.length} server-action bodies`);
});

test('spec: every operation has a facade method (a Detail/Item operation is its method with a flag or key)', () => {
  const actionMethods = ['rebootServer', 'startServer', 'shutdownServer', 'resizeServer', 'getServerConsole', 'setFirewallProfile', 'reassignServer', 'createServerImage'];
  for (const [name, { spec, facade }] of Object.entries(specs)) {
    for (const op of opsOf(spec)) {
      if (op.operationId === 'serverAction') {
        for (const m of actionMethods) assert.equal(typeof (facade as unknown as Record<string, unknown>)[m], 'function', m);
        continue;
      }
      const method = op.operationId.replace(/(Detail|Item)$/, '');
      assert.equal(typeof (facade as unknown as Record<string, unknown>)[method], 'function', `${name}: ${op.key} → ${method}`);
    }
  }
});

test('spec: per-call success codes as the server answers (protocols §8.3)', () => {
  const expected: Record<string, number[]> = {
    createServer: [202], updateServerName: [204], deleteServer: [204], updateServerMetadata: [201], createServerMetadata: [201],
    deleteServerMetadata: [204], serverAction: [200, 202], attachVolume: [202], deleteVolumeAttachment: [202], updateImageMetadata: [201],
    addTag: [201, 204], checkTagExists: [204], createKey: [201], allocFloatingIp: [200], getServerNics: [200],
    createNetwork: [201], updateNetwork: [200], deleteNetwork: [204], reassignNetwork: [200], createSubnet: [201], createPort: [201],
    createFloatingip: [200], reassignFloatingIp: [200], deleteFloatingip: [204],
    register: [200], unregister: [204], addMember: [204], removeMember: [204], setMembers: [204], getMeta: [200],
    createVolume: [202], deleteVolume: [202], reassignVolume: [200], createSnapshot: [202], deleteSnapshot: [202], updateVolume: [200],
  };
  const all = Object.values(specs).flatMap(({ spec }) => opsOf(spec));
  for (const [id, codes] of Object.entries(expected)) {
    const op = all.find((o) => o.operationId === id);
    assert.ok(op, id);
    assert.deepEqual(success(op), codes, id);
  }
  for (const op of all) assert.ok(op.responses['4XX'] && op.responses['5XX'], `${op.key} documents the fault body`);
  const notModified = all.filter((o) => o.responses['304']).map((o) => o.operationId).sort();
  assert.deepEqual(notModified, ['getServerNetworkNics', 'getServerNics', 'listNetworks', 'listNetworksDetail', 'listServers', 'listServersDetail', 'listSnapshots', 'listSnapshotsDetail', 'listVolumes', 'listVolumesDetail']);
});
