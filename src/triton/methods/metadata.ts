import { sendChange } from '../changes.js';
import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { CREDENTIALS_OPTION } from '../option-names.js';
import type { MachineData, StringMap } from '../types.js';

/** Machine metadata (updates apply asynchronously on the server). */
export const metadataMethods = {
  /** ListMachineMetadata; `credentials: true` adds `credentials`. */
  async listMachineMetadata(this: TritonContext, machine: string, options: { credentials?: boolean } = {}): Promise<NonNullable<MachineData['metadata']>> {
    checkOptions('DataCenter.listMachineMetadata()', options, CREDENTIALS_OPTION);
    return this.api.GET('/{login}/machines/{machine}/metadata', {
      params: { path: this.p({ machine }), query: options.credentials ? { credentials: true } : {} },
    });
  },
  /** GetMachineMetadata: one value. */
  getMachineMetadata(this: TritonContext, machine: string, key: string): Promise<string> {
    return this.api.GET('/{login}/machines/{machine}/metadata/{metaKey}', { params: { path: this.p({ machine, metaKey: key }) } });
  },
  /** UpdateMachineMetadata: add or replace keys; returns all metadata. */
  updateMachineMetadata(this: TritonContext, machine: string, values: StringMap): Promise<StringMap> {
    return sendChange(this, machine, this.api.api.POST('/{login}/machines/{machine}/metadata', { params: { path: this.p({ machine }) }, body: values })) as Promise<StringMap>;
  },
  /** DeleteMachineMetadata. */
  async deleteMachineMetadata(this: TritonContext, machine: string, key: string): Promise<void> {
    await sendChange(this, machine, this.api.api.DELETE('/{login}/machines/{machine}/metadata/{metaKey}', { params: { path: this.p({ machine, metaKey: key }) } }));
  },
  /** DeleteAllMachineMetadata (`credentials` stays). */
  async deleteAllMachineMetadata(this: TritonContext, machine: string): Promise<void> {
    await sendChange(this, machine, this.api.api.DELETE('/{login}/machines/{machine}/metadata', { params: { path: this.p({ machine }) } }));
  },
};
