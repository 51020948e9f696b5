import { hash32, unit } from './hash.js';
import type { Json } from './types.js';

/** Entity classes by slot of a 20-entity block: one host, one datastore, VMs, and a few others. */
const SLOTS: readonly string[] = [
  'PhysicalMachine', 'Storage',
  'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine',
  'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine', 'VirtualMachine',
  'Application', 'Database', 'DiskArray', 'Switch', 'VirtualMachine',
];
/** Block slot 19 is a DataCenter once every 100 blocks, a VM otherwise. */
const DC_EVERY = 100;
export const BLOCK = SLOTS.length;

const PREFIX: Readonly<Record<string, string>> = {
  PhysicalMachine: 'host', Storage: 'ds', VirtualMachine: 'vm', Application: 'app', Database: 'db',
  DiskArray: 'array', Switch: 'switch', DataCenter: 'dc',
};

/** Every class the inventory can hold. */
export const ENTITY_CLASSES = Object.freeze(Object.keys(PREFIX));

/** A target that discovers entities (fixtures hold the full TargetApiDTO). */
export interface TargetRef {
  uuid: string;
  displayName: string;
  type: string;
  category: string;
}

/**
 * The service entities, generated on demand from (seed, index): entity #i is a pure function of
 * them, so a million entities cost no memory and every request sees the same inventory. Ids encode
 * the index (`74000000000000 + i` on XL, the last UUID group on Classic), so lookups are O(1).
 */
export class Inventory {
  readonly size: number;
  readonly #seed: number;
  readonly #xl: boolean;
  readonly #targets: Readonly<Record<string, TargetRef>>;
  readonly #counts = new Map<string, number>();

  constructor(options: { size: number; seed: number; xl: boolean; targets: Readonly<Record<string, TargetRef>> }) {
    this.size = options.size;
    this.#seed = options.seed;
    this.#xl = options.xl;
    this.#targets = options.targets;
  }

  /** Class of entity #i. */
  classOf(i: number): string {
    const slot = i % BLOCK;
    if (slot === BLOCK - 1) return Math.floor(i / BLOCK) % DC_EVERY === 0 ? 'DataCenter' : 'VirtualMachine';
    return SLOTS[slot] as string;
  }

  /** uuid of entity #i. */
  uuidOf(i: number): string {
    if (this.#xl) return String(74_000_000_000_000 + i);
    const h = hash32(this.#seed, i, 7).toString(16).padStart(8, '0');
    const g = hash32(this.#seed, i, 8).toString(16).padStart(8, '0');
    return `42${h.slice(2)}-${g.slice(0, 4)}-4${g.slice(5, 8)}-8${h.slice(0, 3)}-${i.toString(16).padStart(12, '0')}`;
  }

  /** Index of an entity uuid, or -1. */
  indexOf(uuid: string): number {
    let i: number;
    if (this.#xl) i = /^\d+$/.test(uuid) ? Number(uuid) - 74_000_000_000_000 : -1;
    else {
      const m = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-([0-9a-f]{12})$/.exec(uuid);
      i = m ? parseInt(m[1] as string, 16) : -1;
    }
    if (!(Number.isInteger(i) && i >= 0 && i < this.size)) return -1;
    return this.#xl || this.uuidOf(i) === uuid ? i : -1;
  }

  /** Display name of entity #i (`vm-000002`). */
  nameOf(i: number): string {
    return `${PREFIX[this.classOf(i)] ?? 'entity'}-${String(i).padStart(6, '0')}`;
  }

  /** State: mostly ACTIVE; some VMs IDLE or SUSPEND. */
  stateOf(i: number): string {
    if (this.classOf(i) !== 'VirtualMachine') return 'ACTIVE';
    const u = unit(this.#seed, i, 1);
    return u < 0.9 ? 'ACTIVE' : u < 0.97 ? 'IDLE' : 'SUSPEND';
  }

  /** The target that discovered entity #i. */
  targetOf(i: number): TargetRef {
    const cls = this.classOf(i);
    const kind = cls === 'Storage' || cls === 'DiskArray' ? 'storage' : cls === 'Application' || cls === 'Database' ? 'cloud' : 'hypervisor';
    return this.#targets[kind] as TargetRef;
  }

  /** A short reference `{ uuid, displayName, className }`. */
  ref(i: number): Json {
    return { uuid: this.uuidOf(i), displayName: this.nameOf(i), className: this.classOf(i) };
  }

  /** The ServiceEntityApiDTO of entity #i. */
  entity(i: number): Json {
    const cls = this.classOf(i);
    const block = i - (i % BLOCK);
    const target = this.targetOf(i);
    const e: Json = {
      uuid: this.uuidOf(i),
      displayName: this.nameOf(i),
      className: cls,
      environmentType: cls === 'Application' || cls === 'Database' ? 'CLOUD' : 'ONPREM',
      state: this.stateOf(i),
      severity: unit(this.#seed, i, 2) < 0.05 ? 'Critical' : 'Normal',
      remoteId: `${PREFIX[cls]}-${i}`,
      discoveredBy: { uuid: target.uuid, displayName: target.displayName, type: target.type, category: target.category },
    };
    if (cls === 'VirtualMachine' && block + 1 < this.size) e.providers = [this.ref(block), this.ref(block + 1)];
    if (cls === 'PhysicalMachine') e.consumers = this.consumersOf(i).map((c) => this.ref(c));
    return e;
  }

  /** Indexes of the VMs a host (the first entity of its block) runs. */
  consumersOf(i: number): number[] {
    if (this.classOf(i) !== 'PhysicalMachine') return [];
    const out: number[] = [];
    for (let j = i + 2; j < Math.min(i + BLOCK, this.size); j++) if (this.classOf(j) === 'VirtualMachine') out.push(j);
    return out;
  }

  /** Number of entities of a class (computed once per class). */
  count(cls: string): number {
    let n = this.#counts.get(cls);
    if (n === undefined) {
      n = 0;
      for (let i = 0; i < this.size; i++) if (this.classOf(i) === cls) n++;
      this.#counts.set(cls, n);
    }
    return n;
  }
}
