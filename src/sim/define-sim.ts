import { concatBytes } from '../crypto/bytes/concat-bytes.js';
import { createClock, type Clock } from './clock.js';
import { applyFault } from './apply-fault.js';
import { codeForStatus, defaultErrorBody, errorResponse, type ErrorBody } from './errors.js';
import { createFaults, type Faults } from './faults.js';
import { outcomeToResponse, type SimOutcome } from './outcome.js';
import { createRandom, type RandomSource } from './random.js';
import { createRequestLog, type RequestLog } from './request-log.js';
import type { Sim } from './sim.js';

/** Anything that answers web-standard requests: a hono app, or a hand-written router. */
export interface SimRouter {
  fetch(request: Request): Response | Promise<Response>;
}

/** What a family's `build` function receives. */
export interface SimContext<S, C> {
  readonly name: string;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly faults: Faults;
  readonly requests: RequestLog;
  readonly state: S;
  readonly credentials: C;
  readonly errorBody: ErrorBody;
}

/** Options of {@link defineSim}. */
export interface DefineSimOptions<S, C> {
  /** Initial state (the object is kept, not copied). */
  state?: S;
  /** Credentials exposed as `sim.credentials`. */
  credentials?: C;
  /** Clock; defaults to a real clock. */
  clock?: Clock;
  /** Random source; defaults to `createRandom(seed)`. */
  random?: RandomSource;
  /** Seed for the default random source (deterministic ids, tokens and cursors). */
  seed?: number;
  /** Request log capacity (default 1000). */
  requestLogSize?: number;
  /** Longest body text kept per logged request, in characters (default 65 536). */
  logBodyLimit?: number;
  /** Error body shape for injected faults (default `{ code, message }`). */
  errorBody?: ErrorBody;
  /** Base URL for in-process use (default `http://<name>.sim.invalid`). */
  url?: string;
}

/**
 * Wires a family's router into a {@link Sim}: clock, random source, fault injection
 * before routing, and the request log. A family writes only its routes:
 *
 * ```ts
 * const sim = defineSim('demo', (ctx) => {
 *   const app = createSimApp();
 *   app.get('/ping', (c) => c.json({ now: ctx.clock.now() }));
 *   return app;
 * }, { state: { items: createCollection() }, credentials: { password: 'x' } });
 * ```
 */
export function defineSim<S = undefined, C extends Record<string, unknown> = Record<string, never>>(
  name: string,
  build: (ctx: SimContext<S, C>) => SimRouter,
  options: DefineSimOptions<S, C> = {},
): Sim<S, C> {
  const clock = options.clock ?? createClock();
  const random = options.random ?? createRandom(options.seed);
  const faults = createFaults();
  const requests = createRequestLog({ capacity: options.requestLogSize ?? 1000 });
  const errorBody = options.errorBody ?? defaultErrorBody;
  const bodyLimit = options.logBodyLimit ?? 65_536;
  const state = options.state as S;
  const credentials = (options.credentials ?? {}) as C;
  const url = options.url ?? `http://${name}.sim.invalid`;
  const router = build({ name, clock, random, faults, requests, state, credentials, errorBody });

  const route = async (request: Request): Promise<Response> => {
    try {
      return await router.fetch(request);
    } catch (err) {
      // Routers normally catch their own errors; this is the last line for custom ones.
      return errorResponse(errorBody, 500, codeForStatus(500), `simulator error: ${(err as Error)?.message}`);
    }
  };

  const handle = async (request: Request): Promise<SimOutcome> => {
    const parsed = new URL(request.url);
    const entry = requests.record({
      time: clock.now(),
      method: request.method,
      url: request.url,
      path: parsed.pathname,
      headers: Object.fromEntries(request.headers),
      body: await logBody(request, bodyLimit),
      status: null,
    });
    const fault = faults.take(request.method, parsed.pathname);
    if (fault !== undefined) entry.fault = fault.kind;
    const outcome = await applyFault(fault, request, route, errorBody);
    if (outcome.type === 'response') entry.status = outcome.response.status;
    else if (outcome.type === 'truncate') entry.status = outcome.status;
    return outcome;
  };

  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = toRequest(input, init, url);
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    // A real fetch rejects as soon as its signal aborts, whatever the server is doing.
    const outcome = await raceAbort(handle(request), signal);
    return outcomeToResponse(outcome);
  };

  return { name, url, fetch, handle, clock, faults, requests, state, credentials };
}

function toRequest(input: Request | string | URL, init: RequestInit | undefined, base: string): Request {
  if (typeof input === 'string' || input instanceof URL) return new Request(new URL(input, base), init);
  // Duck-typed rather than instanceof: a polyfilled or foreign-realm Request is still a Request.
  return init === undefined ? input : new Request(input, init);
}

async function logBody(request: Request, limit: number): Promise<string> {
  if (request.body === null) return '';
  // Only the first `limit` bytes are read (a 256 MiB upload must not become a 256 MiB string);
  // the clone's branch is cancelled then, the request's own body stays whole for the router.
  const reader = request.clone().body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // An upload aborted half-way still deserves a log entry.
  } finally {
    // Not awaited: a tee branch's cancel settles only once the other branch is cancelled too,
    // and the router reads that one to the end.
    reader.cancel().catch(() => {});
  }
  const text = new TextDecoder().decode(concatBytes(...chunks).subarray(0, limit));
  return text.length > limit ? text.slice(0, limit) : text;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

