import { ed25519 } from '../ed25519.js';
import { KeyParseError } from '../../errors/key-parse-error.js';
import { bytesToBigInt } from '../../rsa/bigint.js';
import { CURVES, type EcCurve } from '../curves.js';
import { sshPublicBlob } from '../public-key.js';
import { SshReader } from '../ssh-wire.js';
import type { PrivateKeyData } from '../types.js';
import { keyDecryptors } from './decryptors.js';
import { MAX_BCRYPT_ROUNDS } from './kdf-limits.js';
import { rsaFromPrimes } from './pkcs1.js';
import { ecdsaKey } from './sec1.js';
import { readSshPublicKey } from './ssh-public.js';

/** `openssh-key-v1\0`, the magic that starts the body of `BEGIN OPENSSH PRIVATE KEY`. */
export const OPENSSH_MAGIC = new TextEncoder().encode('openssh-key-v1\0');
const what = 'OpenSSH key';

/** Result of parsing an openssh-key-v1 body. */
export interface OpenSshParsed {
  data: PrivateKeyData;
  comment: string;
  encrypted: boolean;
}

function readPrivate(r: SshReader): PrivateKeyData {
  const type = r.text();
  if (type === 'ssh-rsa') {
    const [n, e, d, qi, p, q] = [r.mpint(), r.mpint(), r.mpint(), r.mpint(), r.mpint(), r.mpint()].map(bytesToBigInt) as bigint[];
    return rsaFromPrimes(n!, e!, d!, p!, q!, qi);
  }
  if (type === 'ssh-ed25519') {
    const a = r.string();
    const sk = r.string();
    if (a.length !== 32 || sk.length !== 64) throw new KeyParseError(`${what}: malformed Ed25519 key`);
    const seed = sk.slice(0, 32);
    const derived = ed25519.getPublicKey(seed);
    if (derived.some((b, i) => b !== a[i])) throw new KeyParseError(`${what}: Ed25519 public key does not match the seed`);
    return { type: 'ed25519', seed, a: derived };
  }
  const ec = /^ecdsa-sha2-(nistp256|nistp384|nistp521)$/.exec(type);
  if (ec) {
    const curve = ec[1] as EcCurve;
    if (r.text() !== curve) throw new KeyParseError(`${what}: ECDSA curve name does not match the key type`);
    const q = r.string();
    const d = r.mpint();
    return ecdsaKey(CURVES[curve], d, q, what);
  }
  throw new KeyParseError(`${what}: unsupported key type ${JSON.stringify(type.slice(0, 40))} (expected RSA, ECDSA or Ed25519)`);
}

/**
 * Parses the binary body of an OpenSSH private key (PROTOCOL.key): unencrypted, or encrypted
 * with bcrypt_pbkdf and an AES cipher (once opskit/crypto/encrypted-keys has installed the
 * decryptor; see decryptors.ts). Only the first key of a file is read.
 * @param maxRounds - the highest bcrypt_pbkdf rounds accepted; a file asking for more is refused
 *   before any derivation (see kdf-limits.ts).
 */
export function parseOpenSsh(body: Uint8Array, passphrase: Uint8Array | undefined, maxRounds = MAX_BCRYPT_ROUNDS): OpenSshParsed {
  if (body.length < OPENSSH_MAGIC.length || OPENSSH_MAGIC.some((b, i) => body[i] !== b)) {
    throw new KeyParseError(`${what}: malformed (missing openssh-key-v1 magic)`);
  }
  const r = new SshReader(body.subarray(OPENSSH_MAGIC.length), what);
  const cipherName = r.text();
  const kdfName = r.text();
  const kdfOptions = r.string();
  const count = r.u32();
  if (count < 1 || count > 64) throw new KeyParseError(`${what}: malformed (key count)`);
  const publicBlob = r.string();
  for (let i = 1; i < count; i++) r.string();
  const section = r.string();
  const encrypted = cipherName !== 'none';
  let plain = section;
  if (encrypted) {
    // The decryption (bcrypt_pbkdf, AES) is loaded only by opskit/crypto/encrypted-keys: see decryptors.ts.
    plain = keyDecryptors(what).openssh({ cipherName, kdfName, kdfOptions, section, reader: r, passphrase, maxRounds });
  } else if (kdfName !== 'none') {
    throw new KeyParseError(`${what}: malformed (kdf without cipher)`);
  }
  const p = new SshReader(plain, what);
  const check1 = p.u32();
  const check2 = p.u32();
  // The two check words are equal random numbers; after a wrong key they differ.
  if (check1 !== check2) throw new KeyParseError(encrypted ? `${what}: wrong passphrase` : `${what}: malformed (check words differ)`);
  const data = readPrivate(p);
  const comment = p.text();
  const pad = p.rest();
  if (pad.some((b, i) => b !== i + 1)) throw new KeyParseError(`${what}: malformed (bad padding)`);
  const pub = sshPublicBlob(readSshPublicKey(new SshReader(publicBlob, what)));
  const mine = sshPublicBlob(data);
  if (pub.length !== mine.length || pub.some((b, i) => b !== mine[i])) throw new KeyParseError(`${what}: public key does not match the private key`);
  return { data, comment, encrypted };
}
