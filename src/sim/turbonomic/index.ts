export { createTurbonomicSim, MAX_ENTITIES } from './create-turbonomic-sim.js';
export { Inventory, ENTITY_CLASSES } from './inventory.js';
export { versionDto, cwomBaseVersion } from './versions.js';
export type {
  TurbonomicSim,
  TurbonomicSimOptions,
  TurbonomicState,
  TurbonomicCredentials,
  PagingQuirks,
  SimSession,
  Stored as TurbonomicStored,
} from './types.js';
