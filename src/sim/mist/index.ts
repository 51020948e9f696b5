export { createMistSim } from './create-mist-sim.js';
export { SUPPORTED_PROVIDERS as MIST_SIM_PROVIDERS, type ProviderFamily as MistProviderFamily } from './catalog.js';
export type {
  MistSim,
  MistSimOptions,
  MistSimProvider,
  MistCredentials,
  MistState,
  SimBackend as MistSimBackend,
  SimMachine as MistSimMachine,
  SimKeypair as MistSimKeypair,
  SimCloud as MistSimCloud,
  SimAssociation as MistSimAssociation,
} from './types.js';
