import type { Context, Hono } from 'hono';
import { createSimApp } from '../app.js';
import { SynnefoFault } from './host.js';

/**
 * HTTP conventions every Cyclades service shares (protocol §1.9): JSON replies with
 * `Content-Type: application/json; charset=UTF-8` and `Vary: X-Auth-Token`, fault bodies,
 * JSON request bodies that must say so in `Content-Type`, and `changes-since`.
 */

/** Seconds a `changes-since` value may reach back (Synnefo's POLL_LIMIT). */
export const POLL_LIMIT_MS = 3600_000;

const JSON_TYPE = 'application/json; charset=UTF-8';

/** A JSON reply as Synnefo sends it. */
export function reply(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(data);
  return new Response(body, {
    status,
    headers: { 'content-type': JSON_TYPE, vary: 'X-Auth-Token', 'cache-control': 'no-cache, no-store, must-revalidate, max-age=0', ...headers },
  });
}

/**
 * A reply with no body. `Content-Length: 0` is explicit because clients (openapi-fetch among
 * them) tell "no body" from "a JSON body" by it, and Django always sends it.
 */
export function empty(status: number, headers: Record<string, string> = {}): Response {
  const h: Record<string, string> = { vary: 'X-Auth-Token', ...headers };
  if (status !== 204 && status !== 304) {
    h['content-length'] = '0';
    h['content-type'] ??= JSON_TYPE;
  }
  return new Response(null, { status, headers: h });
}

/** Shorthands for the faults of protocol §1.9. */
export const fault = {
  badRequest: (message: string) => new SynnefoFault(400, 'badRequest', message),
  forbidden: (message: string) => new SynnefoFault(403, 'forbidden', message),
  itemNotFound: (message: string) => new SynnefoFault(404, 'itemNotFound', message),
  featureNotEnabled: (message: string) => new SynnefoFault(404, 'featureNotEnabled', message),
  conflict: (message: string) => new SynnefoFault(409, 'conflict', message),
  buildInProgress: (message: string) => new SynnefoFault(409, 'buildInProgress', message),
  overLimit: (message: string) => new SynnefoFault(413, 'overLimit', message),
  networkInUse: (message: string) => new SynnefoFault(421, 'networkInUse', message),
  notImplemented: (message: string) => new SynnefoFault(501, 'notImplemented', message),
  serviceUnavailable: (message: string) => new SynnefoFault(503, 'serviceUnavailable', message),
};

/** `Malformed request. Missing attribute 'x'.` — Synnefo's `get_attribute`, with its wording. */
export function attribute<T = unknown>(
  obj: unknown,
  name: string,
  type?: 'string' | 'object' | 'array' | 'boolean' | 'number',
  required = true,
): T | undefined {
  const value = obj && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>)[name] : undefined;
  if (value === undefined || value === null) {
    if (required) throw fault.badRequest(`Malformed request. Missing attribute '${name}'.`);
    return undefined;
  }
  if (type) {
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (actual !== type) throw fault.badRequest(`Malformed request. Invalid '${name}' field`);
  }
  return value as T;
}

/** The JSON body of a request, checked like Synnefo's `get_json_body`. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type === undefined) throw fault.badRequest('Missing Content-Type header field');
  if (!type.startsWith('application/json')) throw fault.badRequest(`Unsupported Content-type: '${type}'`);
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fault.badRequest('Could not decode request body as JSON');
  }
}

/** Synnefo's ISO 8601 timestamps (`…+00:00`). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/**
 * The `changes-since` of a request, checked as Synnefo's `isoparse` does: invalid, future and
 * older-than-an-hour values are 400. Undefined when absent.
 */
export function changesSince(c: Context, now: number): number | undefined {
  const raw = c.req.query('changes-since');
  if (raw === undefined || raw === '') return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) throw fault.badRequest('Invalid changes-since parameter.');
  if (ms > now) throw fault.badRequest('changes-since value set in the future.');
  if (now - ms > POLL_LIMIT_MS) throw fault.badRequest('Too old changes-since value.');
  return ms;
}

/**
 * Synnefo's `filter_modified_since`: without `since`, the live objects; with it, every object
 * (deleted ones too) updated at or after it, and a 304 when there is none.
 */
export function modifiedSince<T extends { updated: number; deleted: boolean }>(items: Iterable<T>, since: number | undefined): T[] {
  const all = [...items];
  if (since === undefined) return all.filter((x) => !x.deleted);
  const changed = all.filter((x) => x.updated >= since);
  if (changed.length === 0) throw new NotModified();
  return changed;
}

/** Thrown to answer 304 Not Modified with no body. */
export class NotModified extends Error {
  override name = 'NotModified';
}

/**
 * A service app: faults become fault bodies, an unknown URL is 400 "API endpoint not found"
 * (when the service is fetched directly; mounted, the host answers it), crashes are 500 faults.
 */
export function createServiceApp(): Hono {
  const app = createSimApp() as unknown as Hono;
  app.notFound(() => fault.badRequest('API endpoint not found').toResponse());
  app.onError((err) => {
    if (err instanceof SynnefoFault) return err.toResponse();
    if (err instanceof NotModified) return empty(304);
    return new SynnefoFault(500, 'internalServerError', `simulator error: ${err.message}`).toResponse();
  });
  return app;
}

/**
 * Answers 405 for the other methods of a known route. Compute and network send a `notAllowed`
 * fault with `Allow`; Plankton and block storage a bare Django 405 (protocol §1.9).
 */
export function methodNotAllowed(app: Hono, path: string, allowed: readonly string[], bare = false): void {
  app.all(path, () => {
    const allow = allowed.join(', ');
    if (bare) return new Response(null, { status: 405, headers: { allow } });
    return new SynnefoFault(405, 'notAllowed', 'Method not allowed', '', { allow }).toResponse();
  });
}
