import { ConfigError } from './errors/config-error.js';

// Printable ASCII only. fetch refuses CR, LF and NUL in a header (and its TypeError quotes the whole
// value, which for Authorization is a replayable signature); code points above U+00FF cannot be
// sent at all, and Latin-1 bytes are read differently by different servers. Nothing an identity
// (a keyId, an account, an e-mail) or a version header legitimately holds needs more.
const HEADER_SAFE = /^[\x20-\x7e]*$/;
// An HTTP field name (RFC 9110 token), or the pseudo-header HTTP Signatures sign.
const HEADER_NAME = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|\(request-target\))$/;

function problem(value: string): string {
  if (/[\r\n]/.test(value)) return 'a line break (CR or LF)';
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'a control character';
  return 'a non-ASCII character';
}

/**
 * Refuses a value that cannot travel in an HTTP header, naming the option and never quoting the
 * value. Runs when a client is built, so nothing is ever signed with it.
 * @throws ConfigError
 */
export function checkHeaderValue(where: string, option: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new ConfigError(`${where}: ${option} must be a string, not ${value === null ? 'null' : typeof value}`);
  if (!HEADER_SAFE.test(value)) throw new ConfigError(`${where}: ${option} contains ${problem(value)}, which an HTTP header cannot carry`);
}

/** Refuses a header name that is not an HTTP token (signHeaders, custom headers). @throws ConfigError */
export function checkHeaderName(where: string, option: string, name: unknown): void {
  if (typeof name !== 'string' || !HEADER_NAME.test(name)) {
    throw new ConfigError(`${where}: ${option} holds a header name that is not an HTTP token`);
  }
}

/** Checks the `headers` client option: token names, header-safe values. @throws ConfigError */
export function checkHeaders(where: string, headers: unknown): void {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) throw new ConfigError(`${where}: headers must be an object of name → value`);
  for (const [name, value] of Object.entries(headers)) {
    checkHeaderName(where, 'headers', name);
    checkHeaderValue(where, `headers[${JSON.stringify(name)}]`, value);
  }
}
