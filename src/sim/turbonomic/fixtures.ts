import type { RandomSource } from '../random.js';
import { createCollection, type Collection } from '../state.js';
import { BLOCK, type Inventory, type TargetRef } from './inventory.js';
import type { Stored } from './types.js';

/** Makes uuids in the platform's style: numeric on XL, opaque `_…` strings on Classic. */
export type UuidMaker = (kind: number) => string;

export function uuidMaker(xl: boolean, random: RandomSource): UuidMaker {
  const counters = new Map<number, number>();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return (kind) => {
    if (xl) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return String(kind * 1_000_000_000_000 + n);
    }
    let s = '_';
    for (const b of random.bytes(22)) s += alphabet[b & 63];
    return s;
  };
}

/** uuid families (the leading digits of XL uuids). */
export const KIND = { target: 73, group: 75, market: 76, scenario: 78, action: 79, template: 80, user: 81 } as const;

/** Targets by the role they play for the inventory. */
export function makeTargets(uuid: UuidMaker): Record<'hypervisor' | 'storage' | 'cloud', TargetRef & Record<string, unknown>> {
  const t = (displayName: string, type: string, category: string) => ({
    uuid: uuid(KIND.target), displayName, type, category, status: 'Validated', lastValidated: '2024-01-01T00:00:00Z',
    inputFields: [
      { name: 'address', displayName: 'Address', value: displayName, isSecret: false },
      { name: 'username', displayName: 'Username', value: 'svc-turbo', isSecret: false },
      { name: 'password', displayName: 'Password', value: '*****', isSecret: true },
    ],
  });
  return {
    hypervisor: t('vcenter-01.example.com', 'vCenter', 'Hypervisor'),
    storage: t('netapp-01.example.com', 'NetApp', 'Storage'),
    cloud: t('aws-prod', 'AWS', 'Public Cloud'),
  };
}

function store(col: Collection<Stored>, value: Record<string, unknown> & { uuid: string }): Stored {
  return col.insert({ ...value, id: value.uuid } as Stored);
}

/** Clusters (up to 16 of 8 hosts each) and three ordinary groups. */
export function seedGroups(groups: Collection<Stored>, inv: Inventory, uuid: UuidMaker): void {
  const hosts = (from: number, to: number) => {
    const out: string[] = [];
    for (let b = from; b < to && b * BLOCK < inv.size; b++) out.push(inv.uuidOf(b * BLOCK));
    return out;
  };
  for (let k = 0; k < 16 && k * 8 * BLOCK < inv.size; k++) {
    const members = hosts(k * 8, k * 8 + 8);
    store(groups, {
      uuid: uuid(KIND.group), displayName: `cluster-${String(k + 1).padStart(2, '0')}`, className: 'Cluster', groupType: 'PhysicalMachine',
      isStatic: false, memberUuidList: members, membersCount: members.length, environmentType: 'ONPREM', severity: 'Normal',
    });
  }
  const vms: string[] = [];
  for (let i = 0; i < inv.size && vms.length < 10; i++) if (inv.classOf(i) === 'VirtualMachine') vms.push(inv.uuidOf(i));
  store(groups, { uuid: uuid(KIND.group), displayName: 'web servers', className: 'Group', groupType: 'VirtualMachine', isStatic: true, memberUuidList: vms.slice(0, 5), membersCount: Math.min(5, vms.length), environmentType: 'ONPREM' });
  store(groups, {
    uuid: uuid(KIND.group), displayName: 'linux VMs', className: 'Group', groupType: 'VirtualMachine', isStatic: false, memberUuidList: vms, membersCount: vms.length,
    environmentType: 'ONPREM', logicalOperator: 'AND', criteriaList: [{ filterType: 'vmsByName', expType: 'RXEQ', expVal: 'vm-.*', caseSensitive: false }],
  });
  const all = hosts(0, 4);
  store(groups, { uuid: uuid(KIND.group), displayName: 'critical hosts', className: 'Group', groupType: 'PhysicalMachine', isStatic: true, memberUuidList: all, membersCount: all.length, environmentType: 'ONPREM' });
}

