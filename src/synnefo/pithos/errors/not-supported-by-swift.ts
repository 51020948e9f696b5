import { OpsError } from '../../../core/errors/ops-error.js';

/**
 * A Pithos-only operation refused before anything is sent, because the server is a plain
 * OpenStack Swift (its containers have no `X-Container-Block-Hash`). On Swift these requests are
 * accepted and silently do the wrong thing (a hashmap PUT stores the JSON as the object,
 * `X-Move-From` creates an empty object, a `Content-Range` POST changes nothing and wipes meta).
 */
export class NotSupportedBySwift extends OpsError {
  override name = 'NotSupportedBySwift';
  constructor(readonly operation: string, why: string) {
    super(`${operation} needs a Pithos+ server; this is a plain OpenStack Swift (${why}). Nothing was sent.`, { code: 'NOT_SUPPORTED_BY_SWIFT' });
  }
}
