import { ConfigError } from '../../core/errors/config-error.js';

/**
 * A credential store operation was refused or failed: a file exists and `overwrite` was not
 * given, a file is missing or damaged, or the key does not decrypt the credential. Messages name
 * the files, never their contents. Nothing was written when this is thrown.
 */
export class CredentialError extends ConfigError {
  override name = 'CredentialError';
}
