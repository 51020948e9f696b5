import { ClientError } from './client-error.js';

/** `badRequest` (400): malformed JSON, a missing or wrong attribute or Content-Type, an unknown URL (Synnefo answers 400, not 404, for those), a bad `changes-since`. */
export class BadRequest extends ClientError {
  override name = 'BadRequest';
}
