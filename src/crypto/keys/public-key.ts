import { fail } from '../args/check.js';
import { encodeBase64 } from '../encoding/base64.js';
import { checkComment, checkPublicKeyData } from './check-key-data.js';
import { bigIntToBytes, bitLength } from '../rsa/bigint.js';
import { CURVES, type EcCurve } from './curves.js';
import { matchesFingerprint, md5Fingerprint, sha256Fingerprint, type ParsedFingerprint } from './fingerprint.js';
import { SshWriter } from './ssh-wire.js';
import type { KeyType, PublicKeyData } from './types.js';

/**
 * The SSH key type name of a public key (`ssh-rsa`, `ecdsa-sha2-nistp256`, `ssh-ed25519`).
 * @throws KeyParseError when `data` is not public key numbers.
 */
export function sshKeyType(data: PublicKeyData): string {
  checkPublicKeyData(data, 'sshKeyType: data');
  return typeName(data);
}

const typeName = (data: PublicKeyData): string =>
  data.type === 'rsa' ? 'ssh-rsa' : data.type === 'ed25519' ? 'ssh-ed25519' : `ecdsa-sha2-${data.curve}`;

/**
 * The SSH wire-format public-key blob (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4).
 * @throws KeyParseError when `data` is not public key numbers.
 */
export function sshPublicBlob(data: PublicKeyData): Uint8Array {
  checkPublicKeyData(data, 'sshPublicBlob: data');
  const w = new SshWriter().string(typeName(data));
  if (data.type === 'rsa') return w.mpint(bigIntToBytes(data.e)).mpint(bigIntToBytes(data.n)).bytes();
  if (data.type === 'ecdsa') return w.string(data.curve).string(data.q).bytes();
  return w.string(data.a).bytes();
}

/**
 * A public key: RSA, ECDSA (P-256/384/521) or Ed25519. Knows its SSH blob, its fingerprints
 * and its `authorized_keys` line. Parse one with `parsePublicKey`.
 */
export class PublicKey {
  readonly type: KeyType;
  /** ECDSA only. */
  readonly curve: EcCurve | undefined;
  /** Key size in bits (RSA modulus, curve size; 256 for Ed25519). */
  readonly bits: number;
  /** Comment from the key file, if any. */
  readonly comment: string;
  /** SSH wire-format blob: what fingerprints are computed over. */
  readonly blob: Uint8Array;
  /** The key's numbers. */
  readonly data: PublicKeyData;

  /** @throws KeyParseError when `data` is not public key numbers; ConfigError for a bad comment. */
  constructor(data: PublicKeyData, comment = '') {
    checkPublicKeyData(data, 'PublicKey: data');
    this.comment = checkComment(comment, 'PublicKey: comment');
    this.data = data;
    this.type = data.type;
    this.curve = data.type === 'ecdsa' ? data.curve : undefined;
    this.bits = data.type === 'rsa' ? bitLength(data.n) : data.type === 'ecdsa' ? CURVES[data.curve].bits : 256;
    this.blob = sshPublicBlob(data);
  }

  /** `ssh-rsa`, `ecdsa-sha2-nistp256`, `ssh-ed25519`, … */
  get sshType(): string {
    return typeName(this.data);
  }

  /** MD5 colon-hex fingerprint (`b4:fd:…`): the form CloudAPI keyIds use. */
  get md5Fingerprint(): string {
    return md5Fingerprint(this.blob);
  }

  /** `SHA256:…` fingerprint, as `ssh-keygen -l` prints it. */
  get sha256Fingerprint(): string {
    return sha256Fingerprint(this.blob);
  }

  /**
   * Whether `fingerprint` (`aa:bb:…`, `MD5:aa:…` or `SHA256:…`) names this key.
   * @throws KeyParseError when `fingerprint` is not a fingerprint in one of those forms.
   */
  matches(fingerprint: string | ParsedFingerprint): boolean {
    return matchesFingerprint(this.blob, fingerprint, 'PublicKey.matches: fingerprint');
  }

  /**
   * True when both keys have the same blob.
   * @throws ConfigError when `other` is not a PublicKey.
   */
  equals(other: PublicKey): boolean {
    if (!(other instanceof PublicKey)) fail('PublicKey.equals: other', 'a PublicKey', other);
    return this.md5Fingerprint === other.md5Fingerprint && this.sha256Fingerprint === other.sha256Fingerprint;
  }

  /** The OpenSSH `authorized_keys` line: `ssh-ed25519 AAAA… comment`. */
  toString(): string {
    return `${this.sshType} ${encodeBase64(this.blob)}${this.comment ? ` ${this.comment}` : ''}`;
  }

  toJSON(): { type: KeyType; curve?: EcCurve; bits: number; comment: string; md5Fingerprint: string; sha256Fingerprint: string } {
    return {
      type: this.type,
      ...(this.curve ? { curve: this.curve } : {}),
      bits: this.bits,
      comment: this.comment,
      md5Fingerprint: this.md5Fingerprint,
      sha256Fingerprint: this.sha256Fingerprint,
    };
  }
}
