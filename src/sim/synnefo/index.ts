export { createSynnefoSim } from './create-synnefo-sim.js';
export { DEFAULT_QUOTAS, DEFAULT_RESOURCES, SERVICE_PATHS } from './defaults.js';
export { SynnefoFault } from './host.js';
export type { SynnefoSimHost, SynnefoSimUser, SynnefoSimService, SimObjectStoreView, SimStoredObject } from './host.js';
export type {
  SynnefoSim,
  SynnefoSimOptions,
  SynnefoSimUserSpec,
  SynnefoSimState,
  SynnefoCredentials,
  SimUser as SynnefoSimUserRecord,
  SimProject as SynnefoSimProject,
  SimMembership as SynnefoSimMembership,
  Holding as SynnefoSimHolding,
} from './types.js';
