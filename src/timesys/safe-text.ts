import { ConfigError } from '../core/errors/config-error.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses a text option that no request could carry intact: a control character (CR, LF, NUL, …)
 * or a lone UTF-16 surrogate, which has no UTF-8 form (`quote_plus` would throw a URIError, and an
 * HMAC key would silently become U+FFFD and sign wrong). Names the option, never quotes the value:
 * it may be the API key. Non-ASCII is fine here: LLAPI carries the e-mail and tokens in the form
 * body or query, percent-encoded, never in a header.
 * @throws ConfigError
 */
export function checkText(where: string, option: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new ConfigError(`${where}: ${option} must be a string, not ${value === null ? 'null' : typeof value}`);
  if (CONTROL.test(value)) throw new ConfigError(`${where}: ${option} contains a control character (CR, LF, NUL, …)`);
  if (LONE_SURROGATE.test(value)) throw new ConfigError(`${where}: ${option} contains a lone UTF-16 surrogate, which has no UTF-8 form`);
}

/** Why a parameter value cannot be sent (a lone surrogate), or undefined. */
export function unsendable(value: unknown): boolean {
  return typeof value === 'string' && LONE_SURROGATE.test(value);
}
