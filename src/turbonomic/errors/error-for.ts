import { HttpError, type HttpErrorInit } from '../../core/errors/http-error.js';
import { HTTP400Error } from './http400-error.js';
import { HTTP401Error } from './http401-error.js';
import { HTTP404Error } from './http404-error.js';
import { HTTP500Error } from './http500-error.js';
import { HTTP502Error } from './http502-error.js';
import { HTTP503Error } from './http503-error.js';

/**
 * The upstream-named error for a non-2xx status, by status CLASS: upstream meant ranges but its
 * `status / 100 == 2` test only matches exact codes (see docs/compat.md).
 * Checked in upstream's order: 503, 502, 5xx, 401, 404, 4xx, anything else.
 */
export function turboErrorFor(init: HttpErrorInit): HttpError {
  const s = init.status;
  if (s === 503) return new HTTP503Error(init);
  if (s === 502) return new HTTP502Error(init);
  if (s >= 500) return new HTTP500Error(init);
  if (s === 401) return new HTTP401Error(init);
  if (s === 404) return new HTTP404Error(init);
  if (s >= 400) return new HTTP400Error(init);
  return new HttpError(init);
}

/** Turbonomic error bodies are `{ type, message, exception? }`. */
export function turboErrorDetails(body: unknown): { code?: string; message?: string } | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? { message: body.slice(0, 500) } : undefined;
  const b = body as Record<string, unknown>;
  const code = typeof b.type === 'string' ? b.type : typeof b.code === 'string' ? b.code : undefined;
  const message = typeof b.message === 'string' ? b.message : undefined;
  return code || message ? { ...(code ? { code } : {}), ...(message ? { message } : {}) } : undefined;
}
