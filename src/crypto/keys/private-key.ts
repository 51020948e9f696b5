import { checkBoolean, checkOneOf, checkOptions } from '../args/check.js';
import { checkComment, checkPrivateKeyData } from './check-key-data.js';
import type { EcCurve } from './curves.js';
import { setMaterial } from './material.js';
import { PublicKey } from './public-key.js';

const FORMATS: readonly PrivateKeyFormat[] = ['openssh', 'pkcs1', 'sec1', 'pkcs8'];
import type { KeyType, PrivateKeyData, PrivateKeyFormat, PublicKeyData } from './types.js';

/**
 * A parsed private key. Its secret numbers are held outside the object, so printing or
 * serialising it shows only public facts (type, size, fingerprints, comment). Use
 * `parsePrivateKey` to make one and `signWithKey` / an HTTP signer to use it.
 */
export class PrivateKey {
  readonly type: KeyType;
  readonly curve: EcCurve | undefined;
  readonly bits: number;
  readonly comment: string;
  /** The file format it was read from. */
  readonly format: PrivateKeyFormat;
  /** Whether the file was passphrase-protected. */
  readonly encrypted: boolean;
  readonly publicKey: PublicKey;

  /**
   * @throws KeyParseError when `data` is not private key numbers; ConfigError for bad options.
   */
  constructor(data: PrivateKeyData, options: { comment?: string; format: PrivateKeyFormat; encrypted?: boolean }) {
    checkPrivateKeyData(data, 'PrivateKey: data');
    const o = checkOptions(options, 'PrivateKey: options');
    const format = checkOneOf(o.format, 'PrivateKey: options.format', FORMATS);
    const comment = checkComment(o.comment, 'PrivateKey: options.comment');
    const encrypted = o.encrypted === undefined ? false : checkBoolean(o.encrypted, 'PrivateKey: options.encrypted');
    const pub: PublicKeyData =
      data.type === 'rsa'
        ? { type: 'rsa', n: data.n, e: data.e }
        : data.type === 'ecdsa'
          ? { type: 'ecdsa', curve: data.curve, q: data.q }
          : { type: 'ed25519', a: data.a };
    this.publicKey = new PublicKey(pub, comment);
    this.type = data.type;
    this.curve = this.publicKey.curve;
    this.bits = this.publicKey.bits;
    this.comment = comment;
    this.format = format;
    this.encrypted = encrypted;
    setMaterial(this, data);
  }

  /** MD5 colon-hex fingerprint of the public half. */
  get md5Fingerprint(): string {
    return this.publicKey.md5Fingerprint;
  }

  /** `SHA256:…` fingerprint of the public half. */
  get sha256Fingerprint(): string {
    return this.publicKey.sha256Fingerprint;
  }

  toJSON(): Record<string, unknown> {
    return { ...this.publicKey.toJSON(), private: true, format: this.format, encrypted: this.encrypted };
  }

  /** What `console.log` shows in Node (no secret numbers). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `PrivateKey ${JSON.stringify(this.toJSON())}`;
  }
}
