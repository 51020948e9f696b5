import { ConfigError } from '../core/errors/config-error.js';
import { keySigner, type HttpSigner } from '../crypto/http-signature/signer.js';
import { parseFingerprint } from '../crypto/keys/fingerprint.js';
import type { DataCenterOptions } from './data-center-options.js';
import { checkHeaderValue } from '../core/header-safe.js';
import { parseKeyId, tritonKeyId } from './key-id.js';

/** The signer, keyId and account a DataCenter signs with (or none: unsigned). */
export interface ResolvedAuth {
  signer: HttpSigner | undefined;
  keyId: string | undefined;
  account: string | undefined;
  user: string | undefined;
}

/**
 * The account, sub-user and keyId end up in the Authorization header (and the login in every URL):
 * a line break, a control character or non-ASCII there makes `Headers.set` throw a TypeError that
 * quotes the whole signed header, so they are refused before any key is touched.
 */
function checkIdentity(where: string, options: DataCenterOptions): void {
  for (const name of ['account', 'user', 'keyId'] as const) {
    checkHeaderValue(where, name, options[name]);
    if (options[name] === '') throw new ConfigError(`${where}: ${name} is empty`);
  }
  for (const name of ['account', 'user'] as const) {
    const v = options[name];
    if (v !== undefined && /[/"\\]/.test(v)) throw new ConfigError(`${where}: ${name} must not contain "/", '"' or "\\"`);
    if (v === '.' || v === '..') throw new ConfigError(`${where}: ${name} is "${v}", which would change the requests' target`);
  }
  if (options.keyId !== undefined && /["\\]/.test(options.keyId)) throw new ConfigError(`${where}: keyId must not contain '"' or "\\"`);
}

/**
 * Works out who signs: `signer` or a signer over `key`; the keyId from the account, the optional
 * sub-user and the key's MD5 fingerprint (or an explicit `/login/keys/…` keyId).
 * @throws ConfigError when the pieces do not fit (a fingerprint naming another key, no account),
 *   or when the account, user or keyId cannot travel in a header.
 */
export function resolveAuth(options: DataCenterOptions, where = 'triton'): ResolvedAuth {
  checkIdentity(where, options);
  const explicit = options.keyId?.startsWith('/') ? parseKeyId(options.keyId) : undefined;
  if (options.keyId?.startsWith('/') && !explicit) throw new ConfigError('triton: keyId must look like /<login>/keys/<key> or /<login>/users/<user>/keys/<key>');
  if (explicit) checkIdentity(where, { account: explicit.account, user: explicit.user });
  const account = options.account ?? explicit?.account;
  const user = options.user ?? explicit?.user;
  const signer =
    options.signer ??
    (options.key !== undefined
      ? keySigner(options.key, {
          ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
          ...(options.maxBcryptRounds !== undefined ? { maxBcryptRounds: options.maxBcryptRounds } : {}),
          ...(options.maxPbkdf2Iterations !== undefined ? { maxPbkdf2Iterations: options.maxPbkdf2Iterations } : {}),
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
