import { KeyParseError } from '../../errors/key-parse-error.js';
import { contextTag, derChildren, derOid, derSequence, derSmallInt, TAG } from '../der.js';
import { CURVES, curveByOid, type CurveInfo } from '../curves.js';
import { ecdsaMath } from '../ecdsa-math.js';
import type { PrivateKeyData } from '../types.js';

/** Left-pads a scalar to the curve size (some writers drop leading zero bytes). */
export function padScalar(d: Uint8Array, size: number, what: string): Uint8Array {
  let v = d;
  while (v.length > size && v[0] === 0) v = v.subarray(1);
  if (v.length > size) throw new KeyParseError(`${what}: private scalar is too long for the curve`);
  const out = new Uint8Array(size);
  out.set(v, size - v.length);
  return out;
}

/**
 * Builds ECDSA key numbers, deriving and checking the public point (with the arithmetic
 * opskit/crypto/ecdsa installs: a KeyParseError naming that import without it).
 */
export function ecdsaKey(curve: CurveInfo, d: Uint8Array, q: Uint8Array | undefined, what: string): Extract<PrivateKeyData, { type: 'ecdsa' }> {
  const scalar = padScalar(d, curve.size, what);
  const math = ecdsaMath(`${what}: an ECDSA private key`, (m) => new KeyParseError(m));
  let derived: Uint8Array;
  try {
    derived = math.publicPoint(curve.name, scalar);
  } catch {
    throw new KeyParseError(`${what}: private scalar is out of range`);
  }
  if (q !== undefined && (q.length !== derived.length || q.some((b, i) => b !== derived[i]))) {
    throw new KeyParseError(`${what}: public point does not match the private scalar`);
  }
  return { type: 'ecdsa', curve: curve.name, q: derived, d: scalar };
}

/**
 * SEC1 ECPrivateKey (RFC 5915), the body of `BEGIN EC PRIVATE KEY` and the inner key of a
 * PKCS#8 EC key (whose curve then comes from the outer AlgorithmIdentifier: `outerCurve`).
 */
export function parseSec1(der: Uint8Array, outerCurve?: CurveInfo): Extract<PrivateKeyData, { type: 'ecdsa' }> {
  const what = 'SEC1 EC key';
  const f = derSequence(der, what);
  if (f.length < 2 || derSmallInt(f[0], what) !== 1 || f[1]!.tag !== TAG.OCTET_STRING) throw new KeyParseError(`${what}: malformed`);
  let curve = outerCurve;
  let q: Uint8Array | undefined;
  for (const extra of f.slice(2)) {
    if (extra.tag === contextTag(0)) {
      const oid = derOid(derChildren(extra, what)[0], what);
      const named = curveByOid(oid);
      if (!named) throw new KeyParseError(`${what}: unsupported curve ${oid} (expected P-256, P-384 or P-521)`);
      curve = named;
    } else if (extra.tag === contextTag(1)) {
      const bits = derChildren(extra, what)[0];
      if (!bits || bits.tag !== TAG.BIT_STRING || bits.value[0] !== 0) throw new KeyParseError(`${what}: malformed public key`);
      q = bits.value.subarray(1);
    }
  }
  if (!curve) throw new KeyParseError(`${what}: no curve named`);
  return ecdsaKey(curve, f[1]!.value, q, what);
}

export { CURVES };
