import type { HttpError, HttpErrorInit } from '../../../core/errors/http-error.js';
import { faultOf } from '../../base/errors/error-for.js';
import { AstakosClientError } from './astakos-client-error.js';
import { QuotaLimit } from './quota-limit.js';

/**
 * The core `errorFactory` of every Astakos call: {@link QuotaLimit} for a 413 (a refused
 * commission), {@link AstakosClientError} for anything else (kamaki wraps every astakosclient
 * exception in that one class; `status` and `fault` tell them apart).
 */
export function astakosErrorFor(init: HttpErrorInit): HttpError {
  if (init.status === 413 || faultOf(init.body)?.name === 'overLimit') return new QuotaLimit(init);
  return new AstakosClientError(init);
}
