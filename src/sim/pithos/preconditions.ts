import { parseHttpDate } from './encoding.js';
import { preconditionFailed, SynnefoFault } from './faults.js';
import type { ObjectVersion } from './model.js';
import type { PithosRequest } from './request.js';

const etagList = (v: string) => v.split(',').map((s) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));

/** 304 with the ETag (If-None-Match matched on a read). */
export class NotModified extends Error {
  constructor(readonly etag: string | undefined) {
    super('Not modified');
  }
}

/**
 * S `validate_matching_preconditions` and `validate_modification_preconditions`. On reads a
 * matching If-None-Match is 304; on writes it is 412 (create-only `If-None-Match: *`).
 */
export function checkPreconditions(req: PithosRequest, v: ObjectVersion | undefined, etag: string | undefined, write: boolean): void {
  const ifMatch = req.header('if-match');
  if (ifMatch !== undefined) {
    if (!v) throw preconditionFailed('Object does not exist');
    if (ifMatch.trim() !== '*' && !etagList(ifMatch).includes(etag ?? '')) throw preconditionFailed();
  }
  const ifNoneMatch = req.header('if-none-match');
  if (ifNoneMatch !== undefined && v) {
    if (ifNoneMatch.trim() === '*' || etagList(ifNoneMatch).includes(etag ?? '')) {
      if (write) throw preconditionFailed('Resource exists or ETag matches');
      throw new NotModified(etag);
    }
  }
  if (!v || write) return;
  const mtime = Math.floor(v.mtime / 1000);
  const since = parseHttpDate(req.header('if-modified-since'));
  if (since !== undefined && mtime <= Math.floor(since / 1000)) throw new NotModified(undefined);
  const unmodified = parseHttpDate(req.header('if-unmodified-since'));
  if (unmodified !== undefined && mtime > Math.floor(unmodified / 1000)) throw preconditionFailed('Resource has been modified');
}

export { SynnefoFault };
