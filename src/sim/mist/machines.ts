import type { RandomSource } from '../random.js';
import { KEEPS_TERMINATED, NO_TAGS, type ProviderFamily } from './catalog.js';
import { sha1Hex } from './ids.js';
import type { MistState, SimCloud, SimMachine, SimMachineState } from './types.js';

/**
 * Settles a machine's pending transition against the clock: an action moves a machine into
 * `pending` (or `rebooting`) and it reaches its target `transitionMs` later. Reads are lazy: the
 * state is brought up to date whenever someone looks.
 */
export function settle(machine: SimMachine, now: number): SimMachine {
  if (machine.next && now >= machine.next.at) {
    // Reaching `running` (from pending or rebooting) is a boot: probe uptimes count from here.
    if (machine.next.state === 'running') machine.bootedAt = machine.next.at;
    machine.state = machine.next.state;
    machine.next = undefined;
  }
  return machine;
}

/** Starts a transition: `via` now, `to` after `ms`. */
export function transition(machine: SimMachine, via: SimMachineState, to: SimMachineState, now: number, ms: number): void {
  machine.state = via;
  machine.next = { state: to, at: now + ms };
}

/** Hands out the next public and private address. */
export function nextAddresses(state: MistState): { public_ips: string[]; private_ips: string[] } {
  const n = state.nextIp++;
  const pub = n < 250 ? `203.0.113.${n + 2}` : `198.51.100.${(n % 250) + 2}`;
  return { public_ips: [pub], private_ips: [`10.${Math.floor(n / 250) % 250}.0.${(n % 250) + 2}`] };
}

/** A provider-style machine id. */
export function machineIdFor(family: ProviderFamily, random: RandomSource): string {
  switch (family) {
    case 'ec2':
      return `i-${random.hex(4)}`;
    case 'docker':
      return random.hex(32);
    case 'linode':
    case 'softlayer':
    case 'nephoscale':
      return String(1_000_000 + random.int(8_999_999));
    case 'digitalocean':
      return String(2_000_000 + random.int(7_999_999));
    default:
      return random.uuid();
  }
}

/** A new machine record (state `pending`, heading for `running`). */
export function newMachine(
  state: MistState,
  cloud: SimCloud,
  random: RandomSource,
  fields: { name: string; imageId: string | null; size: string | null; location: string | null; locationName?: string },
  now: number,
  transitionMs: number,
): SimMachine {
  const id = machineIdFor(cloud.family, random);
  const ips = nextAddresses(state);
  const extra: Record<string, unknown> =
    cloud.family === 'ec2'
      ? { dns_name: `ec2-${ips.public_ips[0]!.replace(/\./g, '-')}.compute-1.amazonaws.com`, instancetype: fields.size, availability: fields.locationName ?? null, image_id: fields.imageId }
      : cloud.family === 'docker'
        ? { created: Math.floor(now / 1000), image: fields.imageId }
        : { image: fields.imageId, flavor: fields.size };
  const machine: SimMachine = {
    id,
    uuid: sha1Hex(`${id}${cloud.family}`),
    name: fields.name,
    imageId: fields.imageId,
    size: fields.size,
    location: fields.location,
    state: 'pending',
    next: { state: 'running', at: now + transitionMs },
    bootedAt: now + transitionMs,
    ...ips,
    tags: [],
    extra,
    authorizedKeys: new Set(),
    monitored: false,
    monitoredSince: 0,
    metrics: new Set(),
    plugins: new Map(),
  };
  cloud.machines.set(id, machine);
  return machine;
}

/** What the server reports for one machine (its list_machines entry), with the action flags of its provider and state. */
export function machineView(cloud: SimCloud, machine: SimMachine): Record<string, unknown> {
  const family = cloud.family;
  const s = machine.state;
  let canStart = false;
  let canStop = true;
  let canDestroy = true;
  let canReboot = true;
  let canTag = !NO_TAGS.has(family);
  if (s === 'rebooting' || s === 'pending') {
    canStop = false;
    canReboot = false;
  } else if (s === 'stopped') {
    canStop = false;
    canStart = true;
    canReboot = false;
  } else if (s === 'terminated') {
    canDestroy = false;
    canStop = false;
    canReboot = false;
    canTag = false;
  }
  if (family === 'bare_metal') {
    canStart = false;
    canDestroy = false;
    canStop = false;
    canReboot = true;
    canTag = false;
  }
  if (family === 'gce') {
    canStart = false;
    canStop = false;
  }
  const tags = [...machine.tags];
  if (family === 'ec2' && typeof machine.extra.availability === 'string') tags.push(machine.extra.availability);
  return {
    id: machine.id,
    uuid: machine.uuid,
    name: machine.name,
    imageId: machine.imageId,
    size: machine.size,
    state: s,
    private_ips: [...machine.private_ips],
    public_ips: [...machine.public_ips],
    tags,
    extra: { ...machine.extra },
    can_stop: canStop,
    can_start: canStart,
    can_destroy: canDestroy,
    can_reboot: canReboot,
    can_tag: canTag,
  };
}

/**
 * The machines a provider lists now: every machine settled against the clock; providers other
 * than EC2 forget a machine once it is terminated.
 */
export function listedMachines(cloud: SimCloud, now: number): SimMachine[] {
  const out: SimMachine[] = [];
  for (const m of [...cloud.machines.values()]) {
    settle(m, now);
    if (m.state === 'terminated' && !KEEPS_TERMINATED.has(cloud.family)) {
      cloud.machines.delete(m.id);
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The `type base64` part of an OpenSSH public key line (what authorized_keys matching compares). */
export function keyMaterial(publicLine: string): string {
  return publicLine.trim().split(/\s+/).slice(0, 2).join(' ');
}
