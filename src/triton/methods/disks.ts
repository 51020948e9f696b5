import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { PCI_SLOT_OPTION, SHRINK_OPTION } from '../option-names.js';
import type { Disk } from '../types.js';

/** Disks of bhyve machines (9.4.1+). */
export const diskMethods = {
  /** ListMachineDisks. */
  listMachineDisks(this: TritonContext, machine: string): Promise<Disk[]> {
    return this.api.GET('/{login}/machines/{machine}/disks', { params: { path: this.p({ machine }) } });
  },
  /** GetMachineDisk. */
  getMachineDisk(this: TritonContext, machine: string, disk: string): Promise<Disk> {
    return this.api.GET('/{login}/machines/{machine}/disks/{disk}', { params: { path: this.p({ machine, disk }) } });
  },
  /** CreateMachineDisk: size in MiB, or `remaining`. */
  async createMachineDisk(this: TritonContext, machine: string, size: number | 'remaining', options: { pciSlot?: string } = {}): Promise<Disk> {
    checkOptions('DataCenter.createMachineDisk()', options, PCI_SLOT_OPTION);
    return this.api.POST('/{login}/machines/{machine}/disks', {
      params: { path: this.p({ machine }) },
      body: { size, ...(options.pciSlot ? { pci_slot: options.pciSlot } : {}) },
    });
  },
  /** ResizeMachineDisk (shrinking needs `dangerousAllowShrink`). */
  async resizeMachineDisk(this: TritonContext, machine: string, disk: string, size: number, options: { dangerousAllowShrink?: boolean } = {}): Promise<Disk> {
    checkOptions('DataCenter.resizeMachineDisk()', options, SHRINK_OPTION);
    return this.api.POST('/{login}/machines/{machine}/disks/{disk}', {
      params: { path: this.p({ machine, disk }) },
      body: { size, ...(options.dangerousAllowShrink ? { dangerous_allow_shrink: true } : {}) },
    });
  },
  /** DeleteMachineDisk. */
  async deleteMachineDisk(this: TritonContext, machine: string, disk: string): Promise<void> {
    await this.api.DELETE('/{login}/machines/{machine}/disks/{disk}', { params: { path: this.p({ machine, disk }) } });
  },
};
