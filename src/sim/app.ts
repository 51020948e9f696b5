import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import { codeForStatus, defaultErrorBody, errorResponse, type ErrorBody } from './errors.js';

/**
 * Thrown from a route to answer with a JSON error in the simulator's error shape.
 * Lets deep helpers (auth checks, body parsing) fail without threading `c` around.
 */
export class SimError extends Error {
  override name = 'SimError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * A hono app with JSON 404/500 handlers in the given error shape. Uses hono's tiny
 * preset (pattern router) because simulators ship in the browser bundle and have few routes.
 */
export function createSimApp(errorBody: ErrorBody = defaultErrorBody): Hono {
  const app = new Hono();
  app.notFound((c) =>
    errorResponse(errorBody, 404, 'NotFound', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`),
  );
  app.onError((err) => {
    if (err instanceof SimError) return errorResponse(errorBody, err.status, err.code, err.message, err.headers);
    // A crash in a simulator is a bug in it; answer like a real server would, with a 500.
    return errorResponse(errorBody, 500, codeForStatus(500), `simulator error: ${err.message}`);
  });
  return app;
}

/**
 * Parses the JSON body of a request, or throws a 400 `SimError` (code `InvalidJson`).
 * With `optional`, an empty body yields `undefined` instead of an error.
 */
export async function readJson(c: Context, options: { optional?: boolean } = {}): Promise<unknown> {
  const text = await c.req.text();
  if (options.optional && text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimError(400, 'InvalidJson', 'request body is not valid JSON');
  }
}

/** The token of an `Authorization: Bearer <token>` header, or `undefined`. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const m = header === undefined ? null : /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
