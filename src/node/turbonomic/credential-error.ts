import { ConfigError } from '../../core/errors/config-error.js';

/**
 * A credential store operation was refused or failed: a file exists and `overwrite` was not
 * given (or a concurrent writer created it first), a file is missing, damaged or not a regular
 * file, the key does not decrypt the credential, or a file-system step failed (the Node error is
 * the `cause`). Messages name the files, never their contents, and say what state the pair is in:
 * unchanged, unless the message says otherwise.
 */
export class CredentialError extends ConfigError {
  override name = 'CredentialError';
}
