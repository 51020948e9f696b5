import { AbortError } from './errors/abort-error.js';
import { NetworkError } from './errors/network-error.js';
import { OpsError } from './errors/ops-error.js';
import type { RequestInfo } from './errors/request-info.js';
import { TimeoutError } from './errors/timeout-error.js';
import { BufferedResponse } from './buffered-response.js';
import { DryRunSignal, type DryRunRequest } from './dry-run.js';
import { emit } from './log.js';
import { Redactor } from './redact.js';
import { methodMayRetry, parseRetryAfter, resolveRetry, retryDelay, type ResolvedRetry } from './retry-policy.js';
import { attemptSignal } from './attempt-signal.js';
import { TimeoutReason } from './timeout-reason.js';
import { sleep as defaultSleep } from './sleep.js';
import type { AuthHandler, CallContext, CoreOptions, PreparedRequest, TimeoutOptions } from './types.js';

/** Per-call facts the pipeline needs besides the Request itself. */
export interface CallInfo {
  op: string;
  idempotent?: boolean | undefined;
  timeout?: number | TimeoutOptions | undefined;
  signal?: AbortSignal | undefined;
  /** Leave the response body unread (streaming downloads); the attempt timeout then ends at headers. */
  stream?: boolean | undefined;
  /** The caller's redirect mode (`manual` reads a 302 instead of following it). Default `follow`. */
  redirect?: RequestRedirect | undefined;
}

export interface PipelineOptions extends CoreOptions {
  auth?: AuthHandler | undefined;
}

/** The redacted request behind a response, and the redactor that knows its secrets, for error messages. */
const requestOf = new WeakMap<Response, { req: PreparedRequest; op: string; redactor: Redactor }>();
export function requestInfoOf(response: Response): { info: RequestInfo; redactor: Redactor } | undefined {
  const known = requestOf.get(response);
  if (!known) return undefined;
  // Computed only when an error needs it: redaction is too costly for every successful call.
  const { req, op, redactor } = known;
  return { info: { op, method: req.method, url: redactor.url(req.url), headers: redactor.headers(req.headers) }, redactor };
}

export const DEFAULT_TIMEOUT: Required<TimeoutOptions> = { attempt: 30_000, total: 120_000 };

export function resolveTimeout(t: number | TimeoutOptions | undefined, base: Required<TimeoutOptions> = DEFAULT_TIMEOUT): Required<TimeoutOptions> {
  if (t === undefined) return base;
  if (typeof t === 'number') return { ...base, attempt: t };
  return { attempt: t.attempt ?? base.attempt, total: t.total ?? base.total };
}

/** Statuses whose responses must not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The request pipeline, in DESIGN.md order: dry run → auth → retry → timeout → log → fetch.
 * Retry owns the attempt loop; auth and everything inside it run again on every attempt, so each
 * try is signed afresh (dates, nonces) and the buffered body is replayed.
 */
