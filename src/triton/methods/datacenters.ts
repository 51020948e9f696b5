import { ConfigError } from '../../core/errors/config-error.js';
import { ResponseError } from '../../core/errors/response-error.js';
import type { TritonContext } from '../context.js';
import type { NameToUrl } from '../types.js';

/** Datacenters, foreign datacenters and services. */
export const datacenterMethods = {
  /** ListDatacenters: `{name: url}`. */
  listDatacenters(this: TritonContext): Promise<NameToUrl> {
    return this.api.GET('/{login}/datacenters', { params: { path: this.p() } });
  },

  /**
   * GetDatacenter: the URL of a datacenter. The server answers 302 with `Location`; this reads
   * the redirect instead of following it. Where the runtime hides redirects (browsers), it falls
   * back to ListDatacenters, as node-smartdc does.
   */
  async getDatacenter(this: TritonContext, name: string): Promise<string> {
    const result = await this.api.api.GET('/{login}/datacenters/{datacenter}', {
      params: { path: this.p({ datacenter: name }) },
      redirect: 'manual',
    });
    const location = result.response.headers.get('location');
    if (result.response.status === 302 && location) return location;
    if (result.response.status !== 0 && result.response.type !== 'opaqueredirect') {
      await this.api.unwrap(Promise.resolve(result));
      throw new ResponseError('getDatacenter', `expected a 302 redirect, got HTTP ${result.response.status}`);
    }
    const url = (await datacenterMethods.listDatacenters.call(this))[name];
    if (!url) throw new ConfigError(`unknown datacenter ${JSON.stringify(name)}`);
    return url;
  },

  /** ListForeignDatacenters (needs token-delegated auth on a real server). */
  listForeignDatacenters(this: TritonContext): Promise<NameToUrl> {
    return this.api.GET('/{login}/foreigndatacenters', { params: { path: this.p() } });
  },

  /** AddForeignDatacenter (needs token-delegated auth on a real server). */
  addForeignDatacenter(this: TritonContext, name: string, url: string): Promise<NameToUrl> {
    return this.api.POST('/{login}/foreigndatacenters', { params: { path: this.p() }, body: { name, url } });
  },

  /** ListServices: `{name: url}`. */
  listServices(this: TritonContext): Promise<NameToUrl> {
    return this.api.GET('/{login}/services', { params: { path: this.p() } });
  },

  /**
   * py-smartdc `datacenters()`: ListDatacenters, merged into this instance's `knownLocations`
   * (py-smartdc mutated a module-level dict shared by every instance; opskit does not).
   */
  async datacenters(this: TritonContext): Promise<NameToUrl> {
    const map = await datacenterMethods.listDatacenters.call(this);
    Object.assign(this.knownLocations, map);
    return map;
  },
};
