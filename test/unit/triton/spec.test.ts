import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseYaml } from '@redocly/openapi-core';
import { DataCenter } from '../../../src/triton/index.js';

// The 117 operations documented in sdc-cloudapi 9.20.0 docs/index.md (protocols §4).
const DOCUMENTED = `GetAccount UpdateAccount GetAccountLimits ListKeys GetKey CreateKey DeleteKey ListUsers GetUser CreateUser UpdateUser
ChangeUserPassword DeleteUser ListRoles GetRole CreateRole UpdateRole DeleteRole SetRoleTags ListPolicies GetPolicy CreatePolicy
UpdatePolicy DeletePolicy ListUserKeys GetUserKey CreateUserKey DeleteUserKey GetConfig UpdateConfig ListDatacenters GetDatacenter
ListServices ListImages GetImage DeleteImage ExportImage CreateImageFromMachine ImportImageFromDatacenter UpdateImage CloneImage
ListPackages GetPackage ListMachines GetMachine CreateMachine StopMachine StartMachine RebootMachine ConnectMachineVNC ResizeMachine
RenameMachine EnableMachineFirewall DisableMachineFirewall EnableMachineDeletionProtection DisableMachineDeletionProtection
CreateMachineSnapshot StartMachineFromSnapshot ListMachineSnapshots GetMachineSnapshot DeleteMachineSnapshot CreateMachineDisk
ResizeMachineDisk GetMachineDisk ListMachineDisks DeleteMachineDisk UpdateMachineMetadata ListMachineMetadata GetMachineMetadata
DeleteMachineMetadata DeleteAllMachineMetadata AddMachineTags ReplaceMachineTags ListMachineTags GetMachineTag DeleteMachineTag
DeleteMachineTags DeleteMachine MachineAudit Migrate ListMigrations GetMigration GetChangefeed ListFirewallRules GetFirewallRule
CreateFirewallRule UpdateFirewallRule EnableFirewallRule DisableFirewallRule DeleteFirewallRule ListMachineFirewallRules
ListFirewallRuleMachines ListFabricVLANs CreateFabricVLAN GetFabricVLAN UpdateFabricVLAN DeleteFabricVLAN ListFabricNetworks
CreateFabricNetwork GetFabricNetwork UpdateFabricNetwork DeleteFabricNetwork ListNetworks GetNetwork ListNetworkIPs GetNetworkIP
UpdateNetworkIP ListNics GetNic AddNic RemoveNic ListVolumes CreateVolume GetVolume DeleteVolume UpdateVolume ListVolumeSizes`.split(/\s+/);

// Registered by the server but not documented (protocols §4).
const EXTRA = `ListAccessKeys GetAccessKey CreateAccessKey DeleteAccessKey ListUserAccessKeys GetUserAccessKey CreateUserAccessKey
DeleteUserAccessKey ListForeignDatacenters AddForeignDatacenter MigrateMachineEstimate Ping`.split(/\s+/);

const pascal = (id: string) => id[0]!.toUpperCase() + id.slice(1);
const camel = (id: string) => id[0]!.toLowerCase() + id.slice(1);

interface Op {
  operationId: string;
  'x-triton-since'?: string;
  'x-triton-operation'?: string;
  'x-triton-operations'?: { operationId: string; since: string; action?: string }[];
}

const spec = parseYaml(readFileSync(new URL('../../../openapi/triton-cloudapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, Op>> };
const ops = Object.values(spec.paths).flatMap((item) => Object.values(item));

test('the spec covers all 117 documented CloudAPI operations plus the undocumented ones', () => {
  assert.equal(DOCUMENTED.length, 117);
  const covered = new Set<string>();
  for (const op of ops) {
    if (op['x-triton-operations']) for (const o of op['x-triton-operations']) covered.add(pascal(o.operationId));
    else if (op['x-triton-operation']) covered.add(op['x-triton-operation']);
    else covered.add(pascal(op.operationId));
  }
  assert.deepEqual(DOCUMENTED.filter((n) => !covered.has(n)), [], 'documented operations missing from the spec');
  assert.deepEqual(EXTRA.filter((n) => !covered.has(n)), [], 'undocumented operations missing from the spec');
  assert.deepEqual([...covered].filter((n) => !DOCUMENTED.includes(n) && !EXTRA.includes(n)), [], 'nothing invented');
  assert.ok(ops.length >= 140, `${ops.length} spec operations`);
});

test('every operation says which version it needs', () => {
  for (const op of ops) {
    assert.match(op['x-triton-since'] ?? '', /^\d+\.\d+\.\d+$/, op.operationId);
    for (const o of op['x-triton-operations'] ?? []) assert.match(o.since, /^\d+\.\d+\.\d+$/, o.operationId);
  }
});

test('DataCenter has a method for every documented and undocumented operation', () => {
  const proto = DataCenter.prototype as unknown as Record<string, unknown>;
  const missing = [...DOCUMENTED, ...EXTRA].map(camel).filter((name) => typeof proto[name] !== 'function');
  assert.deepEqual(missing, []);
  for (const op of ops) assert.equal(typeof proto[op.operationId] === 'function' || /RoleTags$/.test(op.operationId) || op.operationId === 'updateMachine', true, op.operationId);
});
