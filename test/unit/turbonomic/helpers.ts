import { serve, type ServedSim } from '../../../src/node/index.js';
import { createClock } from '../../../src/sim/index.js';
import { createTurbonomicSim, type TurbonomicSim, type TurbonomicSimOptions } from '../../../src/sim/turbonomic/index.js';
import { Connection, type ConnectionOptions } from '../../../src/turbonomic/index.js';

/** A simulator on a fixed manual clock with a fixed seed, so runs repeat exactly. */
export function turboSim(options: TurbonomicSimOptions = {}): TurbonomicSim {
  return createTurbonomicSim({ clock: createClock(Date.UTC(2024, 0, 1)), seed: 7, ...options });
}

/** A simulator served over real HTTP (node:http) and a connection factory pointed at it. */
export interface Served {
  sim: TurbonomicSim;
  server: ServedSim;
  /** `host:port` of the server. */
  host: string;
  connect(extra?: Partial<ConnectionOptions>): Connection;
  close(): Promise<void>;
}

export async function served(options: TurbonomicSimOptions = {}): Promise<Served> {
  const sim = turboSim(options);
  const server = await serve(sim);
  const host = new URL(server.url).host;
  return {
    sim,
    server,
    host,
    connect: (extra = {}) => new Connection({ host, ssl: false, username: sim.credentials.username, password: sim.credentials.password, ...extra }),
    close: () => server.close(),
  };
}

/** A connection to an in-process simulator (no sockets). */
export function inProcess(sim: TurbonomicSim, extra: Partial<ConnectionOptions> = {}): Connection {
  return new Connection({ host: new URL(sim.url).host, ssl: false, fetch: sim.fetch, username: sim.credentials.username, password: sim.credentials.password, ...extra });
}

/** Path and query of the simulator's requests since `from` (its log sequence number). */
export function wire(sim: TurbonomicSim, from = 0): string[] {
  return sim.requests
    .list()
    .filter((r) => r.seq > from)
    .map((r) => {
      const u = new URL(r.url);
      return `${r.method} ${u.pathname}${u.search}`;
    });
}

/** The newest request-log sequence number (mark, act, then `wire(sim, mark)`). */
export function mark(sim: TurbonomicSim): number {
  return sim.requests.last()?.seq ?? 0;
}

/** Bodies of the requests since `from`. */
export function bodies(sim: TurbonomicSim, from = 0): string[] {
  return sim.requests
    .list()
    .filter((r) => r.seq > from)
    .map((r) => r.body);
}
