import { RequestEntityTooLarge } from './request-entity-too-large.js';

/** `overLimit` (413): the request would exceed a quota (an Astakos commission was refused). */
export class OverLimit extends RequestEntityTooLarge {
  override name = 'OverLimit';
}
