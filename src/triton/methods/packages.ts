import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { PACKAGE_FILTERS } from '../option-names.js';
import type { operations } from '../generated/triton-cloudapi.js';
import type { Package } from '../types.js';

/** ListPackages filters. */
export type PackageFilters = NonNullable<operations['listPackages']['parameters']['query']>;

/** Packages (instance sizes). */
export const packageMethods = {
  /** ListPackages. */
  async listPackages(this: TritonContext, filters: PackageFilters = {}): Promise<Package[]> {
    checkOptions('DataCenter.listPackages()', filters, PACKAGE_FILTERS);
    return this.api.GET('/{login}/packages', { params: { path: this.p(), query: filters } });
  },
  /** GetPackage, by id or name. */
  getPackage(this: TritonContext, pkg: string): Promise<Package> {
    return this.api.GET('/{login}/packages/{package}', { params: { path: this.p({ package: pkg }) } });
  },
  /** py-smartdc `packages(name, memory, disk, swap, version, vcpus, group)`. */
  async packages(this: TritonContext, filters: PackageFilters = {}): Promise<Package[]> {
    checkOptions('DataCenter.packages()', filters, PACKAGE_FILTERS);
    return packageMethods.listPackages.call(this, filters);
  },
  /** py-smartdc `package(name)`: a name, id or package object (its `id`, else `name`). */
  package(this: TritonContext, name: string | { id?: string; name?: string }): Promise<Package> {
    return packageMethods.getPackage.call(this, typeof name === 'string' ? name : (name.id ?? name.name ?? ''));
  },
  /** py-smartdc `default_package()`: the package flagged `default` (deprecated since API 8, so usually none). */
  async defaultPackage(this: TritonContext): Promise<Package | undefined> {
    return (await packageMethods.listPackages.call(this)).find((p) => p.default === true || p.default === 'true');
  },
};
