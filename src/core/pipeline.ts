import { AbortError } from './errors/abort-error.js';
import { ConfigError } from './errors/config-error.js';
import { NetworkError } from './errors/network-error.js';
import { OpsError } from './errors/ops-error.js';
import type { RequestInfo } from './errors/request-info.js';
import { ResponseError } from './errors/response-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { BufferedResponse } from './buffered-response.js';
import { DryRunSignal, type DryRunRequest } from './dry-run.js';
import { LightRequest } from './light-request.js';
import { emit } from './log.js';
import { Redactor } from './redact.js';
import { isRedirect, nextHop, resolveRedirects, type Hop } from './redirects.js';
import { methodMayRetry, parseRetryAfter, resolveRetry, retryDelay, type ResolvedRetry } from './retry-policy.js';
import { CallSignal } from './call-signal.js';
import { scrubError } from './scrub-error.js';
import { TimeoutReason } from './timeout-reason.js';
import { sleep as defaultSleep } from './sleep.js';
import type { AuthHandler, AuthResult, CoreOptions, PreparedRequest, TimeoutOptions } from './types.js';

/** The top-level JSON type a 2xx body must have (from the spec), or `any`. */
export type ResponseShape = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'any';

/** Per-call facts the pipeline needs besides the Request itself. */
export interface CallInfo {
  op: string;
  idempotent?: boolean | undefined;
  timeout?: number | TimeoutOptions | false | undefined;
  signal?: AbortSignal | undefined;
  /**
   * The signal given to openapi-fetch in the init (`api.GET(url, { signal })`). Set by the client;
   * when the whole CallInfo is absent, the Request's own signal is watched instead.
   */
  fetchSignal?: AbortSignal | undefined;
  /** Leave the response body unread (streaming downloads); the attempt timeout then ends at headers. */
  stream?: boolean | undefined;
  /** The caller's redirect mode (`manual` reads a 302 instead of following it). Default `follow`. */
  redirect?: RequestRedirect | undefined;
  /** What the spec promises a 2xx JSON body is, checked when the body is parsed. */
  shape?: ResponseShape | undefined;
}

export interface PipelineOptions extends CoreOptions {
  auth?: AuthHandler | undefined;
}

/** 64 MiB: far above any API page, far below what hurts a browser tab. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * A call's redactor, built on first use: only errors, log events and dry runs need one, and
 * building it for every successful call cost more than the rest of the bookkeeping.
 */
type LazyRedactor = () => Redactor;

/** The redacted request behind a response, and the redactor that knows its secrets, for error messages. */
const requestOf = new WeakMap<Response, { req: PreparedRequest; op: string; redactor: LazyRedactor; shape: ResponseShape | undefined }>();
export function requestInfoOf(response: Response): { info: RequestInfo; redactor: Redactor; shape: ResponseShape | undefined } | undefined {
  const known = requestOf.get(response);
  if (!known) return undefined;
  // Computed only when an error needs it: redaction is too costly for every successful call.
  const { req, op, shape } = known;
  const redactor = known.redactor();
  return { info: { op, method: req.method, url: redactor.url(req.url), headers: redactor.headers(req.headers) }, redactor, shape };
}

/** The shape the spec promises for this response's body (cheap: no redaction). */
export function expectedShapeOf(response: Response): { op: string; shape: ResponseShape | undefined } | undefined {
  return requestOf.get(response);
}

export const DEFAULT_TIMEOUT: Required<TimeoutOptions> = { attempt: 30_000, total: 120_000 };

const NO_TIMEOUT: Required<TimeoutOptions> = { attempt: Infinity, total: Infinity };

export function resolveTimeout(t: number | TimeoutOptions | false | undefined, base: Required<TimeoutOptions> = DEFAULT_TIMEOUT): Required<TimeoutOptions> {
  if (t === undefined) return base;
  if (t === false) return NO_TIMEOUT;
  if (typeof t === 'number') return { ...base, attempt: t };
  return { attempt: t.attempt ?? base.attempt, total: t.total ?? base.total };
}

/** The signal auth schemes see when nothing can abort the call (built on first use: no work at import). */
let never: AbortSignal | undefined;
const NEVER = (): AbortSignal => (never ??= new AbortController().signal);

const NO_SIGNALS: readonly AbortSignal[] = [];

/** Statuses whose responses must not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Failures that happen before a connection exists: the server cannot have seen the request. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED']);

/** How far one attempt got, for telling "never sent" from "the server may have acted". */
interface Progress {
  /** The request reached fetch. */
  sent: boolean;
  /** Status of a reply whose headers arrived. */
  status?: number | undefined;
}

