export { PrivateKey } from './private-key.js';
export { PublicKey, sshPublicBlob, sshKeyType } from './public-key.js';
export { parsePrivateKey, type ParsePrivateKeyOptions } from './parse-private-key.js';
export { MAX_BCRYPT_ROUNDS, MAX_PBKDF2_ITERATIONS } from './formats/kdf-limits.js';
export { parsePublicKey } from './parse-public-key.js';
export { parseSshPublicBlob } from './formats/ssh-public.js';
export { encodeOpenSshPrivateKey, type OpenSshWriteOptions } from './formats/openssh-write.js';
export { OPENSSH_CIPHERS } from './formats/openssh-ciphers.js';
export { openSshPublicKey } from './formats/openssh-public.js';
export { bcryptPbkdf } from './formats/bcrypt-pbkdf.js';
export { md5Fingerprint, sha256Fingerprint, parseFingerprint, fingerprintMatches, type ParsedFingerprint } from './fingerprint.js';
export { generatePrivateKey, generatePrivateKeySync, type GenerateKeyOptions } from './generate.js';
export { CURVES, type EcCurve, type CurveInfo } from './curves.js';
export type { KeyType, PublicKeyData, PrivateKeyFormat } from './types.js';
export {
  SIGNATURE_ALGORITHMS,
  parseAlgorithm,
  defaultAlgorithm,
  type SignatureAlgorithm,
} from './sign/algorithms.js';
export { signWithKey, signWithKeySync, type SignOptions, type SigningBackend } from './sign/sign.js';
export { verifyWithKey } from './sign/verify.js';
export { p1363ToDer, derToP1363 } from './sign/ecdsa-der.js';
export type { HashName } from './sign/hashes.js';
