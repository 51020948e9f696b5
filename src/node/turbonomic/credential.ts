import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkOptions } from '../../core/options.js';
import { KeyParseError } from '../../crypto/errors/key-parse-error.js';
import { InvalidToken } from '../../crypto/errors/invalid-token.js';
import { Fernet } from '../../crypto/fernet/fernet.js';
import { encodeAuth } from '../../turbonomic/auth-string.js';
import { CredentialError } from './credential-error.js';
import { errnoOf, nodeFiles, statOrNone, type CredentialFiles } from './files.js';
import { createPair, refuseExisting, replacePair, type PairTarget } from './pair-write.js';

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
  /** The file operations (default: the real file system). Tests make single steps fail here. */
  files?: CredentialFiles | undefined;
}

const CREDENTIAL_OPTIONS = ['keyPath', 'credPath', 'mode', 'files'];
/** vmt-connect's `Credential(key, cred)` names the two files `key` and `cred`. */
const CREDENTIAL_ALIASES = { key: 'keyPath', cred: 'credPath', key_file: 'keyPath', cred_file: 'credPath' };
const WRITE_OPTIONS = ['key', 'overwrite'];

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
 * silently keeps the old credential), and new files are always mode 0600. Writes are
 * transactional: a new pair is created exclusively (of concurrent creators exactly one
 * succeeds, the others get a CredentialError), and a replacement either puts the whole new pair
 * in place or leaves the old pair decryptable, whichever step fails. Every failure is a
 * `CredentialError` naming the file, never a raw `EISDIR`/`ENOENT`.
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
  readonly #files: CredentialFiles;
  #key: string | undefined;
  #keyIsNew = false;

  /** @throws ConfigError for an unknown option name (upstream's `key` → `keyPath`). */
  constructor(options: CredentialOptions = {}) {
    checkOptions('new Credential()', options, CREDENTIAL_OPTIONS, CREDENTIAL_ALIASES);
    options ??= {};
    const dir = defaultCredentialDir();
    this.keyPath = options.keyPath ?? join(dir, '.key');
    this.credPath = options.credPath ?? join(dir, '.cred');
    this.mode = options.mode ?? 0o600;
    this.#files = options.files ?? nodeFiles;
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
   * Without `overwrite` the files are created exclusively; with it the pair is replaced as one
   * transaction (see the class).
   * @throws CredentialError when a file exists without `overwrite` (also when a concurrent writer
   *   created it first), a path is not a regular file, the key is damaged, or a step of the write
   *   fails; the message says what state the files are in (unchanged, unless it says otherwise).
   */
  async set(message: CredentialMessage, options: CredentialWriteOptions = {}): Promise<void> {
    checkOptions('Credential.set()', options, WRITE_OPTIONS);
    options ??= {};
    const auth = toAuth(message);
    const overwrite = options.overwrite ?? false;
    await this.#checkRegularFiles();
    const fileKey = await this.#readKey(overwrite);
    const key = options.key?.trim() ?? (this.#keyIsNew ? this.#key : undefined) ?? fileKey ?? this.newKey();
    const fernet = fernetFor(key, options.key !== undefined ? 'the given key' : 'the key');
    const writeKey = fileKey !== key;
    const target: PairTarget = { keyPath: this.keyPath, credPath: this.credPath, mode: this.mode, files: this.#files };
    const token = fernet.encrypt(auth);
    if (overwrite) {
      await replacePair(target, writeKey ? key : undefined, token);
    } else {
      if (writeKey && fileKey !== undefined) throw refuseExisting(this.keyPath);
      // An early, friendly refusal; the exclusive create below is what actually decides.
      if ((await this.#stat(this.credPath)) !== undefined) throw refuseExisting(this.credPath);
      await createPair(target, writeKey ? key : undefined, token);
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
    checkOptions('Credential.create()', options, [...WRITE_OPTIONS, 'prompt']);
    options ??= {};
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
    const t = token ?? (await this.#readText(this.credPath, 'credential file'));
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
    const text = await this.#readText(this.keyPath, 'key file');
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

  /** A file's text, or undefined when it does not exist; any other failure is a CredentialError. */
  async #readText(path: string, what: string): Promise<string | undefined> {
    try {
      return await this.#files.readFile(path);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return undefined;
      throw new CredentialError(`cannot read ${what} ${path} (${errnoOf(e) ?? 'unreadable'})`, { cause: e });
    }
  }

  async #stat(path: string) {
    try {
      return await statOrNone(this.#files, path);
    } catch (e) {
      throw new CredentialError(`cannot inspect ${path} (${errnoOf(e) ?? 'unreadable'}); nothing was written`, { cause: e });
    }
  }

  /** A folder (or anything but a file) where a file belongs is refused before anything is written. */
  async #checkRegularFiles(): Promise<void> {
    for (const path of [this.keyPath, this.credPath]) {
      const info = await this.#stat(path);
      if (info !== undefined && !info.isFile()) throw new CredentialError(`${path} is not a regular file (a folder?); nothing was written`);
    }
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
