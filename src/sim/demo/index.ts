export { createDemoSim } from './create-demo-sim.js';
export type {
  DemoCredentials,
  DemoItem,
  DemoJob,
  DemoJobRecord,
  DemoJobState,
  DemoSim,
  DemoSimOptions,
  DemoState,
} from './types.js';
