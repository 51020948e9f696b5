import { homedir } from 'node:os';
import { join } from 'node:path';
import { KeyParseError } from '../../crypto/errors/key-parse-error.js';
import { InvalidToken } from '../../crypto/errors/invalid-token.js';
import { Fernet } from '../../crypto/fernet/fernet.js';
import { encodeAuth } from '../../turbonomic/auth-string.js';
import { CredentialError } from './credential-error.js';
import { commit, discard, exists, readText, stage, type Staged } from './files.js';

/** vmt-connect's default folder, `~/.turbo_services_api_creds`. */
export function defaultCredentialDir(): string {
  return join(homedir(), '.turbo_services_api_creds');
}

/** Options of {@link Credential}. */
export interface CredentialOptions {
  /** Key file (default `~/.turbo_services_api_creds/.key`). */
  keyPath?: string | undefined;
  /** Credential file (default `~/.turbo_services_api_creds/.cred`). */
  credPath?: string | undefined;
  /** Mode of new files (default 0o600). */
  mode?: number | undefined;
}

/** Options of {@link Credential.set} and {@link Credential.create}. */
export interface CredentialWriteOptions {
  /** Key to encrypt with (default: the key file's, or a new one). */
  key?: string | undefined;
  /** Replace existing files (default false: an existing file is an error). */
  overwrite?: boolean | undefined;
}

/** A login: the auth string `base64("user:pass")`, or its parts. */
export type CredentialMessage = string | { username: string; password: string };

/**
 * vmt-connect's encrypted credential store (v3.6.2 `security.Credential`): a Fernet key file and
 * a credential file holding the Fernet token of `base64("user:password")`, both exact ASCII with
 * no newline, readable by and compatible with Python's `cryptography`. `get()` returns the auth
 * string for `new Connection({ host, auth })`.
 *
 * Unlike upstream, writing never replaces an existing file unless `overwrite: true` (upstream
 * silently keeps the old credential), new files are always mode 0600, files are replaced
 * atomically, and every failure happens before anything is written.
 *
 * @example
 * ```ts
 * const cred = new Credential();
 * await cred.create({ username: 'administrator', password });
 * const conn = new Connection({ host, auth: await cred.get() });
 * ```
 */
export class Credential {
  readonly keyPath: string;
  readonly credPath: string;
  readonly mode: number;
  #key: string | undefined;
  #keyIsNew = false;

  constructor(options: CredentialOptions = {}) {
    const dir = defaultCredentialDir();
    this.keyPath = options.keyPath ?? join(dir, '.key');
    this.credPath = options.credPath ?? join(dir, '.cred');
    this.mode = options.mode ?? 0o600;
  }

  /** Generates a new key in memory (written by the next `set`/`create`), and returns it. */
  newKey(): string {
    this.#key = Fernet.generateKey();
    this.#keyIsNew = true;
    return this.#key;
  }

  /**
   * Encrypts `message` (an auth string, or username and password) and writes the credential file,
   * and the key file when the key is new. `overwrite` is needed to replace either file.
   * @throws CredentialError when a file exists without `overwrite`, or the key is damaged; nothing is written then.
   */
  async set(message: CredentialMessage, options: CredentialWriteOptions = {}): Promise<void> {
    const auth = toAuth(message);
    const overwrite = options.overwrite ?? false;
    const fileKey = await this.#readKey(overwrite);
    const key = options.key?.trim() ?? (this.#keyIsNew ? this.#key : undefined) ?? fileKey ?? this.newKey();
    const fernet = fernetFor(key, options.key !== undefined ? 'the given key' : 'the key');
    const writeKey = fileKey !== key;
    if (!overwrite) {
      if (writeKey && fileKey !== undefined) throw this.#refuse(this.keyPath);
      if (await exists(this.credPath)) throw this.#refuse(this.credPath);
    }
    const staged: Staged[] = [];
    try {
      if (writeKey) staged.push(await stage(this.keyPath, key, this.mode));
      staged.push(await stage(this.credPath, fernet.encrypt(auth), this.mode));
      await commit(staged);
    } catch (e) {
      await discard(staged);
      throw e;
    }
    this.#key = key;
    this.#keyIsNew = false;
  }

  /**
   * `set()` with a fresh key when `overwrite` is given (upstream `create`). Without a message,
   * `prompt` is asked for the username and password (the CLI prompts on the terminal).
   */
  async create(
    message?: CredentialMessage,
    options: CredentialWriteOptions & { prompt?: () => Promise<{ username: string; password: string }> } = {},
  ): Promise<void> {
    const msg = message ?? (await options.prompt?.());
    if (msg === undefined) throw new CredentialError('Credential.create needs a message (auth string or { username, password }) or a prompt');
    if (options.overwrite && options.key === undefined) this.newKey();
    await this.set(msg, options);
  }

  /** The stored auth string, `base64("user:password")`. */
  async get(): Promise<string> {
    return this.decrypt();
  }

  /**
   * Decrypts `token` (default: the credential file) with `key` (default: the key file).
   * @throws CredentialError for a missing file, a damaged key, or a token the key cannot decrypt.
   */
  async decrypt(token?: string, key?: string): Promise<string> {
    const k = key ?? (await this.#readKey(false)) ?? this.#key;
    if (k === undefined) throw new CredentialError(`key file not found: ${this.keyPath}`);
    const fernet = fernetFor(k, key !== undefined ? 'the given key' : `key file ${this.keyPath}`);
    const t = token ?? (await readText(this.credPath));
    if (t === undefined) throw new CredentialError(`credential file not found: ${this.credPath}`);
    try {
      return fernet.decryptText(t.trim());
    } catch (e) {
      if (e instanceof InvalidToken) {
        const what = token === undefined ? `credential file ${this.credPath}` : 'the token';
        throw new CredentialError(`cannot decrypt ${what} with ${key !== undefined ? 'the given key' : `the key in ${this.keyPath}`}: wrong key or damaged file`, { cause: e });
      }
      throw new CredentialError(`credential file ${this.credPath} does not hold text`, { cause: e });
    }
  }

  /** Encrypts `message` with `key` (default: the key file's, or a new in-memory key) without writing anything. */
  async encrypt(message: CredentialMessage, key?: string): Promise<string> {
    const k = key ?? (await this.#readKey(false)) ?? this.#key ?? this.newKey();
    return fernetFor(k, key !== undefined ? 'the given key' : 'the key').encrypt(toAuth(message));
  }

  /** The key file's key; a damaged one is an error unless it is about to be overwritten. */
  async #readKey(overwriting: boolean): Promise<string | undefined> {
    const text = await readText(this.keyPath);
    if (text === undefined) return undefined;
    const key = text.trim();
    try {
      new Fernet(key);
    } catch (e) {
      if (overwriting) return undefined;
      throw new CredentialError(`key file ${this.keyPath} is damaged (${e instanceof KeyParseError ? e.message : 'unreadable'})`, { cause: e });
    }
    return key;
  }

  #refuse(path: string): CredentialError {
    return new CredentialError(`${path} exists; pass overwrite: true (CLI: --force) to replace it`);
  }
}

function fernetFor(key: string, what: string): Fernet {
  try {
    return new Fernet(key);
  } catch (e) {
    throw new CredentialError(`${what} is not a Fernet key (${e instanceof KeyParseError ? e.message : 'unreadable'})`, { cause: e });
  }
}

function toAuth(message: CredentialMessage): string {
  if (typeof message === 'string') return message;
  if (message.username.includes(':')) throw new CredentialError('the username cannot contain ":" (the password may)');
  return encodeAuth(message.username, message.password);
}
