import type { Clock } from '../clock.js';
import type { RandomSource } from '../random.js';
import { familyOf, type ProviderFamily } from './catalog.js';
import { keyMaterial, listedMachines, newMachine, settle } from './machines.js';
import { backendNotFound, backendUnavailable, keypairNotFound, machineNotFound } from './replies.js';
import type { MistSimProvider, MistState, SimBackend, SimCloud, SimMachine } from './types.js';

/** What every route module of the simulator works with. */
export class MistSimContext {
  constructor(
    readonly state: MistState,
    readonly clock: Clock,
    readonly random: RandomSource,
    readonly transitionMs: number,
    readonly providers: Partial<Record<ProviderFamily, MistSimProvider>>,
  ) {}

  now(): number {
    return this.clock.now();
  }

  /** Unix seconds (what the server stores in associations and plans). */
  seconds(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  /** The stored backend, or `404 Backend not found: <id>`. */
  backend(id: string): SimBackend {
    const b = this.state.backends.get(id);
    if (!b) throw backendNotFound(id);
    return b;
  }

  /** The provider side of a backend (created with the backend, and kept when the backend is deleted). */
  cloud(backend: SimBackend): SimCloud {
    let cloud = this.state.clouds.get(backend.id);
    if (!cloud) {
      const family = familyOf(backend.provider) as ProviderFamily;
      cloud = { family, provider: backend.provider, region: backend.region ?? '', machines: new Map() };
      this.state.clouds.set(backend.id, cloud);
      const count = this.providers[family]?.machines ?? 0;
      for (let i = 0; i < count; i++) {
        const m = newMachine(this.state, cloud, this.random, { name: `${family}-${i + 1}`, imageId: null, size: null, location: null }, this.now() - this.transitionMs, 0);
        settle(m, this.now());
      }
    }
    return cloud;
  }

  /** What the simulated provider of a family accepts. */
  provider(family: ProviderFamily): MistSimProvider {
    return this.providers[family] ?? {};
  }

  /** The backend's cloud, or `503 Backend unavailable` when its provider does not answer. */
  reachableCloud(backend: SimBackend): SimCloud {
    const cloud = this.cloud(backend);
    if (this.provider(cloud.family).available === false) throw backendUnavailable(backend.id);
    return cloud;
  }

  /** The machines the backend's provider lists now. */
  machines(backend: SimBackend): SimMachine[] {
    return listedMachines(this.reachableCloud(backend), this.now());
  }

  /** One machine of a backend (settled), or `404 Machine not found`. */
  machine(backend: SimBackend, machineId: string): { cloud: SimCloud; machine: SimMachine } {
    const cloud = this.reachableCloud(backend);
    const machine = cloud.machines.get(machineId);
    if (!machine) throw machineNotFound(machineId);
    return { cloud, machine: settle(machine, this.now()) };
  }

  /** A stored key pair, or `404 Keypair not found: <id>`. */
  keypair(id: string) {
    const k = this.state.keypairs.get(id);
    if (!k) throw keypairNotFound(id);
    return k;
  }

  /**
   * The key the server's shell logs in with, or undefined when none works: the key given, else the
   * keys associated with the machine and the default key (the server's preference order), and a
   * key works when the machine is running and has its public key in authorized_keys.
   */
  sshKey(backendId: string, machine: SimMachine, keyId?: string): string | undefined {
    if (machine.state !== 'running') return undefined;
    const { keypairs } = this.state;
    let candidates: string[];
    if (keyId) candidates = keypairs.has(keyId) ? [keyId] : [];
    else {
      candidates = [...keypairs].filter(([, k]) => k.machines.some((a) => a[0] === backendId && a[1] === machine.id)).map(([id]) => id);
      const fallback = [...keypairs].find(([, k]) => k.default)?.[0];
      if (fallback !== undefined && !candidates.includes(fallback)) candidates.push(fallback);
    }
    return candidates.find((id) => machine.authorizedKeys.has(keyMaterial(keypairs.get(id)!.public)));
  }

  /** Whether the server could SSH into the machine (see {@link MistSimContext.sshKey}). */
  canSsh(backendId: string, machine: SimMachine, keyId?: string): boolean {
    return this.sshKey(backendId, machine, keyId) !== undefined;
  }

  /** Puts a key's public half into the machine's authorized_keys (what deploying a key does). */
  install(keyId: string, machine: SimMachine): void {
    machine.authorizedKeys.add(keyMaterial(this.keypair(keyId).public));
  }

  /** Creates or refreshes the association of a key with a machine (what a successful SSH login records). */
  associate(keyId: string, backendId: string, machineId: string, user: string | null, port: number, seen: number): void {
    const k = this.keypair(keyId);
    const existing = k.machines.find((a) => a[0] === backendId && a[1] === machineId);
    if (existing) {
      existing[2] = seen;
      existing[3] = user;
      existing[5] = port;
    } else {
      k.machines.push([backendId, machineId, seen, user, false, port]);
    }
  }

  /** Removes every association with a machine (destroying it does). */
  disassociateAll(backendId: string, machineId: string): void {
    for (const k of this.state.keypairs.values()) k.machines = k.machines.filter((a) => !(a[0] === backendId && a[1] === machineId));
  }
}
