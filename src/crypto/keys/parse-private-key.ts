import { KeyParseError } from '../errors/key-parse-error.js';
import { decodeLegacyEncrypted } from './formats/legacy-decrypt.js';
import { parseOpenSsh } from './formats/openssh.js';
import { decryptPbes2 } from './formats/pbes2.js';
import { decodePem } from './formats/pem.js';
import { parsePkcs1Private } from './formats/pkcs1.js';
import { parsePkcs8 } from './formats/pkcs8.js';
import { parseSec1 } from './formats/sec1.js';
import { PrivateKey } from './private-key.js';

/** Options of {@link parsePrivateKey}. */
export interface ParsePrivateKeyOptions {
  /** Passphrase of an encrypted key (UTF-8 when a string). */
  passphrase?: string | Uint8Array;
  /** Comment to attach when the format has none (PEM). */
  comment?: string;
}

const toBytes = (p: string | Uint8Array | undefined) => (typeof p === 'string' ? new TextEncoder().encode(p) : p);

/**
 * Parses a private key in any format opskit reads:
 * - OpenSSH (`BEGIN OPENSSH PRIVATE KEY`), plain or encrypted (bcrypt_pbkdf + AES-CTR/CBC/GCM);
 * - PKCS#1 (`BEGIN RSA PRIVATE KEY`) and SEC1 (`BEGIN EC PRIVATE KEY`), plain or with OpenSSL's
 *   legacy `DEK-Info` encryption (EVP_BytesToKey + AES-128/192/256-CBC);
 * - PKCS#8 (`BEGIN PRIVATE KEY`) and encrypted PKCS#8 (`BEGIN ENCRYPTED PRIVATE KEY`, PBES2 with
 *   PBKDF2 + AES-CBC).
 * Key types: RSA, ECDSA P-256/384/521, Ed25519.
 * @throws KeyParseError saying what is wrong ("wrong passphrase", "a passphrase is required",
 *   "malformed …", "unsupported …"); the message never contains key material.
 */
export function parsePrivateKey(input: string | Uint8Array, options: ParsePrivateKeyOptions = {}): PrivateKey {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const passphrase = toBytes(options.passphrase);
  const block = decodePem(text);
  switch (block.label) {
    case 'OPENSSH PRIVATE KEY': {
      const parsed = parseOpenSsh(block.body, passphrase);
      return new PrivateKey(parsed.data, { comment: parsed.comment || options.comment, format: 'openssh', encrypted: parsed.encrypted });
    }
    case 'RSA PRIVATE KEY': {
      const { der, encrypted } = decodeLegacyEncrypted(block, passphrase, 'PKCS#1 RSA key');
      return new PrivateKey(guard(encrypted, 'PKCS#1 RSA key', () => parsePkcs1Private(der)), { comment: options.comment, format: 'pkcs1', encrypted });
    }
    case 'EC PRIVATE KEY': {
      const { der, encrypted } = decodeLegacyEncrypted(block, passphrase, 'SEC1 EC key');
      return new PrivateKey(guard(encrypted, 'SEC1 EC key', () => parseSec1(der)), { comment: options.comment, format: 'sec1', encrypted });
    }
    case 'PRIVATE KEY':
      return new PrivateKey(parsePkcs8(block.body), { comment: options.comment, format: 'pkcs8' });
    case 'ENCRYPTED PRIVATE KEY': {
      const der = decryptPbes2(block.body, passphrase);
      return new PrivateKey(guard(true, 'encrypted PKCS#8 key', () => parsePkcs8(der)), { comment: options.comment, format: 'pkcs8', encrypted: true });
    }
    case 'DSA PRIVATE KEY':
      throw new KeyParseError('DSA keys are not supported (use RSA, ECDSA or Ed25519)');
    default:
      throw new KeyParseError(`unsupported PEM label ${JSON.stringify(block.label)} (expected an OpenSSH, PKCS#1, SEC1 or PKCS#8 private key)`);
  }
}

/**
 * After decryption with a wrong passphrase, CBC padding still checks out 1 time in 256 and the
 * DER is garbage: report that as the wrong passphrase it almost certainly is.
 */
function guard<T>(encrypted: boolean, what: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (encrypted && e instanceof KeyParseError && /malformed/.test(e.message)) throw new KeyParseError(`${what}: wrong passphrase`);
    throw e;
  }
}
