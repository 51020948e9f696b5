import type { HashName } from './sign/hashes.js';

/** NIST curves an SSH ECDSA key can use, by their SSH names. */
export type EcCurve = 'nistp256' | 'nistp384' | 'nistp521';

/** Facts about one curve across the formats that name it differently. */
export interface CurveInfo {
  name: EcCurve;
  /** SEC1 / PKCS#8 named-curve OID. */
  oid: string;
  /** JWK / WebCrypto `namedCurve`. */
  jwk: 'P-256' | 'P-384' | 'P-521';
  /** Scalar and coordinate size in bytes. */
  size: number;
  bits: number;
  /**
   * Hash an HTTP signature uses by default. P-384 uses sha512, not sha384: the http-signature
   * parser CloudAPI runs accepts only sha1/sha256/sha512 (protocols §1.4).
   */
  defaultHash: HashName;
}

export const CURVES: Readonly<Record<EcCurve, CurveInfo>> = {
  nistp256: { name: 'nistp256', oid: '1.2.840.10045.3.1.7', jwk: 'P-256', size: 32, bits: 256, defaultHash: 'sha256' },
  nistp384: { name: 'nistp384', oid: '1.3.132.0.34', jwk: 'P-384', size: 48, bits: 384, defaultHash: 'sha512' },
  nistp521: { name: 'nistp521', oid: '1.3.132.0.35', jwk: 'P-521', size: 66, bits: 521, defaultHash: 'sha512' },
};

/** The curve with this OID, if we support it. */
export function curveByOid(oid: string): CurveInfo | undefined {
  return Object.values(CURVES).find((c) => c.oid === oid);
}
