import { Paged, type PageLoader } from '../../core/paged.js';
import { checkOptions } from '../../core/options.js';
import { LIMIT_OPTION } from '../option-names.js';
import type { TritonContext } from '../context.js';
import type { Network, NetworkIp } from '../types.js';
import { localSearch } from './images.js';

/** Network IPs, the ListMachines-style loop (x-resource-count against x-query-limit). */
function ipPages(dc: TritonContext, network: string, limit: number): PageLoader<NetworkIp> {
  return async (token) => {
    const offset = token === undefined ? 0 : Number(token);
    const result = await dc.api.api.GET('/{login}/networks/{network}/ips', { params: { path: dc.p({ network }), query: { limit, offset } } });
    if (!result.response.ok) await dc.api.unwrap(Promise.resolve(result));
    const items = result.data ?? [];
    const count = Number(result.response.headers.get('x-resource-count') ?? items.length);
    const pageLimit = Number(result.response.headers.get('x-query-limit') ?? limit);
    return { items, next: items.length > 0 && count >= pageLimit ? offset + pageLimit : undefined };
  };
}

/** Networks and their IPs. */
export const networkMethods = {
  /** ListNetworks. */
  listNetworks(this: TritonContext): Promise<Network[]> {
    return this.api.GET('/{login}/networks', { params: { path: this.p() } });
  },
  /** GetNetwork. */
  getNetwork(this: TritonContext, network: string): Promise<Network> {
    return this.api.GET('/{login}/networks/{network}', { params: { path: this.p({ network }) } });
  },
  /** ListNetworkIPs (8.4+), every page. */
  listNetworkIPs(this: TritonContext, network: string, options: { limit?: number } = {}): Paged<NetworkIp> {
    // Synchronous, like every Paged method: the ConfigError comes before anything is sent.
    checkOptions('DataCenter.listNetworkIPs()', options, LIMIT_OPTION);
    return new Paged(ipPages(this, network, options.limit ?? 1000));
  },
  /** GetNetworkIP. */
  getNetworkIP(this: TritonContext, network: string, ip: string): Promise<NetworkIp> {
    return this.api.GET('/{login}/networks/{network}/ips/{ip}', { params: { path: this.p({ network, ip }) } });
  },
  /** UpdateNetworkIP: reserve or release. */
  updateNetworkIP(this: TritonContext, network: string, ip: string, reserved: boolean): Promise<NetworkIp> {
    return this.api.PUT('/{login}/networks/{network}/ips/{ip}', { params: { path: this.p({ network, ip }) }, body: { reserved } });
  },
  /**
   * py-smartdc `networks(search, fields)`: ListNetworks, filtered locally by a case-insensitive
   * regex over `fields` (default `name`; py-smartdc's default `'name,'` was a string, so it searched
   * its characters and never matched).
   */
  async networks(this: TritonContext, search?: string | RegExp, fields: readonly string[] = ['name']): Promise<Network[]> {
    return localSearch(await networkMethods.listNetworks.call(this), search, fields);
  },
  /** py-smartdc `network(id)`. */
  network(this: TritonContext, id: string): Promise<Network> {
    return networkMethods.getNetwork.call(this, id);
  },
};
