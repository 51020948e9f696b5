import { ConfigError } from '../core/errors/config-error.js';
import { keySigner, type HttpSigner } from '../crypto/http-signature/signer.js';
import { parseFingerprint } from '../crypto/keys/fingerprint.js';
import type { DataCenterOptions } from './data-center-options.js';
import { parseKeyId, tritonKeyId } from './key-id.js';

/** The signer, keyId and account a DataCenter signs with (or none: unsigned). */
export interface ResolvedAuth {
  signer: HttpSigner | undefined;
  keyId: string | undefined;
  account: string | undefined;
  user: string | undefined;
}

/**
 * Works out who signs: `signer` or a signer over `key`; the keyId from the account, the optional
 * sub-user and the key's MD5 fingerprint (or an explicit `/login/keys/…` keyId).
 * @throws ConfigError when the pieces do not fit (a fingerprint naming another key, no account).
 */
export function resolveAuth(options: DataCenterOptions): ResolvedAuth {
  const explicit = options.keyId?.startsWith('/') ? parseKeyId(options.keyId) : undefined;
  if (options.keyId?.startsWith('/') && !explicit) throw new ConfigError('triton: keyId must look like /<login>/keys/<key> or /<login>/users/<user>/keys/<key>');
  const account = options.account ?? explicit?.account;
  const user = options.user ?? explicit?.user;
  const signer =
    options.signer ??
    (options.key !== undefined
      ? keySigner(options.key, {
          ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
          ...(options.algorithm ? { algorithm: options.algorithm } : {}),
          ...(options.signingBackend ? { backend: options.signingBackend } : {}),
        })
      : undefined);
  if (!signer) return { signer: undefined, keyId: undefined, account, user };
  if (explicit) return { signer, keyId: options.keyId, account, user };
  if (options.keyId !== undefined && !signer.publicKey.matches(parseFingerprint(options.keyId))) {
    throw new ConfigError(`triton: keyId ${options.keyId} does not match the key (${signer.publicKey.md5Fingerprint})`);
  }
  if (!account) throw new ConfigError('triton: an account login is needed to sign requests');
  return { signer, keyId: tritonKeyId(account, signer.publicKey.md5Fingerprint, user), account, user };
}
