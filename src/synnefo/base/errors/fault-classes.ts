import type { ClientError } from './client-error.js';
import { NotModified } from './not-modified.js';
import { BadRequest } from './bad-request.js';
import { Unauthorized } from './unauthorized.js';
import { Forbidden } from './forbidden.js';
import { ResizeNotAllowed } from './resize-not-allowed.js';
import { ItemNotFound } from './item-not-found.js';
import { FeatureNotEnabled } from './feature-not-enabled.js';
import { NotAllowed } from './not-allowed.js';
import { Conflict } from './conflict.js';
import { BuildInProgress } from './build-in-progress.js';
import { LengthRequired } from './length-required.js';
import { PreconditionFailed } from './precondition-failed.js';
import { RequestEntityTooLarge } from './request-entity-too-large.js';
import { OverLimit } from './over-limit.js';
import { BadMediaType } from './bad-media-type.js';
import { RangeNotSatisfiable } from './range-not-satisfiable.js';
import { NetworkInUse } from './network-in-use.js';
import { UnprocessableEntity } from './unprocessable-entity.js';
import { InternalServerError } from './internal-server-error.js';
import { NotImplemented } from './not-implemented.js';
import { ServiceUnavailable } from './service-unavailable.js';

/** A ClientError subclass (they all share ClientError's constructors). */
export type FaultClass = new (...args: ConstructorParameters<typeof ClientError>) => ClientError;

/** The error class of every Synnefo fault name (protocol §1.9; the server's faults.py hierarchy). */
export const FAULT_CLASSES: Readonly<Record<string, FaultClass>> = Object.freeze({
  badRequest: BadRequest,
  unauthorized: Unauthorized,
  forbidden: Forbidden,
  resizeNotAllowed: ResizeNotAllowed,
  itemNotFound: ItemNotFound,
  featureNotEnabled: FeatureNotEnabled,
  notAllowed: NotAllowed,
  conflict: Conflict,
  buildInProgress: BuildInProgress,
  lengthRequired: LengthRequired,
  preconditionFailed: PreconditionFailed,
  requestEntityTooLarge: RequestEntityTooLarge,
  overLimit: OverLimit,
  badMediaType: BadMediaType,
  rangeNotSatisfiable: RangeNotSatisfiable,
  networkInUse: NetworkInUse,
  unprocessableEntity: UnprocessableEntity,
  internalServerError: InternalServerError,
  notImplemented: NotImplemented,
  serviceUnavailable: ServiceUnavailable,
});

/** The error class for a status when the body names no known fault (a bare 405, an empty 404). */
export const STATUS_CLASSES: Readonly<Record<number, FaultClass>> = Object.freeze({
  304: NotModified,
  400: BadRequest,
  401: Unauthorized,
  403: Forbidden,
  404: ItemNotFound,
  405: NotAllowed,
  409: Conflict,
  411: LengthRequired,
  412: PreconditionFailed,
  413: RequestEntityTooLarge,
  415: BadMediaType,
  416: RangeNotSatisfiable,
  421: NetworkInUse,
  422: UnprocessableEntity,
  500: InternalServerError,
  501: NotImplemented,
  503: ServiceUnavailable,
});
