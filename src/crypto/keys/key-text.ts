import { checkWellFormed, fail, type ErrorFactory } from '../args/check.js';
import { KeyParseError } from '../errors/key-parse-error.js';

const keyError: ErrorFactory = (message) => new KeyParseError(message);

/**
 * Key text as a function received it, checked: a non-empty, well-formed string, or (when
 * `acceptBytes`) its bytes, decoded as UTF-8. Anything else is a KeyParseError naming `what`.
 */
export function keyText(input: unknown, what: string, acceptBytes = true): string {
  let text: string;
  if (acceptBytes && input instanceof Uint8Array) text = new TextDecoder().decode(input);
  else if (typeof input === 'string') text = checkWellFormed(input, what, keyError);
  else fail(what, acceptBytes ? 'key text (a string) or its bytes (a Uint8Array)' : 'key text (a string)', input, keyError);
  if (text.trim() === '') throw keyError(`${what} is empty`);
  return text;
}
