import { Paged, type PageLoader } from '../../core/paged.js';
import { checkOptions } from '../../core/options.js';
import { VOLUME_FILTERS, VOLUME_TYPE_OPTION } from '../option-names.js';
import type { TritonContext } from '../context.js';
import type { operations } from '../generated/triton-cloudapi.js';
import type { Volume, VolumeCreate, VolumeSize } from '../types.js';

/** ListVolumes filters. */
export type VolumeFilters = NonNullable<operations['listVolumes']['parameters']['query']>;

function volumePages(dc: TritonContext, filters: VolumeFilters): PageLoader<Volume> {
  return async (token) => {
    // The server pages volumes by x-resource-count/x-query-limit but documents no offset input;
    // opskit sends offset/limit like ListMachines and stops on a short page.
    const offset = token === undefined ? 0 : Number(token);
    const query = { ...filters, ...(offset ? { offset } : {}) } as VolumeFilters;
    const result = await dc.api.api.GET('/{login}/volumes', { params: { path: dc.p(), query } });
    if (!result.response.ok) await dc.api.unwrap(Promise.resolve(result));
    const items = result.data ?? [];
    const count = Number(result.response.headers.get('x-resource-count') ?? items.length);
    const limit = Number(result.response.headers.get('x-query-limit') ?? Infinity);
    return { items, next: items.length > 0 && count >= limit ? offset + limit : undefined };
  };
}

/** NFS volumes (experimental; mounted only where enabled). */
export const volumeMethods = {
  /** ListVolumes, every page. */
  listVolumes(this: TritonContext, filters: VolumeFilters = {}): Paged<Volume> {
    checkOptions('DataCenter.listVolumes()', filters, VOLUME_FILTERS);
    return new Paged(volumePages(this, filters));
  },
  /** CreateVolume (`type: 'tritonnfs'`). */
  createVolume(this: TritonContext, body: VolumeCreate): Promise<Volume> {
    return this.api.POST('/{login}/volumes', { params: { path: this.p() }, body });
  },
  /** GetVolume. */
  getVolume(this: TritonContext, volume: string): Promise<Volume> {
    return this.api.GET('/{login}/volumes/{volume}', { params: { path: this.p({ volume }) } });
  },
  /** UpdateVolume: rename. */
  updateVolume(this: TritonContext, volume: string, name: string): Promise<Volume> {
    return this.api.POST('/{login}/volumes/{volume}', { params: { path: this.p({ volume }) }, body: { name } });
  },
  /** DeleteVolume. */
  async deleteVolume(this: TritonContext, volume: string): Promise<void> {
    await this.api.DELETE('/{login}/volumes/{volume}', { params: { path: this.p({ volume }) } });
  },
  /** ListVolumeSizes. */
  async listVolumeSizes(this: TritonContext, options: { type?: 'tritonnfs' } = {}): Promise<VolumeSize[]> {
    checkOptions('DataCenter.listVolumeSizes()', options, VOLUME_TYPE_OPTION);
    return this.api.GET('/{login}/volumesizes', { params: { path: this.p(), query: options } });
  },
};
