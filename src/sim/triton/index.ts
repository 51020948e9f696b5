export { createTritonSim } from './create-triton-sim.js';
export { SEED as TRITON_SEED } from './seed.js';
export type {
  TritonSim,
  TritonSimOptions,
  TritonSimAccountInput,
  TritonCredentials,
  TritonState,
  SimAccount as TritonSimAccount,
  SimMachine as TritonSimMachine,
} from './types.js';
