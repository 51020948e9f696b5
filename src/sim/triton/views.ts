import { ltr, satisfies } from './semver.js';
import { iso } from './state.js';
import type { SimAccount, SimImage, SimMachine, SimNetwork, SimPackage, SimRole, SimUser, SimVolume, TritonState } from './types.js';

/** A machine as CloudAPI's translate() renders it (lib/machines.js). */
export function machineView(state: TritonState, m: SimMachine, options: { credentials?: boolean; version?: string } = {}): Record<string, unknown> {
  const pkg = state.packages.get(m.package);
  const vm = m.brand === 'kvm' || m.brand === 'bhyve';
  const metadata: Record<string, unknown> = { ...m.metadata };
  if (options.credentials && Object.keys(m.credentials).length > 0) metadata.credentials = { ...m.credentials };
  // A machine being provisioned has no addresses yet (clients poll GetMachine for them).
  const nics = m.state === 'provisioning' ? [] : m.nics;
  const primary = nics.find((n) => n.primary) ?? nics[0];
  const view: Record<string, unknown> = {
    id: m.id,
    name: m.name,
    type: vm ? 'virtualmachine' : 'smartmachine',
    brand: m.brand,
    state: m.state,
    image: m.image,
    ips: nics.map((n) => n.ip),
    memory: m.memory,
    disk: m.disk,
    deletion_protection: m.deletion_protection,
    metadata,
    tags: { ...m.tags },
    created: m.created,
    updated: m.updated,
    networks: nics.map((n) => n.network),
    nics: nics.map((n) => ({ ...n })),
    primaryIp: primary?.ip ?? '',
    firewall_enabled: m.firewall_enabled,
    compute_node: '44454c4c-5000-1052-8036-b7c04f4d5931',
    package: pkg?.name ?? '',
  };
  if (m.brand === 'bhyve') {
    view.disks = m.disks.map((d) => ({ id: d.id, pci_slot: d.pci_slot, size: d.size, boot: d.boot }));
    view.flexible = pkg?.flexible_disk === true;
  }
  if (options.version && !satisfies(options.version, '>=8.0.0')) view.type = vm ? 'virtualmachine' : 'smartmachine';
  return view;
}

/**
 * Whether a requested version range gets the pre-8.0 image types (lib/datasets.js translate:
 * raw IMGAPI types only when the range admits 8.0.0 or lies above it).
 */
export function legacyImageTypes(range: string): boolean {
  return !(satisfies('8.0.0', range) || ltr('8.0.0', range));
}

/** An image as GetImage shows it; `creating` turns `active` once its job is done. */
export function imageView(img: SimImage, now: number, range = '*'): Record<string, unknown> {
  const state = img.state === 'creating' && now >= img.readyAt ? 'active' : img.state;
  img.state = state;
  const { readyAt: _r, ...rest } = img;
  const type = legacyImageTypes(range) ? (img.type === 'zvol' ? 'virtualmachine' : 'smartmachine') : img.type;
  return { ...rest, type, state };
}

export function packageView(p: SimPackage): Record<string, unknown> {
  return { ...p };
}

export function networkView(n: SimNetwork): Record<string, unknown> {
  const { reserved: _r, owner: _o, ...rest } = n;
  return rest;
}

export function accountView(a: SimAccount): Record<string, unknown> {
  return { id: a.id, login: a.login, email: a.email, ...a.profile, triton_cns_enabled: a.triton_cns_enabled, created: a.created, updated: a.updated };
}

export function userView(account: SimAccount, u: SimUser, membership = false): Record<string, unknown> {
  const view: Record<string, unknown> = { id: u.id, login: u.login, email: u.email, ...u.profile, created: u.created, updated: u.updated };
  if (membership) {
    const roles = [...account.roles.values()];
    view.roles = roles.filter((r) => r.members.includes(u.login)).map((r) => r.name);
    view.default_roles = roles.filter((r) => r.default_members.includes(u.login)).map((r) => r.name);
  }
  return view;
}

/** Roles: objects for members/policies with API 9, plain names before (protocols §1.6). */
export function roleView(account: SimAccount, r: SimRole, version: string): Record<string, unknown> {
  if (!satisfies(version, '>=9.0.0')) return { id: r.id, name: r.name, policies: [...r.policies], members: [...r.members], default_members: [...r.default_members] };
  return {
    id: r.id,
    name: r.name,
    policies: r.policies.map((name) => {
      const p = [...account.policies.values()].find((x) => x.name === name);
      return p ? { id: p.id, name: p.name } : { name };
    }),
    members: r.members.map((login) => {
      const u = [...account.users.values()].find((x) => x.login === login);
      return { type: 'subuser', id: u?.id, login, default: r.default_members.includes(login) };
    }),
  };
}

export function volumeView(v: SimVolume, now: number): Record<string, unknown> {
  const state = v.state === 'creating' && now >= v.readyAt ? 'ready' : v.state;
  v.state = state;
  const { readyAt: _r, ...rest } = v;
  return { ...rest, state, filesystem_path: `192.168.128.5:/exports/data/${v.id}` };
}

export { iso };
