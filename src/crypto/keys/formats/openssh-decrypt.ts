import { KeyParseError } from '../../errors/key-parse-error.js';
import { SshReader } from '../ssh-wire.js';
import { bcryptPbkdf } from './bcrypt-pbkdf.js';
import type { OpenSshEncrypted } from './decryptors.js';
import { checkKdfCost } from './kdf-limits.js';
import { openSshCipher } from './openssh-ciphers.js';

const what = 'OpenSSH key';

/**
 * Decrypts the private section of an encrypted openssh-key-v1 file (bcrypt_pbkdf + an AES cipher,
 * PROTOCOL.key). Checks run cheapest first, and the bcrypt cost is checked before any derivation.
 * A wrong passphrase shows here only with GCM (its tag fails); with CTR/CBC the caller's check
 * words catch it.
 */
export function decryptOpenSshSection(e: OpenSshEncrypted): Uint8Array {
  const cipher = openSshCipher(e.cipherName);
  const tag = e.reader.raw(cipher.tagLength);
  if (e.kdfName !== 'bcrypt') throw new KeyParseError(`${what}: unsupported key derivation ${JSON.stringify(e.kdfName.slice(0, 40))} (only bcrypt)`);
  const kr = new SshReader(e.kdfOptions, what);
  const salt = kr.string();
  const rounds = kr.u32();
  if (rounds < 1 || salt.length === 0) throw new KeyParseError(`${what}: malformed bcrypt options`);
  checkKdfCost(what, 'bcrypt_pbkdf rounds', rounds, e.maxRounds, 'maxBcryptRounds');
  if (e.passphrase === undefined || e.passphrase.length === 0) throw new KeyParseError(`${what}: the key is encrypted; a passphrase is required`);
  if (e.section.length % cipher.blockSize !== 0) throw new KeyParseError(`${what}: malformed (encrypted section length)`);
  const derived = bcryptPbkdf(e.passphrase, salt, rounds, cipher.keyLength + cipher.ivLength);
  try {
    return cipher.decrypt(derived.subarray(0, cipher.keyLength), derived.subarray(cipher.keyLength), e.section, tag);
  } catch {
    // Only GCM can tell: its tag fails. CTR/CBC fall through to the caller's check words.
    throw new KeyParseError(`${what}: wrong passphrase`);
  }
}
