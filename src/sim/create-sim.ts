import { ConfigError } from '../core/errors/index.js';
import { createDemoSim } from './demo/index.js';
import { createMistSim } from './mist/index.js';
import { createPithosSim } from './pithos/index.js';
import type { Sim } from './sim.js';
import { createSynnefoSim } from './synnefo/index.js';
import { createTimesysSim } from './timesys/index.js';
import { createTritonSim } from './triton/index.js';
import { createTurbonomicSim } from './turbonomic/index.js';

/**
 * Every simulator `createSim` knows. A plain object literal, not a registration API:
 * nothing happens at import time, and each family adds its line here when it lands.
 */
const registry = {
  demo: createDemoSim,
  mist: createMistSim,
  pithos: createPithosSim,
  synnefo: createSynnefoSim,
  timesys: createTimesysSim,
  triton: createTritonSim,
  turbonomic: createTurbonomicSim,
} as const;

type Registry = typeof registry;

/** Names accepted by {@link createSim}. */
export type SimName = keyof Registry;

/** Options of the simulator called `N`. */
export type SimOptionsOf<N extends SimName> = NonNullable<Parameters<Registry[N]>[0]>;

/** The simulator type called `N`. */
export type SimOf<N extends SimName> = ReturnType<Registry[N]>;

/** Names of every known simulator, e.g. for a CLI's help text. */
export const simNames = Object.freeze(Object.keys(registry) as SimName[]);

/** Whether `name` is a known simulator. */
export function isSimName(name: string): name is SimName {
  return Object.prototype.hasOwnProperty.call(registry, name);
}

/**
 * Creates a simulator by family name: `createSim('demo', { pageSize: 5 })`; the options
 * and the returned type follow the name. A name that is only known at run time (a CLI
 * argument) goes through {@link isSimName} first. Throws `ConfigError` listing the
 * known names when `name` is unknown (plain JavaScript callers).
 */
export function createSim<N extends SimName>(name: N, options?: SimOptionsOf<N>): SimOf<N>;
export function createSim(name: string, options?: Record<string, unknown>): Sim {
  if (!isSimName(name)) {
    throw new ConfigError(`unknown simulator ${JSON.stringify(name)}; known simulators: ${simNames.join(', ')}`);
  }
  const factory = registry[name] as (options?: Record<string, unknown>) => Sim;
  return factory(options);
}
