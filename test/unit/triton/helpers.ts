import { createClock, createSim } from '../../../src/sim/index.js';
import type { TritonSim, TritonSimOptions } from '../../../src/sim/triton/index.js';
import { DataCenter, type DataCenterOptions } from '../../../src/triton/index.js';
import { parsePrivateKey, keySigner, signRequest } from '../../../src/crypto/index.js';
import type { TestKey } from './fixtures.js';

/** A Triton simulator on a real clock (signatures carry real dates) with fast transitions. */
export function tritonSim(options: TritonSimOptions = {}): TritonSim {
  return createSim('triton', { clock: createClock(), seed: 7, transitionMs: 100, asyncMs: 50, ...options });
}

/** A DataCenter signed with a test key (openssh format), talking to the sim in process. */
export function dcFor(sim: TritonSim, key: TestKey, options: DataCenterOptions = {}): DataCenter {
  return new DataCenter({
    url: sim.url,
    account: sim.credentials.account,
    key: parsePrivateKey(key.formats.openssh!),
    fetch: sim.fetch,
    now: () => sim.clock.now(),
    ...options,
  });
}

/** A `sleep` for waitFor that moves the simulator clock instead of waiting. */
export const clockSleep = (sim: TritonSim) => async (ms: number) => {
  sim.clock.advance(ms);
};

/** Sends a raw request signed like CloudAPI wants, with knobs to break it. */
export async function rawSigned(
  sim: TritonSim,
  key: TestKey,
  path: string,
  options: { method?: string; headers?: Record<string, string>; keyId?: string; date?: string; body?: string; algorithm?: string } = {},
): Promise<Response> {
  const headers = new Headers({ 'accept-version': '~9||~8', ...(options.headers ?? {}) });
  if (options.date) headers.set('date', options.date);
  const url = new URL(path, sim.url).toString();
  const req = { method: options.method ?? 'GET', url, headers };
  await signRequest(req, {
    keyId: options.keyId ?? `/${sim.credentials.account}/keys/${key.md5}`,
    signer: keySigner(parsePrivateKey(key.formats.openssh!), options.algorithm ? { algorithm: options.algorithm as never } : {}),
    now: () => sim.clock.now(),
  });
  return sim.fetch(url, { method: req.method, headers, ...(options.body !== undefined ? { body: options.body } : {}) });
}
