import { checkOneOf, checkOptions, fail } from '../args/check.js';
import { KeyParseError } from '../errors/key-parse-error.js';
import { checkParseOptions, parsePrivateKey } from '../keys/parse-private-key.js';
import { keyText } from '../keys/key-text.js';
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
  /** Passed to `parsePrivateKey` when `key` is encrypted key text (see its key-derivation caps). */
  maxBcryptRounds?: number;
  /** Passed to `parsePrivateKey` when `key` is encrypted key text. */
  maxPbkdf2Iterations?: number;
}

const BACKENDS: readonly SigningBackend[] = ['auto', 'native', 'pure'];

/**
 * An {@link HttpSigner} backed by a private key (a parsed key, or key text in any supported format).
 * @throws KeyParseError when key text cannot be parsed (or `key` is neither a PrivateKey, a string
 *   nor a Uint8Array); SignatureError for an algorithm that does not fit the key; ConfigError for
 *   a bad option.
 */
export function keySigner(key: PrivateKey | string | Uint8Array, options?: KeySignerOptions): HttpSigner {
  const o = checkOptions(options, 'keySigner: options');
  let privateKey: PrivateKey;
  if (key instanceof PrivateKey) {
    privateKey = key;
  } else if (typeof key !== 'string' && !(key instanceof Uint8Array)) {
    fail('keySigner: key', 'a PrivateKey, key text (a string) or its bytes (a Uint8Array)', key, (m) => new KeyParseError(m));
  } else {
    const { passphrase, maxBcryptRounds, maxPbkdf2Iterations } = o;
    // Checked here so that errors name keySigner's options, then parsed with the same values.
    checkParseOptions({ passphrase, maxBcryptRounds, maxPbkdf2Iterations }, 'keySigner');
    privateKey = parsePrivateKey(keyText(key, 'keySigner: key'), {
      ...(passphrase === undefined ? {} : { passphrase }),
      ...(maxBcryptRounds === undefined ? {} : { maxBcryptRounds }),
      ...(maxPbkdf2Iterations === undefined ? {} : { maxPbkdf2Iterations }),
    });
  }
  const { algorithm } = algorithmFor(privateKey.type, o.algorithm === undefined ? defaultAlgorithm(privateKey) : o.algorithm, 'keySigner: options.algorithm');
  const backend = o.backend === undefined ? 'auto' : checkOneOf(o.backend, 'keySigner: options.backend', BACKENDS);
  return {
    publicKey: privateKey.publicKey,
    algorithm,
    async sign(data) {
      return { algorithm, signature: await signWithKey(privateKey, data, { algorithm, backend }) };
    },
  };
}
