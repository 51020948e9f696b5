// A Synnefo simulator served over real HTTP, its Astakos catalog, and the four Cyclades clients
// built from that catalog. Shared by the compute, network, image and volume tests.
import { AstakosClient } from '../../../../src/synnefo/astakos/index.js';
import { CycladesComputeClient } from '../../../../src/synnefo/compute/index.js';
import { ImageClient } from '../../../../src/synnefo/image/index.js';
import { CycladesNetworkClient } from '../../../../src/synnefo/network/index.js';
import { CycladesBlockStorageClient } from '../../../../src/synnefo/volume/index.js';
import { serve, type ServedSim } from '../../../../src/node/index.js';
import { createClock, createSim, type Clock } from '../../../../src/sim/index.js';
import type { LogEvent } from '../../../../src/core/index.js';

/** 2024-05-01T10:00:00Z: a fixed start, so timestamps in assertions are stable. */
export const T0 = Date.parse('2024-05-01T10:00:00Z');

export interface World {
  sim: ReturnType<typeof createSim<'synnefo'>>;
  served: ServedSim | undefined;
  clock: Clock;
  token: string;
  astakos: AstakosClient;
  compute: CycladesComputeClient;
  network: CycladesNetworkClient;
  volumes: CycladesBlockStorageClient;
  images: ImageClient;
  /** Every log event of every client. */
  logs: LogEvent[];
  /** A `sleep` for waiters that moves the simulator's clock instead of waiting. */
  sleep: (ms: number) => Promise<void>;
  close(): Promise<void>;
}

/**
 * A simulator on a manual clock (state machines advance only when the test says so), served on
 * 127.0.0.1 unless `inProcess`, with clients for the first user.
 */
export async function cycladesWorld(options: { inProcess?: boolean; quotas?: Record<string, number>; users?: string[] } = {}): Promise<World> {
  const clock = createClock(T0);
  const sim = createSim('synnefo', {
    seed: 42,
    clock,
    users: options.users ?? ['alice@example.org', 'bob@example.org'],
    ...(options.quotas ? { quotas: options.quotas } : {}),
  });
  const served = options.inProcess ? undefined : await serve(sim);
  const origin = served?.url ?? sim.url;
  const logs: LogEvent[] = [];
  const core = { logger: (e: LogEvent) => logs.push(e), now: () => clock.now(), ...(served ? {} : { fetch: sim.fetch }) };
  const token = sim.credentials.token;
  const astakos = new AstakosClient({ url: `${origin}/identity/v2.0`, token, ...core });
  const compute = await astakos.clientFor(CycladesComputeClient, core);
  const network = await astakos.clientFor(CycladesNetworkClient, core);
  const volumes = await astakos.clientFor(CycladesBlockStorageClient, core);
  const images = await astakos.clientFor(ImageClient, core);
  return {
    sim, served, clock, token, astakos, compute, network, volumes, images, logs,
    sleep: async (ms) => {
      clock.advance(ms);
    },
    close: async () => {
      await served?.close();
    },
  };
}

/** Names of an object's own prototype methods (not getters, not the constructor). */
export function methodNames(proto: object, exclude: readonly string[] = []): string[] {
  return Object.getOwnPropertyNames(proto).filter((name) => {
    if (name === 'constructor' || exclude.includes(name)) return false;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    return typeof d?.value === 'function';
  });
}

/**
 * Records every method called through the proxy and runs the real one on the target, so calls a
 * method makes internally (`createServer` reading the image) are not counted as tested.
 */
export function recording<T extends object>(target: T, seen: Set<string>): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        seen.add(prop);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** A fast wait: polls every 250 ms of simulator time, advancing the clock instead of sleeping. */
export function fast(world: World): { interval: number; sleep: (ms: number) => Promise<void>; now: () => number } {
  return { interval: 250, sleep: world.sleep, now: () => world.clock.now() };
}