/** The real-time market, two plan markets with their scenarios, and one scenario without a plan. Returns the real-time uuid. */
export function seedMarkets(markets: Collection<Stored>, scenarios: Collection<Stored>, uuid: UuidMaker, xl: boolean): string {
  const realtime = xl ? '777777' : uuid(KIND.market);
  store(markets, { uuid: realtime, displayName: 'Market', className: 'Market', state: 'RUNNING', stateProgress: 100, environmentType: 'HYBRID' });
  if (!xl) store(markets, { uuid: uuid(KIND.market), displayName: 'Market_Default', className: 'Market', state: 'STOPPED', stateProgress: 0, environmentType: 'HYBRID' });
  const plans: [string, string, string][] = [['Add workload', 'ADD_WORKLOAD', 'SUCCEEDED'], ['Hardware refresh', 'RECONFIGURE_HARDWARE', 'RUNNING']];
  for (const [name, type, state] of plans) {
    const scenario = store(scenarios, { uuid: uuid(KIND.scenario), displayName: name, className: 'Scenario', type, createdTime: '2024-01-01T00:00:00Z', owners: [], scope: [{ uuid: 'Market', displayName: 'Market', className: 'Market' }], changes: [] });
    store(markets, {
      uuid: uuid(KIND.market), displayName: `Plan: ${name}`, className: 'Market', state, stateProgress: state === 'RUNNING' ? 40 : 100,
      environmentType: 'ONPREM', scenario: { uuid: scenario.uuid, displayName: name, className: 'Scenario' },
    });
  }
  store(scenarios, { uuid: uuid(KIND.scenario), displayName: 'Draft', className: 'Scenario', type: 'CUSTOM', createdTime: '2024-01-02T00:00:00Z', owners: [], scope: [], changes: [] });
  return realtime;
}

/** About one action per 50 entities (10 to 200), on VMs, hosts and datastores, all READY. */
export function seedActions(actions: Collection<Stored>, inv: Inventory, uuid: UuidMaker, realtime: string): void {
  if (inv.size === 0) return;
  const count = Math.min(200, Math.max(10, Math.ceil(inv.size / 50)));
  let id = 1000;
  for (let k = 0, i = 2; actions.size < count && k < count * 20; k++, i = (i + 37) % inv.size) {
    const cls = inv.classOf(i);
    const type = cls === 'VirtualMachine' ? (k % 2 ? 'RESIZE' : 'MOVE') : cls === 'PhysicalMachine' ? 'SUSPEND' : cls === 'Storage' ? 'PROVISION' : undefined;
    if (type === undefined) continue;
    const target = inv.entity(i);
    store(actions, {
      uuid: uuid(KIND.action), actionID: id++, actionType: type, actionState: 'READY', actionMode: 'MANUAL',
      details: `${type[0]}${type.slice(1).toLowerCase()} ${String(target.displayName)}`, importance: (k % 10) * 10, createTime: '2024-01-01T00:00:00Z',
      target: { uuid: target.uuid, displayName: target.displayName, className: cls, discoveredBy: target.discoveredBy },
      risk: { subCategory: 'Performance Assurance', description: 'VCPU congestion', severity: 'MAJOR', importance: k % 10 },
      _market: realtime,
    });
  }
}

/** Three templates with compute, infrastructure and storage resources. */
export function seedTemplates(templates: Collection<Stored>, uuid: UuidMaker): void {
  const stat = (name: string, value: number, units?: string) => ({ name, value, ...(units ? { units } : {}) });
  const vm = (name: string, cpus: number, memMb: number, diskMb: number, price: number) =>
    store(templates, {
      uuid: uuid(KIND.template), displayName: name, className: 'VirtualMachineProfile', description: `${cpus} vCPU, ${memMb / 1024} GB`, price, discovered: false,
      computeResources: [{ stats: [stat('numOfCpu', cpus), stat('cpuSpeed', 2400, 'MHz'), stat('memorySize', memMb, 'MB')] }],
      storageResources: [{ stats: [stat('diskSize', diskMb, 'MB')] }],
    });
  vm('Small VM', 2, 4096, 40960, 40);
  vm('Large VM', 8, 32768, 204800, 320);
  store(templates, {
    uuid: uuid(KIND.template), displayName: 'Standard host', className: 'PhysicalMachineProfile', description: '2 × 16 cores, 512 GB', price: 12000, discovered: false,
    computeResources: [{ stats: [stat('numOfCores', 32), stat('cpuSpeed', 2600, 'MHz'), stat('memorySize', 524288, 'MB')] }],
    infrastructureResources: [{ stats: [stat('powerSize', 750, 'W'), stat('spaceSize', 2, 'U'), stat('coolingSize', 800, 'BTU')] }],
  });
}

/** The administrator (who can log in) and an observer. */
export function seedUsers(users: Collection<Stored>, uuid: UuidMaker, username: string): void {
  store(users, { uuid: uuid(KIND.user), username, displayName: 'Administrator', roleName: 'ADMINISTRATOR', loginProvider: 'Local', type: 'DedicatedCustomer', showSharedUserSC: false });
  store(users, { uuid: uuid(KIND.user), username: 'observer', displayName: 'Observer', roleName: 'OBSERVER', loginProvider: 'Local', type: 'DedicatedCustomer', showSharedUserSC: false });
}
