// Starts the admin console: one simulator per family on 127.0.0.1 (behind a CORS layer), seeded,
// and the static web app beside them. `npm run console` (scripts/console.mjs) and the Chromium test
// (test/console/console.test.mjs) both call `startConsole`.
import { fileURLToPath } from 'node:url';
import { createSim } from 'opskit/sim';
import { serve } from 'opskit/node';
import { seedMist, seedSynnefo, seedTimesys, seedTriton } from './seed.mjs';
import { startStaticServer } from './static.mjs';

const appDir = fileURLToPath(new URL('../app/', import.meta.url));
const bundle = fileURLToPath(new URL('../../../dist/browser/opskit.js', import.meta.url));

/** How long state changes take on the simulators (short enough to watch, long enough to see). */
const TRANSITION_MS = 2000;

/**
 * The simulators the console signs in to. `path` is the API root on the served simulator;
 * `form` maps the sign-in form's fields to `sim.credentials` (what "Fill in" puts there).
 * Pithos+ is the object store of the Synnefo cloud (its catalog's `object-store`), as on ~okeanos.
 */
const FAMILIES = {
  triton: {
    create: () => createSim('triton', { transitionMs: TRANSITION_MS }),
    seed: (sim) => seedTriton(sim, { transitionMs: TRANSITION_MS }),
    form: (c) => ({ account: c.account, key: c.key }),
  },
  mist: {
    create: () => createSim('mist', { transitionMs: TRANSITION_MS, providers: { ec2: { machines: 3 }, linode: { machines: 2 } } }),
    seed: (sim) => seedMist(sim),
    form: (c) => ({ email: c.email, password: c.password }),
  },
  turbonomic: {
    create: () => createSim('turbonomic', { entities: 1000 }),
    form: (c) => ({ username: c.username, password: c.password }),
  },
  timesys: {
    create: () => createSim('timesys', { jobDelayMs: 0 }),
    seed: (sim) => seedTimesys(sim),
    form: (c) => ({ email: c.email, key: c.key }),
  },
  synnefo: {
    path: '/identity/v2.0',
    create: () =>
      createSim('synnefo', {
        services: {
          compute: { buildMs: TRANSITION_MS, actionMs: TRANSITION_MS },
          // Small blocks, so an upload of a few hundred KiB already shows block-by-block progress.
          pithos: { blockSize: 64 * 1024 },
        },
      }),
    seed: (sim) => seedSynnefo(sim, { transitionMs: TRANSITION_MS }),
    form: (c) => ({ token: c.token }),
  },
};

/**
 * @param {{
 *   port?: number,            // the console's port (0, the default, picks a free one)
 *   hostNames?: string[],     // extra host names the page may be opened on (mapped to 127.0.0.1)
 *   families?: string[],      // a subset of FAMILIES
 * }} [options]
 * @returns {Promise<{ url: string, port: number, sims: Record<string, { sim: any, url: string, port: number }>, close(): Promise<void> }>}
 */
export async function startConsole(options = {}) {
  const host = '127.0.0.1';
  const names = options.families ?? Object.keys(FAMILIES);
  const unknown = names.filter((n) => !(n in FAMILIES));
  if (unknown.length) throw new Error(`unknown families: ${unknown.join(', ')} (known: ${Object.keys(FAMILIES).join(', ')})`);
  const pageHosts = new Set(['127.0.0.1', 'localhost', ...(options.hostNames ?? [])]);
  let consolePort = 0;
  // Only the console's own page, on any of its host names, may call the simulators.
  const allowOrigin = (origin) => {
    try {
      const u = new URL(origin);
      return u.protocol === 'http:' && pageHosts.has(u.hostname) && Number(u.port) === consolePort;
    } catch {
      return false;
    }
  };

  const sims = {};
  const closers = [];
  try {
    for (const name of names) {
      const family = FAMILIES[name];
      const sim = family.create();
      if (family.seed) await family.seed(sim);
      const served = await serve(sim, { host, cors: { origins: allowOrigin } });
      closers.push(() => served.close());
      sims[name] = { sim, url: served.url, port: served.port, path: family.path ?? '' };
    }
    const web = await startStaticServer({
      appDir,
      bundle,
      host,
      port: options.port ?? 0,
      simPorts: () => Object.values(sims).map((s) => s.port),
      allowHost: (hostname) => pageHosts.has(hostname),
      // What the page needs to find the simulators: ports, not URLs, because the page reaches
      // them on whatever host name it was itself loaded from (127.0.0.1, localhost, a test name).
      config: () => ({
        simulators: true,
        families: Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, { port: s.port, path: s.path }])),
      }),
      credentials: () => Object.fromEntries(Object.entries(sims).map(([n, s]) => [n, FAMILIES[n].form(s.sim.credentials)])),
    });
    closers.push(() => web.close());
    consolePort = web.port;
    return {
      url: `http://${host}:${web.port}/`,
      port: web.port,
      sims,
      close: () => Promise.all(closers.map((c) => c())).then(() => undefined),
    };
  } catch (err) {
    await Promise.all(closers.map((c) => c().catch(() => {})));
    throw err;
  }
}
