import { cbc } from '@noble/ciphers/aes.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { KeyParseError } from '../../errors/key-parse-error.js';
import { derChildren, derOid, derSequence, derSmallInt, TAG, type DerNode } from '../der.js';
import { checkKdfCost, MAX_PBKDF2_ITERATIONS } from './kdf-limits.js';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRFS = {
  '1.2.840.113549.2.7': sha1,
  '1.2.840.113549.2.9': sha256,
  '1.2.840.113549.2.10': sha384,
  '1.2.840.113549.2.11': sha512,
} as const;
const AES_CBC: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 16,
  '2.16.840.1.101.3.4.1.22': 24,
  '2.16.840.1.101.3.4.1.42': 32,
};
const what = 'encrypted PKCS#8 key';

function seq(node: DerNode | undefined): DerNode[] {
  if (!node || node.tag !== TAG.SEQUENCE) throw new KeyParseError(`${what}: malformed`);
  return derChildren(node, what);
}

/**
 * Decrypts an EncryptedPrivateKeyInfo (`BEGIN ENCRYPTED PRIVATE KEY`, RFC 5958) protected with
 * PBES2: PBKDF2 (HMAC-SHA1/256/384/512) and AES-128/192/256-CBC. Returns the PKCS#8 DER.
 * @param maxIterations - the highest PBKDF2 iteration count accepted; a file asking for more is
 *   refused before any derivation (see kdf-limits.ts).
 */
export function decryptPbes2(der: Uint8Array, passphrase: Uint8Array | undefined, maxIterations = MAX_PBKDF2_ITERATIONS): Uint8Array {
  const [algId, data] = derSequence(der, what);
  const [schemeOid, params] = seq(algId);
  if (derOid(schemeOid, what) !== PBES2) throw new KeyParseError(`${what}: unsupported scheme (only PBES2)`);
  const [kdf, enc] = seq(params);
  const [kdfOid, kdfParams] = seq(kdf);
  if (derOid(kdfOid, what) !== PBKDF2) throw new KeyParseError(`${what}: unsupported key derivation (only PBKDF2)`);
  const kp = seq(kdfParams);
  const salt = kp[0];
  if (!salt || salt.tag !== TAG.OCTET_STRING) throw new KeyParseError(`${what}: malformed PBKDF2 salt`);
  const iterations = derSmallInt(kp[1], what);
  if (iterations < 1) throw new KeyParseError(`${what}: malformed PBKDF2 iteration count`);
  checkKdfCost(what, 'PBKDF2 iteration count', iterations, maxIterations, 'maxPbkdf2Iterations');
  let prf: (typeof PRFS)[keyof typeof PRFS] = sha1;
  for (const extra of kp.slice(2)) {
    if (extra.tag === TAG.SEQUENCE) {
      const oid = derOid(derChildren(extra, what)[0], what);
      const found = PRFS[oid as keyof typeof PRFS];
      if (!found) throw new KeyParseError(`${what}: unsupported PBKDF2 PRF ${oid}`);
      prf = found;
    }
  }
  const [encOid, ivNode] = seq(enc);
  const keyLength = AES_CBC[derOid(encOid, what)];
  if (keyLength === undefined) throw new KeyParseError(`${what}: unsupported cipher (supported: AES-128/192/256-CBC)`);
  if (!ivNode || ivNode.tag !== TAG.OCTET_STRING || ivNode.value.length !== 16) throw new KeyParseError(`${what}: malformed IV`);
  if (!data || data.tag !== TAG.OCTET_STRING) throw new KeyParseError(`${what}: malformed`);
  if (passphrase === undefined) throw new KeyParseError(`${what}: the key is encrypted; a passphrase is required`);
  const key = pbkdf2(prf, passphrase, salt.value, { c: iterations, dkLen: keyLength });
  try {
    return cbc(key, ivNode.value).decrypt(data.value);
  } catch {
    throw new KeyParseError(`${what}: wrong passphrase`);
  }
}
