import { ConfigError } from '../../core/errors/config-error.js';
import type { AuthHandler, PreparedRequest } from '../../core/types.js';

// Visible ASCII only: a header value with CR/LF, spaces or non-ASCII makes fetch throw a TypeError
// that quotes the value, which would put the token in an error message.
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

/**
 * Checks a token's shape without ever echoing it: undefined is allowed (no token), anything else
 * must be a non-empty string of visible ASCII characters.
 */
export function checkToken(where: string, token: unknown): string | undefined {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string') throw new ConfigError(`${where}: token must be a string, got ${Array.isArray(token) ? 'an array' : typeof token}`);
  if (token === '') throw new ConfigError(`${where}: token is empty`);
  if (!TOKEN_SHAPE.test(token)) throw new ConfigError(`${where}: token contains whitespace, control or non-ASCII characters, which an X-Auth-Token header cannot carry`);
  return token;
}

/**
 * Synnefo's auth as a core AuthHandler: `X-Auth-Token: <token>` on every attempt, unless the
 * request already carries one (kamaki's `setdefault`). The token, and any other value the client
 * learns is secret (an OAuth2 access token being validated, a client secret), is declared through
 * `secrets()`, so logs, errors and dry runs never show it.
 */
export class TokenAuth implements AuthHandler {
  /** The token sent; change it to switch users (later calls use the new one). */
  token: string | undefined;
  readonly #extra = new Set<string>();

  constructor(token?: string) {
    this.token = token;
  }

  sign(request: PreparedRequest): void {
    if (this.token && !request.headers.has('x-auth-token')) request.headers.set('X-Auth-Token', this.token);
  }

  secrets(): string[] {
    return this.token ? [this.token, ...this.#extra] : [...this.#extra];
  }

  /** Remember another secret value to scrub (empty and short values are ignored by the redactor). */
  addSecret(value: string | undefined): void {
    if (value) this.#extra.add(value);
  }

  /** Never show the token when the handler itself is printed. */
  toJSON(): Record<string, unknown> {
    return { type: 'X-Auth-Token', token: this.token ? '[REDACTED]' : undefined };
  }
}
