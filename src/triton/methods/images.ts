import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { IMAGE_FILTERS } from '../option-names.js';
import type { operations } from '../generated/triton-cloudapi.js';
import type { Image, ImageCreate, ImageUpdate, MantaLocation } from '../types.js';

/** ListImages filters. */
export type ImageFilters = NonNullable<operations['listImages']['parameters']['query']>;

/** Case-insensitive local search over some fields (py-smartdc's `search`/`fields` for datasets and networks). */
export function localSearch<T>(items: T[], search: string | RegExp | undefined, fields: readonly string[]): T[] {
  if (search === undefined) return items;
  const re = typeof search === 'string' ? new RegExp(search, 'i') : search;
  return items.filter((item) => fields.some((f) => re.test(String((item as Record<string, unknown>)[f] ?? ''))));
}

/** Images. */
export const imageMethods = {
  /** ListImages. */
  async listImages(this: TritonContext, filters: ImageFilters = {}): Promise<Image[]> {
    checkOptions('DataCenter.listImages()', filters, IMAGE_FILTERS);
    return this.api.GET('/{login}/images', { params: { path: this.p(), query: filters } });
  },
  /** GetImage. */
  getImage(this: TritonContext, image: string): Promise<Image> {
    return this.api.GET('/{login}/images/{image}', { params: { path: this.p({ image }) } });
  },
  /** DeleteImage. */
  async deleteImage(this: TritonContext, image: string): Promise<void> {
    await this.api.DELETE('/{login}/images/{image}', { params: { path: this.p({ image }) } });
  },
  /** CreateImageFromMachine: `{machine, name, version, …}`; the image starts in state `creating`. */
  createImageFromMachine(this: TritonContext, body: ImageCreate & { machine: string; name: string; version: string }): Promise<Image> {
    return this.api.POST('/{login}/images', { params: { path: this.p() }, body });
  },
  /** ImportImageFromDatacenter (9.2+): copy image `id` from datacenter `datacenter`. */
  importImageFromDatacenter(this: TritonContext, datacenter: string, id: string): Promise<Image> {
    return this.api.POST('/{login}/images', { params: { path: this.p(), query: { action: 'import-from-datacenter', datacenter, id } } });
  },
  /** UpdateImage (`action=update`). */
  updateImage(this: TritonContext, image: string, body: ImageUpdate): Promise<Image> {
    return this.api.POST('/{login}/images/{image}', { params: { path: this.p({ image }), query: { action: 'update' } }, body }) as Promise<Image>;
  },
  /** ExportImage (`action=export`) to a Manta path; answers the Manta location. */
  exportImage(this: TritonContext, image: string, mantaPath: string): Promise<MantaLocation> {
    return this.api.POST('/{login}/images/{image}', { params: { path: this.p({ image }), query: { action: 'export', manta_path: mantaPath } } }) as Promise<MantaLocation>;
  },
  /** CloneImage (`action=clone`, 9.1+): a private copy of a shared image. */
  cloneImage(this: TritonContext, image: string): Promise<Image> {
    return this.api.POST('/{login}/images/{image}', { params: { path: this.p({ image }), query: { action: 'clone' } } }) as Promise<Image>;
  },
  /** py-smartdc `images(name, os, version, public, state, owner, type)` (broken there: NameError). */
  async images(this: TritonContext, filters: ImageFilters = {}): Promise<Image[]> {
    checkOptions('DataCenter.images()', filters, IMAGE_FILTERS);
    return imageMethods.listImages.call(this, filters);
  },
  /** py-smartdc `image(id)`. */
  image(this: TritonContext, id: string): Promise<Image> {
    return imageMethods.getImage.call(this, id);
  },
  /**
   * py-smartdc `datasets(search, fields)`: `/datasets` is gone since API 8, so this lists images and
   * filters them locally by a case-insensitive regex over `fields` (default description and urn,
   * plus name).
   */
  async datasets(this: TritonContext, search?: string | RegExp, fields: readonly string[] = ['description', 'urn', 'name']): Promise<Image[]> {
    return localSearch(await imageMethods.listImages.call(this), search, fields);
  },
  /** py-smartdc `dataset(id)`: GetImage (datasets became images). */
  dataset(this: TritonContext, id: string): Promise<Image> {
    return imageMethods.getImage.call(this, id);
  },
};
