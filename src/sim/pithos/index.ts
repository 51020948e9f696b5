import { createClock, type Clock } from '../clock.js';
import { createSimApp } from '../app.js';
import { defineSim } from '../define-sim.js';
import { createRandom, type RandomSource } from '../random.js';
import type { Sim } from '../sim.js';
import type { SimObjectStoreView, SynnefoSimUser } from '../synnefo/host.js';
import type { BlockHashAlgorithm } from '../../crypto/merkle/algorithms.js';
import { mountAuthRoutes } from './auth-routes.js';
import type { PithosState } from './model.js';
import { createPithosService } from './service.js';
import { createStandaloneHost, type PithosSimUserSpec } from './standalone-host.js';

export { createPithosService, type PithosService, type PithosServiceOptions } from './service.js';
export type { PithosState, ObjectVersion, ObjectNode, Container as PithosContainer, Account as PithosAccount, Permissions } from './model.js';
export { BlockStore } from './blocks.js';
export type { PithosSimUserSpec } from './standalone-host.js';

/** Options of `createSim('pithos')`. */
export interface PithosSimOptions {
  /** Seed for users, tokens, uuids and public tokens. */
  seed?: number;
  clock?: Clock;
  random?: RandomSource;
  /** Users (default two). The first one's token is `sim.credentials.token`. */
  users?: readonly PithosSimUserSpec[];
  /** `X-Container-Block-Size` (default 4 MiB). */
  blockSize?: number;
  /** `X-Container-Block-Hash` (default sha256). */
  blockHash?: BlockHashAlgorithm;
  /** Per-user `pithos.diskspace` quota in bytes (default 0, unlimited). */
  quota?: number;
  /** ETag = MD5 of the data (PITHOS_UPDATE_MD5) instead of the Merkle hash. */
  updateMd5?: boolean;
  /** Containers every account starts with (default `['pithos']`). */
  defaultContainers?: readonly string[];
  /** Base URL for in-process use (default `http://pithos.sim.invalid`). */
  url?: string;
}

/** `sim.credentials`: exactly the options `new PithosClient({...})` takes. */
export interface PithosSimCredentials extends Record<string, unknown> {
  /** The object-store endpoint (`…/object-store/v1`), in-process. */
  url: string;
  token: string;
  account: string;
}

/** The stand-alone Pithos+ simulator. */
export interface PithosSim extends Sim<PithosState, PithosSimCredentials> {
  /** Its users (the first is the credentials' user); each has a `token`. */
  readonly users: readonly SynnefoSimUser[];
  /** What other services (Plankton) see of the store. */
  readonly objects: SimObjectStoreView;
  /** Bytes charged to a user's `pithos.diskspace`. */
  usage(uuid: string): number;
}

/**
 * An in-memory Pithos+ server: the object store of Synnefo with its own small identity (Astakos
 * v2.0 tokens, Swift TempAuth at `/auth/v1.0`, Keystone v3 at `/identity/v3/auth/tokens`), a
 * global deduplicated block store, hashmaps, versions, sharing, public URLs, groups, quotas.
 *
 * ```ts
 * const sim = createSim('pithos', { seed: 1 });
 * const pithos = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch });
 * ```
 */
export function createPithosSim(options: PithosSimOptions = {}): PithosSim {
  const clock = options.clock ?? createClock();
  const random = options.random ?? createRandom(options.seed);
  const url = (options.url ?? 'http://pithos.sim.invalid').replace(/\/+$/, '');
  const host = createStandaloneHost({ clock, random, url: () => url, users: options.users, quota: options.quota });
  const service = createPithosService(host, {
    ...(options.blockSize !== undefined ? { blockSize: options.blockSize } : {}),
    ...(options.blockHash !== undefined ? { blockHash: options.blockHash } : {}),
    ...(options.updateMd5 !== undefined ? { updateMd5: options.updateMd5 } : {}),
    ...(options.defaultContainers !== undefined ? { defaultContainers: options.defaultContainers } : {}),
  });
  host.setObjects(service.objects);
  const first = host.users[0] as SynnefoSimUser;
  const credentials: PithosSimCredentials = { url: `${url}/object-store/v1`, token: first.token, account: first.uuid };
  const errorBody = (status: number, code: string, message: string) => ({ [faultName(status, code)]: { code: status, message, details: '' } });
  const sim = defineSim<PithosState, PithosSimCredentials>(
    'pithos',
    () => {
      const app = createSimApp(errorBody);
      mountAuthRoutes(app, host);
      app.route('/object-store/v1', service.app);
      return app;
    },
    { state: service.state, credentials, clock, random, url, errorBody, logBodyLimit: 4096 },
  );
  return Object.assign(sim, { users: host.users, objects: service.objects, usage: host.usage });
}

const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'itemNotFound', 405: 'notAllowed', 409: 'conflict',
  411: 'lengthRequired', 412: 'preconditionFailed', 413: 'requestEntityTooLarge', 416: 'rangeNotSatisfiable',
  422: 'unprocessableEntity', 429: 'overLimit', 500: 'internalServerError', 503: 'serviceUnavailable',
};

function faultName(status: number, code: string): string {
  return FAULT_NAMES[status] ?? (code ? code.charAt(0).toLowerCase() + code.slice(1) : 'error');
}
