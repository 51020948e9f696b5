import type { HttpSigner } from '../crypto/http-signature/signer.js';
import type { TritonApi } from './client.js';
import type { DataCenterOptions } from './data-center-options.js';

/**
 * What the per-resource method tables (methods/*.ts) need from a DataCenter. They are typed
 * against this rather than DataCenter itself, because DataCenter's type is assembled from them.
 * @internal
 */
export interface TritonContext {
  api: TritonApi;
  login: string;
  readonly accountLogin: string | undefined;
  keyId: string | undefined;
  signer: HttpSigner | undefined;
  readonly baseUrl: string;
  readonly knownLocations: Record<string, string>;
  options: DataCenterOptions;
  /**
   * When the server answered this DataCenter's latest change to each machine (its `Date` header,
   * ms since epoch; the client clock where the header cannot be read): audit waiters look for
   * jobs finished after it.
   */
  readonly changes: Map<string, number>;
  p<T extends Record<string, unknown>>(extra?: T): { login: string } & T;
}
