import { sleep } from '../core/sleep.js';
import { codeForStatus, type ErrorBody } from './errors.js';
import type { FaultSpec } from './faults.js';
import type { SimOutcome } from './outcome.js';

/**
 * Turns a request and the fault it drew (if any) into an outcome. Faults run before
 * routing so they need no cooperation from a family's routes; `'slow'` and
 * `'truncate'` still route the request, around the delay or the cut.
 */
export async function applyFault(
  fault: Readonly<FaultSpec> | undefined,
  request: Request,
  route: (request: Request) => Promise<Response>,
  errorBody: ErrorBody,
): Promise<SimOutcome> {
  switch (fault?.kind) {
    case undefined:
      return { type: 'response', response: await route(request) };
    case 'reset':
      return { type: 'reset' };
    case 'status':
    case 'rate-limit': {
      const status = fault.kind === 'rate-limit' ? 429 : (fault.status ?? 503);
      const retryAfter = fault.retryAfter ?? (fault.kind === 'rate-limit' ? 1 : undefined);
      const body =
        fault.body !== undefined
          ? fault.body
          : errorBody(status, codeForStatus(status), `injected fault: ${status} ${codeForStatus(status)}`);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const headers = new Headers({ 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
      if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
      return { type: 'response', response: new Response(text, { status, headers }) };
    }
    case 'slow':
      // Real time on purpose: the point is to exercise the client's timers, not the sim's clock.
      await sleep(fault.delayMs ?? 1000, request.signal);
      return { type: 'response', response: await route(request) };
    case 'truncate': {
      const response = await route(request);
      const body = new Uint8Array(await response.arrayBuffer());
      return {
        type: 'truncate',
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        body,
        bytes: Math.floor(fault.bytes ?? 0),
      };
    }
  }
}
