import { ed25519 } from '../ed25519.js';
import { KeyParseError } from '../../errors/key-parse-error.js';
import { derChildren, derOid, derSequence, derSmallInt, expectDer, TAG, type DerNode } from '../der.js';
import { curveByOid } from '../curves.js';
import type { PrivateKeyData, PublicKeyData } from '../types.js';
import { parsePkcs1Private, parsePkcs1Public } from './pkcs1.js';
import { parseSec1 } from './sec1.js';

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
} as const;

function algorithm(node: DerNode | undefined, what: string): { oid: string; params: DerNode | undefined } {
  if (!node || node.tag !== TAG.SEQUENCE) throw new KeyParseError(`${what}: malformed AlgorithmIdentifier`);
  const parts = derChildren(node, what);
  return { oid: derOid(parts[0], what), params: parts[1] };
}

function ecCurve(params: DerNode | undefined, what: string) {
  const oid = derOid(params, what);
  const curve = curveByOid(oid);
  if (!curve) throw new KeyParseError(`${what}: unsupported curve ${oid} (expected P-256, P-384 or P-521)`);
  return curve;
}

/** PKCS#8 PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958): `BEGIN PRIVATE KEY`. */
export function parsePkcs8(der: Uint8Array): PrivateKeyData {
  const what = 'PKCS#8 key';
  const f = derSequence(der, what);
  if (f.length < 3 || derSmallInt(f[0], what) > 1 || f[2]!.tag !== TAG.OCTET_STRING) throw new KeyParseError(`${what}: malformed`);
  const alg = algorithm(f[1], what);
  const inner = f[2]!.value;
  switch (alg.oid) {
    case OID.rsaEncryption:
      return parsePkcs1Private(inner);
    case OID.ecPublicKey:
      return parseSec1(inner, ecCurve(alg.params, what));
    case OID.ed25519: {
      // CurvePrivateKey ::= OCTET STRING (the 32-byte seed), wrapped in the outer OCTET STRING.
      const seed = expectDer(inner, 0, TAG.OCTET_STRING, what).value;
      if (seed.length !== 32) throw new KeyParseError(`${what}: malformed Ed25519 seed`);
      return { type: 'ed25519', seed: seed.slice(), a: ed25519.getPublicKey(seed) };
    }
    default:
      throw new KeyParseError(`${what}: unsupported algorithm ${alg.oid} (expected RSA, ECDSA or Ed25519)`);
  }
}

/** SubjectPublicKeyInfo (RFC 5280): `BEGIN PUBLIC KEY`. */
export function parseSpki(der: Uint8Array): PublicKeyData {
  const what = 'SubjectPublicKeyInfo';
  const f = derSequence(der, what);
  const alg = algorithm(f[0], what);
  const bits = f[1];
  if (!bits || bits.tag !== TAG.BIT_STRING || bits.value[0] !== 0) throw new KeyParseError(`${what}: malformed key bits`);
  const key = bits.value.subarray(1);
  switch (alg.oid) {
    case OID.rsaEncryption:
      return parsePkcs1Public(key);
    case OID.ecPublicKey: {
      const curve = ecCurve(alg.params, what);
      if (key.length !== 1 + 2 * curve.size || key[0] !== 4) throw new KeyParseError(`${what}: malformed (or compressed) EC point`);
      return { type: 'ecdsa', curve: curve.name, q: key.slice() };
    }
    case OID.ed25519:
      if (key.length !== 32) throw new KeyParseError(`${what}: malformed Ed25519 key`);
      return { type: 'ed25519', a: key.slice() };
    default:
      throw new KeyParseError(`${what}: unsupported algorithm ${alg.oid}`);
  }
}