export function createPipeline(options: PipelineOptions) {
  const baseFetch = options.fetch ?? ((r: Request) => globalThis.fetch(r));
  const policy: ResolvedRetry = resolveRetry(options.retry);
  const timeouts = resolveTimeout(options.timeout);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const auth = options.auth;
  const secrets = new Redactor(options.secrets, undefined, options.publicNames);

  async function run(request: Request, callInfo: CallInfo): Promise<Response> {
    // Operation names come from path templates, but a caller may have put a secret in a literal path.
    const info: CallInfo = { ...callInfo, op: secrets.scrub(callInfo.op), redirect: callInfo.redirect ?? request.redirect };
    const prepared: PreparedRequest = {
      method: request.method.toUpperCase(),
      url: request.url,
      // Not copied: every attempt signs its own copy (see `sign`), this one is never modified.
      headers: request.headers,
      body: request.body ? new Uint8Array(await request.arrayBuffer()) : undefined,
    };
    const redactor = currentRedactor();

    // 1. dry run: sign once, describe, send nothing.
    if (options.dryRun) throw new DryRunSignal(await describe(prepared, info, redactor));

    const t = resolveTimeout(info.timeout, timeouts);
    const deadline = Number.isFinite(t.total) && t.total > 0 ? Date.now() + t.total : Infinity;
    const callerSignals = [options.signal, info.signal, request.signal].filter((s): s is AbortSignal => s !== undefined);
    let reauthed = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(prepared, info, attempt, t, deadline, callerSignals, redactor);
      if (outcome.response) {
        const response = outcome.response;
        if (auth?.onResponse && !reauthed) {
          const again = await auth.onResponse(response, outcome.sent, { op: info.op, attempt, now, signal: request.signal });
          if (again === 'retry') {
            reauthed = true;
            await response.body?.cancel().catch(() => {});
            attempt--; // a re-login is not a retry
            continue;
          }
        }
        // `attempt` is also the number this retry would have (the first retry follows attempt 1).
        if (!policy.statusCodes.has(response.status) || attempt > policy.retries || !methodMayRetry(policy, prepared.method, info.idempotent)) {
          return response;
        }
        const delay = retryDelay(policy, attempt, parseRetryAfter(response.headers.get('retry-after'), now()));
        if (delay === undefined) return response;
        await response.body?.cancel().catch(() => {});
        await backoff(info, prepared, attempt, delay, `HTTP ${response.status}`, deadline, t.total, callerSignals, redactor);
        continue;
      }
      const error = outcome.error;
      const retryable =
        (error instanceof NetworkError || (error instanceof TimeoutError && error.scope === 'attempt')) &&
        policy.networkErrors &&
        attempt <= policy.retries &&
        methodMayRetry(policy, prepared.method, info.idempotent);
      if (!retryable) throw error;
      await backoff(info, prepared, attempt, retryDelay(policy, attempt, undefined) ?? 0, error.message, deadline, t.total, callerSignals, redactor);
    }
  }

  function ctxFor(info: CallInfo, attempt: number, signal: AbortSignal): CallContext {
    return { op: info.op, attempt, now, signal };
  }

  async function sign(prepared: PreparedRequest, info: CallInfo, attempt: number, signal: AbortSignal) {
    // Each attempt signs a copy, so a scheme that adds headers never sees its own output again.
    let req: PreparedRequest = { ...prepared, headers: new Headers(prepared.headers) };
    const result = auth ? await auth.sign(req, ctxFor(info, attempt, signal)) : undefined;
    if (result?.request) req = result.request;
    return { req, result: result ?? undefined };
  }

  async function describe(prepared: PreparedRequest, info: CallInfo, redactor: Redactor): Promise<DryRunRequest> {
    const { req, result } = await sign(prepared, info, 1, new AbortController().signal);
    const reveal = options.reveal === true;
    const headers = redactor.headers(req.headers, reveal);
    const url = redactor.url(req.url, reveal);
    const body = redactor.body(req.body, req.headers.get('content-type'), reveal);
    const extra = result?.extra ? (redactor.value(result.extra, reveal) as Record<string, unknown>) : {};
    const signed = result?.signed === undefined ? undefined : reveal ? result.signed : redactor.scrub(result.signed);
    return { ...extra, dryRun: true, op: info.op, method: req.method, url, headers, body, signed };
  }


  async function attemptOnce(
    prepared: PreparedRequest,
    info: CallInfo,
    attempt: number,
    t: Required<TimeoutOptions>,
    deadline: number,
    callerSignals: readonly AbortSignal[],
    redactor: Redactor,
  ): Promise<{ response: Response; sent: PreparedRequest; error?: undefined } | { error: OpsError; response?: undefined }> {
    const signal = attemptSignal(callerSignals, t.attempt, deadline, t.total);
    const started = now();
    let sent: PreparedRequest | undefined;
    try {
      const { req } = await sign(prepared, info, attempt, signal.signal);
      sent = req;
      // Signing may itself take time (a login); don't start a request that is already out of time.
      signal.signal.throwIfAborted();
      if (options.logger) {
        emit(options.logger, {
          type: 'request', op: info.op, attempt, method: req.method, url: redactor.url(req.url), time: started,
          headers: redactor.headers(req.headers), body: redactor.body(req.body, req.headers.get('content-type')),
        });
      }
      const raw = await abortable(
        baseFetch(new Request(req.url, { method: req.method, headers: req.headers, body: (req.body ?? null) as BodyInit | null, signal: signal.signal, redirect: info.redirect ?? 'follow' })),
        signal.signal,
        () => {},
      );
      // Reading the body inside the attempt puts it under the attempt timeout and lets a truncated
      // body be retried like any other network failure.
      const response = info.stream || NULL_BODY.has(raw.status) ? raw : await buffered(raw, info.op, redactor, signal.signal);
      requestOf.set(response, { req, op: info.op, redactor });
      if (options.logger) {
        emit(options.logger, {
          type: 'response', op: info.op, attempt, method: req.method, url: redactor.url(req.url), time: now(),
          status: response.status, durationMs: now() - started, headers: redactor.headers(response.headers),
        });
      }
      return { response, sent: req };
    } catch (e) {
      const error = classify(e, info.op, signal.signal, redactor);
      if (options.logger) {
        const req = sent ?? prepared;
        emit(options.logger, {
          type: 'error', op: info.op, attempt, method: req.method, url: redactor.url(req.url), time: now(),
          error: { name: error.name, message: error.message, code: error.code },
        });
      }
      return { error };
    } finally {
      signal.dispose();
    }
  }

  /** Wait before the next attempt; never past the call's deadline, and stop at once on abort. */
  async function backoff(
    info: CallInfo, req: PreparedRequest, attempt: number, delayMs: number, reason: string,
    deadline: number, totalMs: number, callerSignals: readonly AbortSignal[], redactor: Redactor,
  ) {
    emit(options.logger, {
      type: 'retry', op: info.op, attempt, method: req.method, url: redactor.url(req.url), time: now(),
      delayMs, reason: redactor.scrub(reason),
    });
    const remaining = deadline - Date.now();
    const signal = attemptSignal(callerSignals, Infinity, Infinity, totalMs);
    try {
      await sleep(Math.max(0, Math.min(delayMs, remaining)), signal.signal);
    } catch (e) {
      throw classify(e, info.op, signal.signal, redactor);
    } finally {
      signal.dispose();
    }
    if (delayMs >= remaining) throw new TimeoutError(info.op, totalMs, 'total');
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

  return { run, redactor: currentRedactor };
}