/**
 * A call's reply. `bytes` is the whole body, read inside the attempt (absent for streams, HEAD and
 * bodiless statuses); `response` is then the runtime's own Response with its body consumed, unless
 * someone may read the body again (the public `run`, an auth scheme's `onResponse`, middleware),
 * who get a `BufferedResponse` (a `Response`) serving those bytes.
 */
export interface Reply {
  response: Response;
  bytes: Uint8Array<ArrayBuffer> | undefined;
}

type AttemptOutcome = { response: Response; bytes: Uint8Array<ArrayBuffer> | undefined; sent: PreparedRequest; error?: undefined } | { error: OpsError; response?: undefined };

/**
 * The request pipeline, in DESIGN.md order: dry run → auth → retry → timeout → log → fetch.
 * Retry owns the attempt loop; auth and everything inside it run again on every attempt, so each
 * try is signed afresh (dates, nonces) and the buffered body is replayed. Redirects are followed
 * here too (never by fetch), so every hop is signed for its own URL and no credential leaves the
 * origin.
 */
export function createPipeline(options: PipelineOptions) {
    const policy: ResolvedRetry = resolveRetry(options.retry);
  const redirects = resolveRedirects(options.redirects);
  const timeouts = resolveTimeout(options.timeout);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(maxBytes > 0)) throw new ConfigError(`maxResponseBytes must be a positive number of bytes, got ${String(options.maxResponseBytes)}`);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const auth = options.auth;
  const secrets = new Redactor(options.secrets, undefined, options.publicNames);

  // The platform's fetch takes the URL and init directly: building a Request first would make it
  // build a second one (with a second signal to follow) from ours.
  const send: (url: string, init: RequestInit) => Promise<Response> = options.fetch
    ? ((custom) => (url, init) => custom(new Request(url, init)))(options.fetch)
    : (url, init) => globalThis.fetch(url, init);

  /** Sends one call (every attempt) and resolves with its response, body readable. */
  async function run(request: Request | LightRequest, callInfo: CallInfo): Promise<Response> {
    return (await call(request, callInfo, true)).response;
  }

  /**
   * Sends one call; the reply's bytes come separately (see {@link Reply}). `readable`: the caller
   * may read the response body itself, so it must be a BufferedResponse.
   */
  async function call(request: Request | LightRequest, callInfo: CallInfo, readable: boolean): Promise<Reply> {
    // Operation names come from path templates, but a caller may have put a secret in a literal path.
    // Copied field by field: a spread followed by more fields (`{ ...callInfo, op }`) makes V8
    // build a new object shape per call, which cost more than the rest of this function.
    const info: CallInfo = {
      op: secrets.scrub(callInfo.op),
      idempotent: callInfo.idempotent,
      timeout: callInfo.timeout,
      signal: callInfo.signal,
      fetchSignal: callInfo.fetchSignal,
      stream: callInfo.stream,
      redirect: callInfo.redirect ?? request.redirect,
      shape: callInfo.shape,
    };
    const prepared: PreparedRequest = {
      method: request.method.toUpperCase(),
      url: request.url,
      // Not copied: every attempt signs its own copy (see `sign`), this one is never modified.
      headers: request.headers,
      body: undefined,
    };
    if (request instanceof LightRequest) {
      if (request.bodyInit !== null) {
        const { bytes, contentType } = await request.bytes();
        prepared.body = bytes;
        // What a real Request would have added (a FormData boundary, a text type).
        if (contentType && !request.headers.has('content-type')) request.headers.set('content-type', contentType);
      }
    } else if (request.body) {
      prepared.body = new Uint8Array(await request.arrayBuffer());
    }
    const redactor = lazyRedactor();

    // 1. dry run: sign once, describe, send nothing.
    if (options.dryRun) throw new DryRunSignal(await describe(prepared, info, redactor()));

    const t = resolveTimeout(info.timeout, timeouts);
    const deadline = Number.isFinite(t.total) && t.total > 0 ? Date.now() + t.total : Infinity;
    const fetchSignal = 'fetchSignal' in callInfo ? callInfo.fetchSignal : (request.signal ?? undefined);
    const callerSignals = options.signal || info.signal || fetchSignal ? [options.signal, info.signal, fetchSignal].filter((s): s is AbortSignal => s !== undefined) : NO_SIGNALS;
    const signal = new CallSignal(callerSignals, deadline, t.total);
    try {
      return await attempts(prepared, info, t, deadline, signal, redactor, readable || auth?.onResponse !== undefined);
    } finally {
      signal.dispose();
    }
  }

  async function attempts(
    prepared: PreparedRequest, info: CallInfo, t: Required<TimeoutOptions>, deadline: number, callSignal: CallSignal, redactor: LazyRedactor, readable: boolean,
  ): Promise<Reply> {
    const mayRetry = methodMayRetry(policy, prepared.method, info.idempotent);
    let reauthed = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(prepared, info, attempt, t, callSignal, redactor, readable);
      if (outcome.response) {
        const response = outcome.response;
        const reply: Reply = { response, bytes: outcome.bytes };
        if (auth?.onResponse && !reauthed) {
          const again = await auth.onResponse(response, outcome.sent, { op: info.op, attempt, now, signal: callSignal.current ?? NEVER() });
          if (again === 'retry') {
            reauthed = true;
            await response.body?.cancel().catch(() => {});
            attempt--; // a re-login is not a retry
            continue;
          }
        }
        // `attempt` is also the number this retry would have (the first retry follows attempt 1).
        if (!policy.statusCodes.has(response.status) || attempt > policy.retries || !mayRetry) return reply;
        const delay = retryDelay(policy, attempt, parseRetryAfter(response.headers.get('retry-after'), now()));
        // A wait the call's budget cannot afford ends it now, with the server's answer, not at the deadline.
        if (delay === undefined || Date.now() + delay >= deadline) return reply;
        await response.body?.cancel().catch(() => {});
        await backoff(info, prepared, attempt, delay, `HTTP ${response.status}`, callSignal, redactor);
        continue;
      }
      const error = outcome.error;
      const retryable =
        (error instanceof NetworkError || (error instanceof TimeoutError && error.scope === 'attempt')) &&
        policy.networkErrors &&
        attempt <= policy.retries &&
        mayRetry;
      if (!retryable) throw error;
      const delay = retryDelay(policy, attempt, undefined) ?? 0;
      if (Date.now() + delay >= deadline) throw error;
      await backoff(info, prepared, attempt, delay, error.message, callSignal, redactor);
    }
  }

  /**
   * Signs a copy of the request for one attempt (a scheme that adds headers never sees its own
   * output again). Resolves synchronously-signed requests without an extra promise turn.
   */
  function sign(prepared: PreparedRequest, info: CallInfo, attempt: number, signal: AbortSignal): Signed | Promise<Signed> {
    const req: PreparedRequest = { method: prepared.method, url: prepared.url, headers: new Headers(prepared.headers), body: prepared.body };
    if (!auth) return { req, result: undefined };
    let out: AuthResult | void | Promise<AuthResult | void>;
    try {
      out = auth.sign(req, { op: info.op, attempt, now, signal });
    } catch (e) {
      throw signFailure(e, info.op);
    }
    if (out && typeof (out as Promise<unknown>).then === 'function') return signedLater(out as Promise<AuthResult | void>, req, info.op);
    return { req: (out as AuthResult | undefined)?.request ?? req, result: (out as AuthResult | undefined) ?? undefined };
  }

  async function describe(prepared: PreparedRequest, info: CallInfo, redactor: Redactor): Promise<DryRunRequest> {
    const { req, result } = await sign(prepared, info, 1, NEVER());
    const reveal = options.reveal === true;
    const headers = redactor.headers(req.headers, reveal);
    const url = redactor.url(req.url, reveal);
    const body = redactor.body(req.body, req.headers.get('content-type'), reveal);
    const extra = result?.extra ? (redactor.value(result.extra, reveal) as Record<string, unknown>) : {};
    const signed = result?.signed === undefined ? undefined : reveal ? result.signed : redactor.scrub(result.signed);
    // The op names the path template, which may itself carry a query with a secret the URL pass just learned.
    const op = reveal ? info.op : redactor.scrub(info.op);
    // The scheme's fields first, then ours over them (Object.assign: a spread followed by more
    // fields costs microseconds per call in V8).
    return Object.assign({}, extra, { dryRun: true as const, op, method: req.method, url, headers, body, signed });
  }

  async function attemptOnce(
    prepared: PreparedRequest,
    info: CallInfo,
    attempt: number,
    t: Required<TimeoutOptions>,
    callSignal: CallSignal,
    redactor: LazyRedactor,
    readable: boolean,
  ): Promise<AttemptOutcome> {
    const signal = callSignal.arm(t.attempt);
    const started = now();
    const progress: Progress = { sent: false };
    const follow = redirects.follow && (info.redirect ?? 'follow') === 'follow';
    let sent: PreparedRequest | undefined;
    try {
      let hop: Hop = { request: prepared, signed: true };
      for (let hops = 0; ; hops++) {
        let req = hop.request;
        if (hop.signed) {
          const signing = sign(req, info, attempt, signal ?? NEVER());
          req = (signing instanceof Promise ? await signing : signing).req;
        }
        sent = req;
        // Signing may itself take time (a login); don't start a request that is already out of time.
        signal?.throwIfAborted();
        if (options.logger) {
          emit(options.logger, {
            type: 'request', op: info.op, attempt, method: req.method, url: redactor().url(req.url), time: started,
            headers: redactor().headers(req.headers), body: redactor().body(req.body, req.headers.get('content-type')),
          });
        }
        const init: RequestInit = {
          method: req.method, headers: req.headers, body: (req.body ?? null) as BodyInit | null,
          // Never 'follow': fetch would re-send our credentials to wherever the server points.
          redirect: info.redirect === 'error' ? 'error' : 'manual',
        };
        if (signal) init.signal = signal;
        progress.sent = true;
        const raw = await callSignal.race(send(req.url, init));
        progress.status = raw.status;
        if (follow && isRedirect(raw)) {
          await raw.body?.cancel().catch(() => {});
          hop = nextHop(info.op, raw, req, prepared, hops, redirects, redactor());
          progress.sent = false;
          progress.status = undefined;
          continue;
        }
        // Reading the body inside the attempt puts it under the attempt timeout and lets a truncated
        // body be retried like any other network failure.
        // A HEAD reply has no body to read, and its Content-Length describes the resource: keep it as is.
        const bytes = info.stream || req.method === 'HEAD' || NULL_BODY.has(raw.status) || raw.type === 'opaqueredirect' ? undefined : await readBody(raw, info.op, callSignal, maxBytes);
        const response = bytes && readable ? new BufferedResponse(bytes, raw, info.op, redactor) : raw;
        requestOf.set(response, { req, op: info.op, redactor, shape: info.shape });
        if (options.logger) {
          emit(options.logger, {
            type: 'response', op: info.op, attempt, method: req.method, url: redactor().url(req.url), time: now(),
            status: response.status, durationMs: now() - started, headers: redactor().headers(response.headers),
          });
        }
        return { response, bytes, sent: req };
      }
    } catch (e) {
      const error = classify(e, info.op, signal, redactor(), sent, progress);
      if (options.logger) {
        const req = sent ?? prepared;
        emit(options.logger, {
          type: 'error', op: info.op, attempt, method: req.method, url: redactor().url(req.url), time: now(),
          error: { name: error.name, message: error.message, code: error.code },
        });
      }
      return { error };
    } finally {
      callSignal.settle();
    }
  }

  /** Wait before the next attempt; stop at once on abort. The caller checked the deadline. */
  async function backoff(
    info: CallInfo, req: PreparedRequest, attempt: number, delayMs: number, reason: string, callSignal: CallSignal, redactor: LazyRedactor,
  ) {
    if (options.logger) {
      emit(options.logger, {
        type: 'retry', op: info.op, attempt, method: req.method, url: redactor().url(req.url), time: now(),
        delayMs, reason: redactor().scrub(reason),
      });
    }
    const signal = callSignal.arm(Infinity);
    try {
      await callSignal.race(sleep(delayMs, signal));
    } catch (e) {
      throw classify(e, info.op, signal, redactor(), undefined, { sent: false });
    } finally {
      callSignal.settle();
    }
  }

  /**
   * A per-call redactor: the client's secrets plus the auth scheme's current ones, read now because
   * they can appear after the client is built (a token from a login).
   */
  function currentRedactor(): Redactor {
    const redactor = secrets.fork();
    if (auth?.secrets) for (const s of auth.secrets()) redactor.add(s);
    return redactor;
  }

  /** {@link currentRedactor}, built on first use and then kept for the rest of the call. */
  function lazyRedactor(): LazyRedactor {
    let built: Redactor | undefined;
    return () => (built ??= currentRedactor());
  }

  return { run, call, redactor: currentRedactor };
}

