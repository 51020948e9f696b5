import { ConfigError } from '../core/errors/config-error.js';
import { encodeAuth, splitAuth } from './auth-string.js';
import { Fernet } from '../crypto/fernet/fernet.js';

/**
 * A new credential key: a Fernet key (base64url of 32 random bytes, 44 characters), the
 * format of vmt-connect's `.key` file.
 */
export function newCredentialKey(): string {
  return Fernet.generateKey();
}

/**
 * Encrypts a login the way vmt-connect's `Credential` stores it: a Fernet token of
 * `base64("username:password")` (standard alphabet), i.e. of the HTTP Basic credential.
 * Readable by Python's `cryptography.fernet.Fernet(key).decrypt(token)`.
 * @throws KeyParseError for a malformed key (the message never contains it).
 */
export function encryptCredential(key: string | Uint8Array, username: string, password: string): string {
  if (username.includes(':')) throw new ConfigError('encryptCredential: the username cannot contain ":" (the password may)');
  return encryptAuth(key, encodeAuth(username, password));
}

/** Encrypts an auth string that is already `base64("user:pass")` (what `Credential.set` stores). */
export function encryptAuth(key: string | Uint8Array, auth: string): string {
  return new Fernet(typeof key === 'string' ? key.trim() : key).encrypt(auth);
}

/**
 * Decrypts a credential token to the auth string, `base64("username:password")`, ready for
 * `new Connection({ host, auth })`. Tokens never expire (upstream passes no ttl). Surrounding
 * whitespace (a newline at the end of a file) is ignored, as Python's decoder ignores it.
 * @throws InvalidToken for a wrong key or a damaged token.
 */
export function decryptCredential(key: string | Uint8Array, token: string): string {
  return new Fernet(typeof key === 'string' ? key.trim() : key).decryptText(token.trim());
}

/** Splits a decrypted auth string into its username and password (on the first `:`). */
export function parseCredential(auth: string): { username: string; password: string } {
  const parts = splitAuth(auth);
  if (parts === undefined) throw new ConfigError('credential is not base64 of "username:password"');
  return parts;
}
