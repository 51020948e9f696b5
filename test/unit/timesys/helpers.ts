import { serve, type ServedSim } from '../../../src/node/index.js';
import { createClock, createSim } from '../../../src/sim/index.js';
import type { TimesysSim, TimesysSimOptions } from '../../../src/sim/timesys/index.js';
import { Llapi, llapiOperations, type LlapiOptions } from '../../../src/timesys/index.js';

/** The protocol vectors' identity (protocols §1.5). */
export const VECTOR_USER = { email: 'user@example.com', key: 'abc123' } as const;

/** A seeded simulator with fast jobs; deterministic tokens. */
export function timesysSim(options: TimesysSimOptions = {}): TimesysSim {
  return createSim('timesys', { seed: 7, jobDelayMs: 20, ...options });
}

/** A simulator on a manual clock (jobs move only when the test advances it). */
export function manualSim(options: TimesysSimOptions = {}): TimesysSim {
  return timesysSim({ clock: createClock(Date.UTC(2025, 0, 1)), ...options });
}

/** A simulator served over real HTTP, and a client for its seeded user pointed at it. */
export async function servedSim(options: TimesysSimOptions = {}): Promise<{
  sim: TimesysSim;
  server: ServedSim;
  client(extra?: Partial<LlapiOptions>): Llapi;
  [Symbol.asyncDispose](): Promise<void>;
}> {
  const sim = timesysSim(options);
  const server = await serve(sim);
  return {
    sim,
    server,
    client: (extra = {}) => new Llapi({ ...sim.credentials, url: server.url, ...extra }),
    [Symbol.asyncDispose]: () => server.close(),
  };
}

/** A fetch that fails the test if anything is sent (for client-side validation and dry runs). */
export const noFetch = async (r: Request): Promise<Response> => {
  throw new Error(`unexpected request: ${r.method} ${r.url}`);
};

/** The operationId a logged request hit, from the spec's operation table. */
export function operationOf(method: string, path: string): string | undefined {
  for (const [key, meta] of Object.entries(llapiOperations)) {
    const [m, template] = key.split(' ') as [string, string];
    if (m !== method) continue;
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    // Static paths beat templates (`/groups/archived` before `/groups/{group_token}`), as routers do.
    if (re.test(path) && (template === path || !Object.keys(llapiOperations).includes(`${method} ${path}`))) return meta.operationId;
  }
  return undefined;
}
