import { sendChange } from '../changes.js';
import type { TritonContext } from '../context.js';
import type { Tags } from '../types.js';

/** Machine tags (changes apply asynchronously on the server). */
export const tagMethods = {
  /** ListMachineTags. */
  listMachineTags(this: TritonContext, machine: string): Promise<Tags> {
    return this.api.GET('/{login}/machines/{machine}/tags', { params: { path: this.p({ machine }) } });
  },
  /** GetMachineTag, as text (`Accept: text/plain`; JSON would quote it). */
  getMachineTag(this: TritonContext, machine: string, tag: string): Promise<string> {
    return this.api.GET('/{login}/machines/{machine}/tags/{tag}', {
      params: { path: this.p({ machine, tag }) },
      headers: { accept: 'text/plain' },
      parseAs: 'text',
    }) as Promise<string>;
  },
  /** AddMachineTags: returns all tags. */
  addMachineTags(this: TritonContext, machine: string, tags: Tags): Promise<Tags> {
    return sendChange(this, machine, this.api.api.POST('/{login}/machines/{machine}/tags', { params: { path: this.p({ machine }) }, body: tags })) as Promise<Tags>;
  },
  /** ReplaceMachineTags: returns all tags. */
  replaceMachineTags(this: TritonContext, machine: string, tags: Tags): Promise<Tags> {
    return sendChange(this, machine, this.api.api.PUT('/{login}/machines/{machine}/tags', { params: { path: this.p({ machine }) }, body: tags })) as Promise<Tags>;
  },
  /** DeleteMachineTag. */
  async deleteMachineTag(this: TritonContext, machine: string, tag: string): Promise<void> {
    await sendChange(this, machine, this.api.api.DELETE('/{login}/machines/{machine}/tags/{tag}', { params: { path: this.p({ machine, tag }) } }));
  },
  /** DeleteMachineTags (all of them). */
  async deleteMachineTags(this: TritonContext, machine: string): Promise<void> {
    await sendChange(this, machine, this.api.api.DELETE('/{login}/machines/{machine}/tags', { params: { path: this.p({ machine }) } }));
  },
};
