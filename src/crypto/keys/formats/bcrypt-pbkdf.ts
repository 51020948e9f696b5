import { sha512 } from '@noble/hashes/sha2.js';
import { checkBytes, checkInteger } from '../../args/check.js';
import { ConfigError } from '../../../core/errors/config-error.js';
import { Blowfish, wordStream } from './blowfish.js';

const MAGIC = new TextEncoder().encode('OxychromaticBlowfishSwatDynamite');
const HASH_SIZE = 32;

/** OpenBSD's bcrypt_hash: one Eksblowfish run keyed by SHA-512 digests of passphrase and salt. */
function bcryptHash(sha2pass: Uint8Array, sha2salt: Uint8Array): Uint8Array {
  const bf = new Blowfish();
  bf.expandState(sha2salt, sha2pass);
  for (let i = 0; i < 64; i++) {
    bf.expand0State(sha2salt);
    bf.expand0State(sha2pass);
  }
  const words = wordStream(MAGIC);
  const cdata = new Uint32Array(8);
  for (let i = 0; i < 8; i++) cdata[i] = words();
  for (let i = 0; i < 64; i++) for (let b = 0; b < 8; b += 2) bf.encryptBlock(cdata, b);
  const out = new Uint8Array(HASH_SIZE);
  // Little-endian output, as OpenBSD writes it.
  for (let i = 0; i < 8; i++) {
    const w = cdata[i]!;
    out[4 * i] = w & 0xff;
    out[4 * i + 1] = (w >>> 8) & 0xff;
    out[4 * i + 2] = (w >>> 16) & 0xff;
    out[4 * i + 3] = w >>> 24;
  }
  return out;
}

/**
 * bcrypt_pbkdf (OpenBSD, used by OpenSSH to encrypt private keys): PBKDF2-like, with bcrypt_hash
 * as the PRF and the output bytes interleaved across blocks. Tested against OpenBSD's vectors.
 *
 * Synchronous, and each round costs milliseconds: the caller picks `rounds` (parsePrivateKey caps
 * what a key file may ask for; see its `maxBcryptRounds`).
 * @throws ConfigError on parameters OpenBSD also refuses (empty passphrase or salt, rounds below
 *   1, a key length outside 1–1024) and on arguments of the wrong type.
 */
export function bcryptPbkdf(passphrase: Uint8Array, salt: Uint8Array, rounds: number, keyLength: number): Uint8Array {
  checkBytes(passphrase, 'bcryptPbkdf: passphrase');
  checkBytes(salt, 'bcryptPbkdf: salt');
  checkInteger(rounds, 'bcryptPbkdf: rounds', 1, 2 ** 32 - 1);
  checkInteger(keyLength, 'bcryptPbkdf: keyLength', 1, HASH_SIZE * HASH_SIZE);
  if (passphrase.length === 0) throw new ConfigError('bcryptPbkdf: passphrase must not be empty');
  if (salt.length === 0 || salt.length > 1 << 20) throw new ConfigError('bcryptPbkdf: salt must be 1 byte to 1 MiB long');
  const key = new Uint8Array(keyLength);
  const stride = Math.ceil(keyLength / HASH_SIZE);
  let amount = Math.ceil(keyLength / stride);
  const sha2pass = sha512(passphrase);
  const countSalt = new Uint8Array(salt.length + 4);
  countSalt.set(salt);
  let remaining = keyLength;
  for (let count = 1; remaining > 0; count++) {
    countSalt[salt.length] = count >>> 24;
    countSalt[salt.length + 1] = (count >>> 16) & 0xff;
    countSalt[salt.length + 2] = (count >>> 8) & 0xff;
    countSalt[salt.length + 3] = count & 0xff;
    let tmp = bcryptHash(sha2pass, sha512(countSalt));
    const out = tmp.slice();
    for (let i = 1; i < rounds; i++) {
      tmp = bcryptHash(sha2pass, sha512(tmp));
      for (let j = 0; j < HASH_SIZE; j++) out[j]! ^= tmp[j]!;
    }
    amount = Math.min(amount, remaining);
    let i = 0;
    for (; i < amount; i++) {
      const dest = i * stride + (count - 1);
      if (dest >= keyLength) break;
      key[dest] = out[i]!;
    }
    remaining -= i;
  }
  return key;
}
