import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sim } from '../sim/index.js';
import { originOf, toRequest } from './to-request.js';
import { writeOutcome } from './write-outcome.js';

/** A node:http request listener. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Adapts a simulator to node:http, for mounting it in your own server. `fallbackOrigin`
 * is used when a request has no usable Host header.
 */
export function createNodeHandler(sim: Pick<Sim, 'handle'>, fallbackOrigin = 'http://localhost'): NodeHandler {
  return (req, res) => {
    const controller = new AbortController();
    // 'close' before the response finished means the client (or server shutdown) cut
    // the connection; aborting lets slow faults and handlers stop waiting.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new DOMException('client disconnected', 'AbortError'));
    });
    void respond(sim, req, res, fallbackOrigin, controller.signal);
  };
}

async function respond(
  sim: Pick<Sim, 'handle'>,
  req: IncomingMessage,
  res: ServerResponse,
  fallbackOrigin: string,
  signal: AbortSignal,
): Promise<void> {
  try {
    let request: Request;
    try {
      request = toRequest(req, originOf(req, fallbackOrigin), signal);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request\n');
      return;
    }
    const outcome = await sim.handle(request);
    if (res.destroyed) return;
    await writeOutcome(outcome, res, request.method);
  } catch {
    // Aborted by the client, or a body stream broke mid-way: nothing useful can be
    // sent any more except, when nothing was sent yet, a 500.
    if (signal.aborted || res.destroyed) return;
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('simulator error\n');
    else res.destroy();
  }
}
