import { checkInteger, checkOneOf, checkOptions, checkTextOrBytes } from '../../args/check.js';
import { randomBytes } from '../../bytes/random-bytes.js';
import { bigIntToBytes } from '../../rsa/bigint.js';
import { concatBytes } from '../der.js';
import { materialOf } from '../material.js';
import type { PrivateKey } from '../private-key.js';
import { sshPublicBlob } from '../public-key.js';
import { SshWriter } from '../ssh-wire.js';
import { bcryptPbkdf } from './bcrypt-pbkdf.js';
import { OPENSSH_CIPHERS, openSshCipher } from './openssh-ciphers.js';
import { OPENSSH_MAGIC } from './openssh.js';
import { encodePem } from './pem.js';

/** Options of {@link encodeOpenSshPrivateKey}. */
export interface OpenSshWriteOptions {
  /** Encrypt with bcrypt_pbkdf + `cipher` (default aes256-ctr, as ssh-keygen does). */
  passphrase?: string | Uint8Array;
  cipher?: string;
  /** bcrypt_pbkdf rounds (default 16, ssh-keygen's default). */
  rounds?: number;
}

/**
 * Writes a private key as `-----BEGIN OPENSSH PRIVATE KEY-----` (openssh-key-v1), optionally
 * passphrase-protected. Used by simulators to hand out working credentials; the output is what
 * ssh-keygen writes and reads.
 * @throws ConfigError when `key` is not a PrivateKey or an option is wrong (a passphrase that is
 *   not a string or bytes or has a lone surrogate, an unknown cipher, rounds outside 1 to 2^32 - 1).
 */
export function encodeOpenSshPrivateKey(key: PrivateKey, options?: OpenSshWriteOptions): string {
  const where = 'encodeOpenSshPrivateKey';
  const data = materialOf(key, `${where}: key`);
  const o = checkOptions(options, `${where}: options`);
  const given = o.passphrase === undefined ? undefined : checkTextOrBytes(o.passphrase, `${where}: options.passphrase`);
  const pass = typeof given === 'string' ? new TextEncoder().encode(given) : given;
  const cipherName = o.cipher === undefined ? 'aes256-ctr' : checkOneOf(o.cipher, `${where}: options.cipher`, OPENSSH_CIPHERS);
  const rounds = o.rounds === undefined ? 16 : checkInteger(o.rounds, `${where}: options.rounds`, 1, 2 ** 32 - 1);
  const encrypted = pass !== undefined && pass.length > 0;
  const cipher = encrypted ? openSshCipher(cipherName) : undefined;
  const blockSize = cipher?.blockSize ?? 8;

  const checkWord = randomBytes(4);
  const w = new SshWriter().raw(checkWord).raw(checkWord).string(key.publicKey.sshType);
  if (data.type === 'rsa') {
    for (const v of [data.n, data.e, data.d, data.qi, data.p, data.q]) w.mpint(bigIntToBytes(v));
  } else if (data.type === 'ecdsa') {
    w.string(data.curve).string(data.q).mpint(data.d);
  } else {
    w.string(data.a).string(concatBytes(data.seed, data.a));
  }
  w.string(key.comment);
  let section = w.bytes();
  const padLength = (blockSize - (section.length % blockSize)) % blockSize;
  section = concatBytes(section, Uint8Array.from({ length: padLength }, (_, i) => i + 1));

  let kdfName = 'none';
  let kdfOptions: Uint8Array = new Uint8Array(0);
  let tag: Uint8Array = new Uint8Array(0);
  if (cipher && pass) {
    const salt = randomBytes(16);
    kdfName = 'bcrypt';
    kdfOptions = new SshWriter().string(salt).u32(rounds).bytes();
    const derived = bcryptPbkdf(pass, salt, rounds, cipher.keyLength + cipher.ivLength);
    const sealed = cipher.encrypt(derived.subarray(0, cipher.keyLength), derived.subarray(cipher.keyLength), section);
    section = sealed.data;
    tag = sealed.tag;
  }
  const body = new SshWriter()
    .raw(OPENSSH_MAGIC)
    .string(cipher?.name ?? 'none')
    .string(kdfName)
    .string(kdfOptions)
    .u32(1)
    .string(sshPublicBlob(key.publicKey.data))
    .string(section)
    .raw(tag)
    .bytes();
  return encodePem('OPENSSH PRIVATE KEY', body);
}
