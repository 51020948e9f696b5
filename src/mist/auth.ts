import { ConfigError } from '../core/errors/config-error.js';
import { checkHeaderValue } from '../core/header-safe.js';
import type { AuthHandler } from '../core/types.js';

/** How a token travels: `mist_1 <email>:<token>` (mist.client 0.1.1) or the raw token (later servers). */
export type TokenScheme = 'mist_1' | 'raw';

/**
 * Refuses a value that cannot travel in the Authorization header (the core's check: control
 * characters, CR/LF, non-ASCII), and an empty one or one with surrounding spaces. The value is
 * never quoted in the message.
 * @throws ConfigError naming `what`.
 */
export function checkHeaderSafe(where: string, what: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value === '') throw new ConfigError(`${where}: ${what} must be a non-empty string`);
  checkHeaderValue(where, what, value);
  // A runtime trims these off a header value, which would change the token or the email.
  if (value.trim() !== value) throw new ConfigError(`${where}: ${what} starts or ends with a space`);
}

/**
 * The one auth state of a MistClient, shared by every Backend, Machine and Key it makes (C14
 * copied the token into each object when it was built, so objects made before a login never sent
 * it). Holds the secrets the redactor must scrub: the token, the header, passwords and private
 * keys this client has sent.
 */
export class MistAuthState {
  email: string | undefined;
  #token: string | undefined;
  #scheme: TokenScheme = 'mist_1';
  readonly #secrets = new Set<string>();

  /** Sets (or, with undefined, drops) the token. */
  setToken(token: string | undefined, scheme: TokenScheme): void {
    this.#token = token;
    this.#scheme = scheme;
    if (token !== undefined) {
      this.#secrets.add(token);
      const header = this.header();
      if (header !== undefined) this.#secrets.add(header);
    }
  }

  /** Whether requests carry a token. */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  get scheme(): TokenScheme {
    return this.#scheme;
  }

  /** The Authorization value, or undefined (no header at all: standalone servers). */
  header(): string | undefined {
    if (this.#token === undefined) return undefined;
    if (this.#scheme === 'raw') return this.#token;
    return `mist_1 ${this.email ?? ''}:${this.#token}`;
  }

  /**
   * Remembers a secret value (a password, a private key) so it is scrubbed from logs, errors and
   * dry runs: as written, as it reads inside JSON text (a server echoing a request body), and, for
   * a multi-line secret such as a PEM key, line by line (an echo may re-wrap it).
   */
  addSecret(value: string | undefined): void {
    if (typeof value !== 'string' || value.trim() === '') return;
    this.#secrets.add(value);
    const inJson = JSON.stringify(value).slice(1, -1);
    if (inJson !== value) this.#secrets.add(inJson);
    if (value.includes('\n')) {
      for (const line of value.split(/\r?\n/)) if (line.trim().length >= 16 && !line.startsWith('-----')) this.#secrets.add(line.trim());
    }
  }

  secrets(): Iterable<string> {
    return this.#secrets;
  }
}

/** Operations sent without the token (logging in). */
const ANONYMOUS_OPS = new Set(['MistClient.login']);

/**
 * The core AuthHandler over a {@link MistAuthState}: reads the state on every attempt, so a login
 * or a new token reaches every object at once; sends no Authorization header without a token.
 */
export function mistAuth(state: MistAuthState): AuthHandler {
  return {
    sign(request, ctx) {
      const header = ANONYMOUS_OPS.has(ctx.op) ? undefined : state.header();
      if (header === undefined) request.headers.delete('authorization');
      else request.headers.set('authorization', header);
    },
    secrets: () => state.secrets(),
  };
}
