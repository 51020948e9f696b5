/**
 * `opskit/sim`: in-memory, stateful simulators of the APIs opskit speaks, plus the
 * plumbing to write one. Web-standard `Request → Response` only, so every simulator runs
 * in browsers, Node, Deno and Bun; `opskit/node` serves them on a TCP port.
 *
 * @packageDocumentation
 */
export { createSim, isSimName, simNames, type SimName, type SimOf, type SimOptionsOf } from './create-sim.js';
export type { Sim } from './sim.js';
export { defineSim, type DefineSimOptions, type SimContext, type SimRouter } from './define-sim.js';
export { createSimApp, SimError, readJson, bearerToken } from './app.js';
export { createClock, type Clock } from './clock.js';
export { createFaults, type FaultKind, type FaultMatch, type FaultSpec, type Faults, type PendingFault } from './faults.js';
export { createRequestLog, type LoggedRequest, type RequestLog, type RequestLogOptions } from './request-log.js';
export { outcomeToResponse, isNullBodyStatus, type SimOutcome } from './outcome.js';
export { createRandom, type RandomSource } from './random.js';
export { counterIds, randomIds, createCollection, type Collection, type IdGenerator, type Identified } from './state.js';
export { createCursorTable, type CursorTable, type CursorTableOptions } from './cursors.js';
export { defaultErrorBody, errorResponse, codeForStatus, type ErrorBody } from './errors.js';
export {
  createDemoSim,
  type DemoCredentials,
  type DemoItem,
  type DemoJob,
  type DemoJobRecord,
  type DemoJobState,
  type DemoSim,
  type DemoSimOptions,
  type DemoState,
} from './demo/index.js';