/**
 * What signing threw, as the caller sees it. A runtime error here is typically `Headers.set`
 * refusing a value, and its message quotes that value: the very credential being set. Name the
 * problem, never the text.
 */
function signFailure(e: unknown, op: string): unknown {
  if (e instanceof OpsError || e instanceof DryRunSignal) return e;
  return new ConfigError(
    `${op}: the auth scheme could not sign the request (${e instanceof Error ? e.name : 'error'}): a credential or ` +
      'header value it produced is not a valid HTTP header value (CR, LF, NUL or a non-Latin-1 character), or the signer failed',
  );
}

/** A request signed for one attempt, and what the scheme said about it. */
interface Signed {
  req: PreparedRequest;
  result: AuthResult | undefined;
}

async function signedLater(pending: Promise<AuthResult | void>, req: PreparedRequest, op: string): Promise<Signed> {
  let result: AuthResult | void;
  try {
    result = await pending;
  } catch (e) {
    throw signFailure(e, op);
  }
  return { req: result?.request ?? req, result: result ?? undefined };
}

/**
 * The response body read into memory (under the call's signal), at most `maxBytes`: a declared
 * length above the cap fails before reading, a body of unknown length stops at the cap.
 */
async function readBody(raw: Response, op: string, signal: CallSignal, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = raw.headers.get('content-length');
  const length = declared === null ? 0 : Number(declared);
  if (length > maxBytes) {
    await raw.body?.cancel().catch(() => {});
    throw tooLarge(op, maxBytes, length);
  }
  return readCapped(raw, op, signal, maxBytes, Number.isSafeInteger(length) && length > 0 ? length : 0);
}

