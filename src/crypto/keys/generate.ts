import { ed25519 } from './ed25519.js';
import { checkInteger, checkOneOf, checkOptions } from '../args/check.js';
import { decodeBase64Url } from '../encoding/base64.js';
import { SignatureError } from '../errors/signature-error.js';
import { bytesToBigInt } from '../rsa/bigint.js';
import { checkComment } from './check-key-data.js';
import { installEcdsa } from '../ecdsa/install.js';
import { CURVES, type EcCurve } from './curves.js';
import { nobleCurve } from './nist-curves.js';
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

const TYPES = ['rsa', 'ecdsa', 'ed25519'] as const;
const CURVE_NAMES = Object.keys(CURVES) as EcCurve[];

/** Checked {@link GenerateKeyOptions}, with defaults. */
function checkGenerateOptions(options: GenerateKeyOptions | undefined, where: string): { curve: EcCurve; bits: number; comment: string } {
  const o = checkOptions(options, `${where}: options`);
  return {
    curve: o.curve === undefined ? 'nistp256' : checkOneOf(o.curve, `${where}: options.curve`, CURVE_NAMES),
    // WebCrypto engines refuse moduli outside about this range, each with its own error.
    bits: o.bits === undefined ? 2048 : checkInteger(o.bits, `${where}: options.bits`, 1024, 16384),
    comment: checkComment(o.comment, `${where}: options.comment`),
  };
}

/**
 * Generates a key pair. Ed25519 and ECDSA use noble (work everywhere); RSA needs WebCrypto's
 * generator (prime search in pure JavaScript would take seconds).
 * @throws (rejects with) ConfigError for an unknown `type` or a bad option; SignatureError for
 *   RSA where `crypto.subtle` is missing.
 */
export async function generatePrivateKey(type: 'rsa' | 'ecdsa' | 'ed25519', options?: GenerateKeyOptions): Promise<PrivateKey> {
  checkOneOf(type, 'generatePrivateKey: type', TYPES);
  const { bits, comment } = checkGenerateOptions(options, 'generatePrivateKey');
  if (type !== 'rsa') return generatePrivateKeySync(type, options);
  const s = subtle();
  if (!s) throw new SignatureError('RSA key generation needs crypto.subtle, which this runtime does not have');
  const pair = (await s.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
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

/**
 * Synchronous Ed25519 / ECDSA key generation (noble; no RSA).
 * @throws ConfigError for another `type` (RSA: use {@link generatePrivateKey}) or a bad option.
 */
export function generatePrivateKeySync(type: 'ecdsa' | 'ed25519', options?: GenerateKeyOptions): PrivateKey {
  checkOneOf(type, 'generatePrivateKeySync: type', ['ecdsa', 'ed25519']);
  const { curve, comment } = checkGenerateOptions(options, 'generatePrivateKeySync');
  if (type === 'ed25519') {
    const seed = ed25519.randomSecretKey();
    return new PrivateKey({ type: 'ed25519', seed, a: ed25519.getPublicKey(seed) }, { comment, format: 'openssh' });
  }
  // The arithmetic is loaded here anyway: make the new key usable everywhere (pure signing, and
  // parsing it back once written) without a separate opskit/crypto/ecdsa import.
  installEcdsa();
  const c = nobleCurve(curve);
  const d = c.utils.randomSecretKey();
  return new PrivateKey({ type: 'ecdsa', curve, d, q: c.getPublicKey(d, false) }, { comment, format: 'openssh' });
}
