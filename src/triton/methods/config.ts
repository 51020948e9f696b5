import type { TritonContext } from '../context.js';
import type { Config } from '../types.js';

/** Account configuration (the Docker default fabric network). */
export const configMethods = {
  /** GetConfig. */
  getConfig(this: TritonContext): Promise<Config> {
    return this.api.GET('/{login}/config', { params: { path: this.p() } });
  },
  /** UpdateConfig. */
  updateConfig(this: TritonContext, body: Config): Promise<Config> {
    return this.api.PUT('/{login}/config', { params: { path: this.p() }, body });
  },
};