function tooLarge(op: string, maxBytes: number, size?: number): ResponseError {
  return new ResponseError(op, `the reply body is ${size === undefined ? 'larger than' : `${size} bytes, more than`} maxResponseBytes (${maxBytes}); stream it instead (parseAs: 'stream')`);
}

/**
 * The body, read chunk by chunk (a reader costs less than `arrayBuffer()` for small replies, and
 * lets an endless reply stop at the cap). A declared length is read straight into one buffer of
 * that size: each byte is copied once after the socket, and nothing else is held meanwhile.
 */
async function readCapped(raw: Response, op: string, signal: CallSignal, maxBytes: number, declared: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!raw.body) return new Uint8Array(0);
  const reader = raw.body.getReader();
  let out = declared > 0 ? new Uint8Array(declared) : undefined;
  let chunks: Uint8Array[] | undefined;
  let total = 0;
  // No releaseLock once the body is read to its end: the stream is closed, and releasing costs
  // more than the rest of the read. An abort or the cap cancels the reader instead.
  for (;;) {
    const { done, value } = await signal.race(reader.read(), reader);
    // A body cut short by an abort is never taken for the whole body.
    signal.current?.throwIfAborted();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(op, maxBytes);
    }
    if (out && total + value.byteLength <= out.byteLength) out.set(value, total);
    else {
      // No length, or more than was declared: keep the chunks and join them at the end.
      chunks ??= out ? [out.subarray(0, total)] : [];
      out = undefined;
      chunks.push(value);
    }
    total += value.byteLength;
  }
  if (out) return total === out.byteLength ? out : out.slice(0, total);
  const only = chunks?.[0];
  if (!chunks || !only) return new Uint8Array(0);
  if (chunks.length === 1 && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only as Uint8Array<ArrayBuffer>;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.byteLength;
  }
  return joined;
}

