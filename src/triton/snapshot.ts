import { checkOptions } from '../core/options.js';
import type { Machine } from './machine.js';
import { TRITON_WAIT_OPTIONS } from './option-names.js';
import type { TritonWaitOptions } from './methods/waiters.js';
import type { Snapshot as SnapshotData } from './types.js';

/** A machine snapshot (py-smartdc `Snapshot`). */
export class Snapshot {
  readonly machine: Machine;
  readonly name: string;
  data: SnapshotData;

  constructor(machine: Machine, data: SnapshotData) {
    this.machine = machine;
    this.name = data.name;
    this.data = data;
  }

  /** `queued`, `created`, `failed` or `deleted`. */
  get state(): SnapshotData['state'] {
    return this.data.state;
  }

  get created(): Date | undefined {
    return this.data.created ? new Date(this.data.created) : undefined;
  }

  /** Tolerates a missing `updated` (py-smartdc crashed on it). */
  get updated(): Date | undefined {
    return this.data.updated ? new Date(this.data.updated) : undefined;
  }

  /** GetMachineSnapshot again. */
  async refresh(): Promise<this> {
    this.data = await this.machine.dc.getMachineSnapshot(this.machine.id, this.name);
    return this;
  }

  /** py-smartdc `status()`: refresh and return the state. */
  async status(): Promise<SnapshotData['state']> {
    return (await this.refresh()).state;
  }

  /**
   * Waits until the snapshot is `created` (the default; it starts `queued`) or `deleted` (gone),
   * keeping this object's data; `{ interval, timeout, signal, onProgress }` as every waiter.
   */
  async waitFor(state: 'created' | 'deleted' = 'created', options: TritonWaitOptions<SnapshotData | undefined> = {}): Promise<this> {
    checkOptions('Snapshot.waitFor()', options, TRITON_WAIT_OPTIONS);
    const data = await this.machine.dc.waitForSnapshot(this.machine.id, this.name, state, options);
    if (data) this.data = data;
    return this;
  }

  /** DeleteMachineSnapshot. */
  delete(): Promise<void> {
    return this.machine.dc.deleteMachineSnapshot(this.machine.id, this.name);
  }

  /** StartMachineFromSnapshot (roll back and boot). */
  start(): Promise<void> {
    return this.machine.dc.startMachineFromSnapshot(this.machine.id, this.name);
  }

  toJSON(): SnapshotData {
    return this.data;
  }
}
