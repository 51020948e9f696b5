import type { HttpError, HttpErrorInit } from '../../../core/errors/http-error.js';
import { ClientError } from './client-error.js';
import { FAULT_CLASSES, STATUS_CLASSES, type FaultClass } from './fault-classes.js';

/** The `{ "<faultName>": { code, message, details } }` of a Synnefo error body, when it is one. */
export function faultOf(body: unknown): { name: string; code?: unknown; message?: unknown; details?: unknown; [field: string]: unknown } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const name = Object.keys(body)[0];
  if (name === undefined) return undefined;
  const inner = (body as Record<string, unknown>)[name];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return undefined;
  return { ...(inner as Record<string, unknown>), name };
}

/**
 * The core's `errorDetails` for Synnefo: the fault name as vendor code and `fault.message` as
 * vendor message (plain-text bodies give their first 500 characters as the message).
 */
export function synnefoErrorDetails(body: unknown): { code?: string; message?: string } | undefined {
  const fault = faultOf(body);
  if (fault) return { code: fault.name, ...(typeof fault.message === 'string' ? { message: fault.message } : {}) };
  if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 500) };
  return undefined;
}

/** The ClientError subclass for a fault name, else for the HTTP status, else ClientError itself. */
export function faultClassFor(fault: string | undefined, status: number): FaultClass {
  return (fault !== undefined ? FAULT_CLASSES[fault] : undefined) ?? STATUS_CLASSES[status] ?? ClientError;
}

/**
 * The core's `errorFactory` for every Synnefo service: a {@link ClientError} subclass chosen by
 * the fault name of the body (`itemNotFound` → `ItemNotFound`, `overLimit` → `OverLimit`, …) or,
 * for bodies without one (a bare 405, an empty 404, an HTML 502), by status.
 */
export function synnefoErrorFor(init: HttpErrorInit): HttpError {
  const Class = faultClassFor(faultOf(init.body)?.name, init.status);
  return new Class(init);
}
