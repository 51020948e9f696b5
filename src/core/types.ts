import type { LogEvent } from './log.js';
import type { PathStyle } from './path-params.js';
import type { ResponseShape } from './pipeline.js';

/** One operation's facts from a spec (generated `*.meta.ts`, one export per operation). */
export interface OperationMeta {
  operationId: string;
  idempotent?: boolean;
  paginate?: 'cursor' | 'offset' | 'marker';
  /** Path parameters that are not plain identifiers (`x-opskit-path`): free text or slash-separated names. */
  pathStyles?: Readonly<Record<string, PathStyle>>;
  /** Top-level JSON type of every 2xx JSON reply the spec describes (absent: not checked). */
  shape?: ResponseShape;
}

/** A request as the chain sees it: the body is bytes so every attempt can replay it. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Headers;
  body?: Uint8Array | undefined;
}

/** What the chain knows of the call besides the request. */
export interface CallContext {
  /** Operation name for messages: operationId or `METHOD /path/{template}`. */
  op: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** The client's clock (ms since epoch). */
  now: () => number;
  /** Signal of this attempt (caller's, total and per-attempt timeouts merged). */
  signal: AbortSignal;
}

/** What an auth scheme returns for one attempt. */
export interface AuthResult {
  /** A replacement request (new URL, body or headers); the input may also be changed in place. */
  request?: PreparedRequest;
  /** The exact signing input, shown by dry run as `signed`. */
  signed?: string;
  /** Scheme-specific fields added to the dry-run record (e.g. `hmacMsg`, `data`). */
  extra?: Record<string, unknown>;
}

/**
 * An auth scheme. `sign` runs on every attempt (dates and nonces change); `onResponse` may ask
 * for one more try after fixing state (a lost session logging in again), at most once per call.
 */
export interface AuthHandler {
  sign(request: PreparedRequest, ctx: CallContext): AuthResult | void | Promise<AuthResult | void>;
  onResponse?(response: Response, request: PreparedRequest, ctx: CallContext): 'retry' | void | Promise<'retry' | void>;
  /** Secret values this scheme holds (keys, passwords), scrubbed from logs and errors. */
  secrets?(): Iterable<string>;
}

export type Auth = AuthHandler | AuthHandler['sign'];

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** Methods retried by default. Default GET, HEAD, PUT, DELETE, OPTIONS. */
  methods?: readonly string[];
  /** Statuses retried. Default 408, 429, 500, 502, 503, 504. */
  statusCodes?: readonly number[];
  /** Retry when fetch itself fails (refused, reset). Default true. */
  networkErrors?: boolean;
  /** First backoff ceiling in ms; doubles per retry (full jitter picks 0..ceiling). Default 300. */
  baseDelay?: number;
  /** Backoff ceiling in ms. Default 10 000. */
  maxDelay?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one ends retrying with the error. Default 60 000. */
  maxRetryAfter?: number;
  /** Fixed delay instead of backoff (upstream-style "every 5 s"). */
  fixedDelay?: number;
  /** Retry every method, POST included (only for APIs where that is known to be safe). */
  allMethods?: boolean;
  /** Source of randomness for jitter, in [0,1). Default crypto.getRandomValues. */
  random?: () => number;
}

export interface TimeoutOptions {
  /** Per attempt, ms. Default 30 000. */
  attempt?: number;
  /** Whole call including retries and backoff, ms. Default 120 000. */
  total?: number;
}

/** How the pipeline treats redirects (it follows them itself, so each hop is re-signed). */
export interface RedirectOptions {
  /** Most hops per request. Default 5. */
  max?: number;
  /**
   * Follow a redirect to another origin. Default false (a `RedirectError`). When true, the hop
   * carries no credential: it is not signed and loses every secret-looking header.
   */
  crossOrigin?: boolean;
}

export type Logger = ((event: LogEvent) => void) | { log(event: LogEvent): void };

/** Options every opskit client takes. */
export interface CoreOptions {
  /** fetch to use (a simulator's `fetch` in tests). Default globalThis.fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Resolve every call with the request it would send, and send nothing. */
  dryRun?: boolean;
  /** Show secrets in dry-run output (never in logs or errors). */
  reveal?: boolean;
  /** Retry policy, or false for none. */
  retry?: RetryOptions | false;
  /** Timeouts in ms; a number is the per-attempt timeout; `false` for none at all. */
  timeout?: number | TimeoutOptions | false;
  /** Structured events (request, response, retry, error), secrets redacted. Off by default. */
  logger?: Logger;
  /** Clock, ms since epoch. Default Date.now. */
  now?: () => number;
  /** Caller's signal for every call of this client (merged with per-call signals). */
  signal?: AbortSignal;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
  /** Extra secret values to scrub from logs, errors and dry runs. */
  secrets?: Iterable<string>;
  /**
   * Parameter/field names that look secret (`*_token`, `*_key`) but are public identifiers in
   * this API, so dry runs and logs show them. Secret headers are always redacted.
   */
  publicNames?: Iterable<string>;
  /**
   * Largest response body read into memory, in bytes (streamed downloads are exempt); a bigger
   * one is a `ResponseError`. Default 64 MiB.
   */
  maxResponseBytes?: number;
  /** Redirect handling; `false` hands 3xx replies to the caller. Default `{ max: 5, crossOrigin: false }`. */
  redirects?: RedirectOptions | false;
  /** `sleep` used between retries (tests inject a fake). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Per-call information a facade passes alongside an openapi-fetch call. */
export interface CallOptions {
  /** Operation name for messages and logs (defaults to `METHOD /path/{template}`). */
  op?: string;
  /** Mark a POST/PATCH as safe to retry. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Override the client's timeouts for this call (`false`: none). */
  timeout?: number | TimeoutOptions | false;
  /**
   * The operation's generated meta (its export in `<api>.meta.ts`): names the call, marks it
   * idempotent, gives its path styles and reply shape without the whole operation table.
   */
  meta?: OperationMeta;
}
