import type { Clock } from './clock.js';
import type { Faults } from './faults.js';
import type { SimOutcome } from './outcome.js';
import type { RequestLog } from './request-log.js';

/**
 * A running simulator. Family simulators extend it with their own state type,
 * credentials and helpers (`interface TritonSim extends Sim<TritonState, …> { … }`).
 */
export interface Sim<S = unknown, C extends Record<string, unknown> = Record<string, unknown>> {
  /** Family name, e.g. `'demo'`. */
  readonly name: string;
  /**
   * Base URL to give a client for in-process use. Relative URLs passed to `fetch`
   * resolve against it. The host never hits the network (`.invalid` is reserved).
   */
  readonly url: string;
  /**
   * A `fetch` that never leaves the process; plug it into any opskit client. Injected
   * faults behave like their network counterparts. Safe to pass around unbound.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /**
   * Lower-level entry for transports (e.g. `opskit/node`'s `serve`): logs the request,
   * applies faults and routes it, and describes the result, including resets and
   * truncations a plain `Response` cannot express. Unbound use is safe.
   */
  handle(request: Request): Promise<SimOutcome>;
  /** The clock every state machine reads. */
  readonly clock: Clock;
  /** Fault injection queue, applied before routing. */
  readonly faults: Faults;
  /** Requests received, newest last, bounded. */
  readonly requests: RequestLog;
  /** The family's in-memory state; tests may read and modify it directly. */
  readonly state: S;
  /** Credentials a client needs to log in (e.g. `{ username, password }`). */
  readonly credentials: C;
}
