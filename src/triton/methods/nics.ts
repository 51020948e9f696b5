import type { TritonContext } from '../context.js';
import { checkOptions } from '../../core/options.js';
import { PRIMARY_OPTION } from '../option-names.js';
import type { Nic } from '../types.js';

/**
 * CloudAPI wants MACs in paths without colons (node-smartdc strips them too). Anything but a string
 * goes to the core's path check as it is, which refuses it with a ConfigError.
 */
const bareMac = (mac: string) => (typeof mac === 'string' ? mac.replace(/[:-]/g, '').toLowerCase() : mac);

/** Machine NICs (7.2+). */
export const nicMethods = {
  /** ListNics. */
  listNics(this: TritonContext, machine: string): Promise<Nic[]> {
    return this.api.GET('/{login}/machines/{machine}/nics', { params: { path: this.p({ machine }) } });
  },
  /** GetNic (MAC with or without colons). */
  getNic(this: TritonContext, machine: string, mac: string): Promise<Nic> {
    return this.api.GET('/{login}/machines/{machine}/nics/{mac}', { params: { path: this.p({ machine, mac: bareMac(mac) }) } });
  },
  /** AddNic on a network (uuid or `{ipv4_uuid, ipv4_ips}`); the machine reboots. */
  async addNic(this: TritonContext, machine: string, network: string | { ipv4_uuid: string; ipv4_ips?: string[] }, options: { primary?: boolean } = {}): Promise<Nic> {
    checkOptions('DataCenter.addNic()', options, PRIMARY_OPTION);
    return this.api.POST('/{login}/machines/{machine}/nics', {
      params: { path: this.p({ machine }) },
      body: { network, ...(options.primary !== undefined ? { primary: options.primary } : {}) },
    });
  },
  /** RemoveNic. */
  async removeNic(this: TritonContext, machine: string, mac: string): Promise<void> {
    await this.api.DELETE('/{login}/machines/{machine}/nics/{mac}', { params: { path: this.p({ machine, mac: bareMac(mac) }) } });
  },
};
