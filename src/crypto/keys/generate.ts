import { ed25519 } from '@noble/curves/ed25519.js';
import { decodeBase64Url } from '../encoding/base64.js';
import { SignatureError } from '../errors/signature-error.js';
import { bytesToBigInt } from '../rsa/bigint.js';
import { nobleCurve, type EcCurve } from './curves.js';
import { subtle } from './sign/native.js';
import { PrivateKey } from './private-key.js';

/** Options of {@link generatePrivateKey}. */
export interface GenerateKeyOptions {
  /** ECDSA curve (default nistp256). */
  curve?: EcCurve;
  /** RSA modulus size (default 2048). */
  bits?: number;
  comment?: string;
}

/**
 * Generates a key pair. Ed25519 and ECDSA use noble (work everywhere); RSA needs WebCrypto's
 * generator (prime search in pure JavaScript would take seconds).
 * @throws SignatureError for RSA where `crypto.subtle` is missing.
 */
export async function generatePrivateKey(type: 'rsa' | 'ecdsa' | 'ed25519', options: GenerateKeyOptions = {}): Promise<PrivateKey> {
  if (type !== 'rsa') return generatePrivateKeySync(type, options);
  const comment = options.comment ?? '';
  const s = subtle();
  if (!s) throw new SignatureError('RSA key generation needs crypto.subtle, which this runtime does not have');
  const pair = (await s.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: options.bits ?? 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  const jwk = await s.exportKey('jwk', pair.privateKey);
  const n = (k: string | undefined) => bytesToBigInt(decodeBase64Url(k ?? ''));
  return new PrivateKey(
    { type: 'rsa', n: n(jwk.n), e: n(jwk.e), d: n(jwk.d), p: n(jwk.p), q: n(jwk.q), dp: n(jwk.dp), dq: n(jwk.dq), qi: n(jwk.qi) },
    { comment, format: 'openssh' },
  );
}

/** Synchronous Ed25519 / ECDSA key generation (noble; no RSA). */
export function generatePrivateKeySync(type: 'ecdsa' | 'ed25519', options: GenerateKeyOptions = {}): PrivateKey {
  const comment = options.comment ?? '';
  if (type === 'ed25519') {
    const seed = ed25519.utils.randomSecretKey();
    return new PrivateKey({ type: 'ed25519', seed, a: ed25519.getPublicKey(seed) }, { comment, format: 'openssh' });
  }
  const curve = options.curve ?? 'nistp256';
  const c = nobleCurve(curve);
  const d = c.utils.randomSecretKey();
  return new PrivateKey({ type: 'ecdsa', curve, d, q: c.getPublicKey(d, false) }, { comment, format: 'openssh' });
}
