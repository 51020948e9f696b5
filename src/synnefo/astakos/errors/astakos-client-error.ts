import { ClientError } from '../../base/errors/client-error.js';

/**
 * kamaki's `AstakosClientError`: every failure of an Astakos call (a ClientError, so
 * `catch (e instanceof ClientError)` catches it too). `status` says which (400 bad request, 401
 * bad token, 403 forbidden, 404 not found, 409 conflict, 413 over quota, 500 for catalog and
 * lookup failures); `fault` and `details` come from the fault body (protocol §1.4).
 * Subclasses: {@link QuotaLimit}, {@link NoEndpoints}, {@link NoUserName}, {@link NoUUID}.
 */
export class AstakosClientError extends ClientError {
  override name = 'AstakosClientError';
}
