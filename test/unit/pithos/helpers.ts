// Shared helpers of the Pithos tests: a simulator and a client on it (in process or served over HTTP).
import { serve, type ServedSim } from '../../../src/node/index.js';
import { createPithosSim, type PithosSimOptions } from '../../../src/sim/pithos/index.js';
import { PithosClient, type StorageClientOptions } from '../../../src/synnefo/pithos/index.js';

export const KiB = 1024;

/** A simulator with small blocks (fast tests) and a client for its first user, container `pithos` created. */
export async function pithosSetup(simOptions: PithosSimOptions = {}, clientOptions: Partial<StorageClientOptions> = {}) {
  const sim = createPithosSim({ seed: 11, blockSize: 4 * KiB, ...simOptions });
  const client = new PithosClient({ ...sim.credentials, container: 'pithos', fetch: sim.fetch, retry: false, ...clientOptions });
  await client.createContainer('pithos');
  return { sim, client };
}

/** The same simulator served on 127.0.0.1, and a client talking to it over real HTTP. */
export async function servedSetup(simOptions: PithosSimOptions = {}, clientOptions: Partial<StorageClientOptions> = {}) {
  const sim = createPithosSim({ seed: 12, blockSize: 4 * KiB, ...simOptions });
  const served: ServedSim = await serve(sim);
  const url = `${served.url}/object-store/v1`;
  const client = new PithosClient({ url, token: sim.credentials.token, account: sim.credentials.account, container: 'pithos', retry: false, ...clientOptions });
  await client.createContainer('pithos');
  return { sim, served, url, client };
}

/** Deterministic, non-repeating-per-block test data. */
export function pattern(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed * 2654435761 >>> 0;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Requests the simulator received matching method and a path/URL test, since `from` (a count). */
export function requestsSince(sim: { requests: { list(): Array<{ method: string; url: string; body: string; headers: Record<string, string>; status: number | null }> } }, from: number) {
  return sim.requests.list().slice(from);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