/** The response with its body read into memory (under the attempt's signal). */
async function buffered(raw: Response, op: string, redactor: Redactor, signal: AbortSignal): Promise<Response> {
  const buf = await abortable(raw.arrayBuffer(), signal, () => raw.body?.cancel().catch(() => {}));
  return new BufferedResponse(new Uint8Array(buf), raw, op, (text) => redactor.scrub(text));
}

/**
 * Settle with `work`, or reject with the signal's reason as soon as it aborts: not every fetch (a
 * simulator's, a user's) ties its body stream to the request signal.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  if (signal.aborted) {
    // The work was started anyway (its argument was evaluated); it will reject too, unobserved.
    work.catch(() => {});
    onAbort();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

/** Map whatever fetch or a timer threw to one of our errors, never leaking a secret in the message. */
function classify(e: unknown, op: string, signal: AbortSignal, redactor: Redactor): OpsError {
  if (e instanceof OpsError) return e;
  if (e instanceof DryRunSignal) throw e;
  const reason: unknown = signal.aborted ? signal.reason : undefined;
  if (reason instanceof TimeoutReason) return new TimeoutError(op, reason.ms, reason.scope);
  if (signal.aborted) return new AbortError(op, reason);
  const detail = e instanceof Error ? `${e.message}${causeText(e)}` : String(e);
  return new NetworkError(op, redactor.scrub(detail));
}

function causeText(e: Error): string {
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) return ` (${(cause as { code?: string }).code ?? cause.message})`;
  return '';
}