/**
 * Map whatever fetch or a timer threw to one of our errors, never leaking a secret: the redactor
 * first learns the credentials of the request that was on the wire (its secret headers and query
 * parameters), so a runtime message quoting them is scrubbed even when no logger ever asked.
 */
function classify(e: unknown, op: string, signal: AbortSignal | undefined, redactor: Redactor, sent: PreparedRequest | undefined, progress: Progress): OpsError {
  if (e instanceof OpsError) return e;
  if (e instanceof DryRunSignal) throw e;
  if (sent) {
    redactor.headers(sent.headers);
    redactor.url(sent.url);
  }
  const scrub = (text: string) => redactor.scrub(text);
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  const outcomeUnknown = progress.sent && !neverConnected(e);
  if (reason instanceof TimeoutReason) return new TimeoutError(op, reason.ms, reason.scope, { outcomeUnknown });
  if (signal?.aborted) return new AbortError(op, reason, { outcomeUnknown });
  const detail = e instanceof Error ? `${e.message}${causeText(e)}` : String(e);
  return new NetworkError(op, scrub(detail), { cause: scrubError(e, scrub), outcomeUnknown, status: progress.status });
}

/** True when the runtime says the connection never opened (so nothing reached the server). */
function neverConnected(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur instanceof Error && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
  }
  return false;
}

function causeText(e: Error): string {
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) return ` (${(cause as { code?: string }).code ?? cause.message})`;
  return '';
}
