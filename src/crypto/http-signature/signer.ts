import { parsePrivateKey } from '../keys/parse-private-key.js';
import { PrivateKey } from '../keys/private-key.js';
import type { PublicKey } from '../keys/public-key.js';
import { algorithmFor, defaultAlgorithm, type SignatureAlgorithm } from '../keys/sign/algorithms.js';
import { signWithKey, type SigningBackend } from '../keys/sign/sign.js';

/**
 * Something that signs HTTP Signature strings: a private key (`keySigner`), an ssh-agent
 * (`opskit/node`), or your own (a hardware token, a remote signer).
 */
export interface HttpSigner {
  /** The public key whose MD5 fingerprint goes in the keyId. */
  readonly publicKey: PublicKey;
  /** The algorithm `sign` uses (what goes in `algorithm=`). */
  readonly algorithm: SignatureAlgorithm;
  /**
   * Signs `data`; reports the algorithm actually used (an agent may answer with another hash than
   * asked for) and the signature in HTTP Signature encoding (ECDSA as DER).
   */
  sign(data: Uint8Array): Promise<{ algorithm: SignatureAlgorithm; signature: Uint8Array }>;
}

/** Options of {@link keySigner}. */
export interface KeySignerOptions {
  /** Passphrase when `key` is encrypted key text. */
  passphrase?: string | Uint8Array;
  /** Default: RSA rsa-sha256, P-256 ecdsa-sha256, P-384/521 ecdsa-sha512, Ed25519 ed25519-sha512. */
  algorithm?: SignatureAlgorithm;
  /** `auto` (default): WebCrypto where present, pure JavaScript otherwise. */
  backend?: SigningBackend;
}

/** An {@link HttpSigner} backed by a private key (a parsed key, or key text in any supported format). */
export function keySigner(key: PrivateKey | string | Uint8Array, options: KeySignerOptions = {}): HttpSigner {
  const privateKey = key instanceof PrivateKey ? key : parsePrivateKey(key, options.passphrase === undefined ? {} : { passphrase: options.passphrase });
  const { algorithm } = algorithmFor(privateKey.type, options.algorithm ?? defaultAlgorithm(privateKey));
  const backend = options.backend ?? 'auto';
  return {
    publicKey: privateKey.publicKey,
    algorithm,
    async sign(data) {
      return { algorithm, signature: await signWithKey(privateKey, data, { algorithm, backend }) };
    },
  };
}
