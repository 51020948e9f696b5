import { checkInteger, checkOptions, checkString, checkTextOrBytes } from '../args/check.js';
import { KeyParseError } from '../errors/key-parse-error.js';
import { keyDecryptors } from './formats/decryptors.js';
import { decodeLegacyEncrypted } from './formats/legacy-decrypt.js';
import { MAX_BCRYPT_ROUNDS, MAX_PBKDF2_ITERATIONS } from './formats/kdf-limits.js';
import { parseOpenSsh } from './formats/openssh.js';
import { decodePem } from './formats/pem.js';
import { parsePkcs1Private } from './formats/pkcs1.js';
import { parsePkcs8 } from './formats/pkcs8.js';
import { parseSec1 } from './formats/sec1.js';
import { keyText } from './key-text.js';
import { PrivateKey } from './private-key.js';

/** Options of {@link parsePrivateKey}. */
export interface ParsePrivateKeyOptions {
  /** Passphrase of an encrypted key (UTF-8 when a string). */
  passphrase?: string | Uint8Array;
  /** Comment to attach when the format has none (PEM). */
  comment?: string;
  /**
   * Highest bcrypt_pbkdf rounds accepted in an encrypted OpenSSH key (default
   * {@link MAX_BCRYPT_ROUNDS}, 256). A key asking for more is refused before any work, since
   * deriving blocks the thread; raise it only for a key you trust that really uses more.
   */
  maxBcryptRounds?: number;
  /**
   * Highest PBKDF2 iteration count accepted in an encrypted PKCS#8 key (default
   * {@link MAX_PBKDF2_ITERATIONS}, 1,000,000), for the same reason.
   */
  maxPbkdf2Iterations?: number;
}

// 2^32 - 1 is the most an OpenSSH file can even express; PBKDF2 counts beyond 2^48 are not DER we read.
const MAX_U32 = 2 ** 32 - 1;

/** Checks the options of {@link parsePrivateKey} (and of signers that pass them on). */
export function checkParseOptions(options: ParsePrivateKeyOptions | undefined, where: string): {
  passphrase: Uint8Array | undefined;
  comment: string | undefined;
  maxBcryptRounds: number;
  maxPbkdf2Iterations: number;
} {
  const o = checkOptions(options, `${where}: options`);
  const passphrase = o.passphrase === undefined ? undefined : checkTextOrBytes(o.passphrase, `${where}: options.passphrase`);
  return {
    passphrase: typeof passphrase === 'string' ? new TextEncoder().encode(passphrase) : passphrase,
    comment: o.comment === undefined ? undefined : checkString(o.comment, `${where}: options.comment`, { allowEmpty: true }),
    maxBcryptRounds: o.maxBcryptRounds === undefined ? MAX_BCRYPT_ROUNDS : checkInteger(o.maxBcryptRounds, `${where}: options.maxBcryptRounds`, 1, MAX_U32),
    maxPbkdf2Iterations:
      o.maxPbkdf2Iterations === undefined ? MAX_PBKDF2_ITERATIONS : checkInteger(o.maxPbkdf2Iterations, `${where}: options.maxPbkdf2Iterations`, 1, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * Parses a private key in any format opskit reads:
 * - OpenSSH (`BEGIN OPENSSH PRIVATE KEY`), plain or encrypted (bcrypt_pbkdf + AES-CTR/CBC/GCM);
 * - PKCS#1 (`BEGIN RSA PRIVATE KEY`) and SEC1 (`BEGIN EC PRIVATE KEY`), plain or with OpenSSL's
 *   legacy `DEK-Info` encryption (EVP_BytesToKey + AES-128/192/256-CBC);
 * - PKCS#8 (`BEGIN PRIVATE KEY`) and encrypted PKCS#8 (`BEGIN ENCRYPTED PRIVATE KEY`, PBES2 with
 *   PBKDF2 + AES-CBC).
 * Key types: RSA, ECDSA P-256/384/521, Ed25519.
 *
 * Encrypted keys are read once `opskit/crypto/encrypted-keys` is imported (the Node build, which
 * Node, Deno and Bun load, and the browser bundle `opskit/browser` include it); without it an
 * encrypted key is a KeyParseError that names that import, so browser bundles that never meet an
 * encrypted key leave out AES, bcrypt_pbkdf and PBKDF2.
 *
 * An encrypted key's own key-derivation cost is capped (`maxBcryptRounds`, `maxPbkdf2Iterations`)
 * and checked before any derivation, so a hostile file cannot block the thread for minutes.
 * @throws KeyParseError saying what is wrong ("wrong passphrase", "a passphrase is required",
 *   "the key is encrypted … add import 'opskit/crypto/encrypted-keys'",
 *   "malformed …", "unsupported …", "bcrypt_pbkdf rounds … above the limit"), also when `input`
 *   is neither a string nor a Uint8Array; the message never contains key material.
 * @throws ConfigError for a bad option (a passphrase that is not a string or bytes, a lone
 *   surrogate in it, a cap that is not a positive integer).
 */
export function parsePrivateKey(input: string | Uint8Array, options?: ParsePrivateKeyOptions): PrivateKey {
  const text = keyText(input, 'parsePrivateKey: input');
  const { passphrase, comment, maxBcryptRounds, maxPbkdf2Iterations } = checkParseOptions(options, 'parsePrivateKey');
  const block = decodePem(text);
  switch (block.label) {
    case 'OPENSSH PRIVATE KEY': {
      const parsed = parseOpenSsh(block.body, passphrase, maxBcryptRounds);
      return new PrivateKey(parsed.data, { comment: parsed.comment || comment, format: 'openssh', encrypted: parsed.encrypted });
    }
    case 'RSA PRIVATE KEY': {
      const { der, encrypted } = decodeLegacyEncrypted(block, passphrase, 'PKCS#1 RSA key');
      return new PrivateKey(guard(encrypted, 'PKCS#1 RSA key', () => parsePkcs1Private(der)), { comment, format: 'pkcs1', encrypted });
    }
    case 'EC PRIVATE KEY': {
      const { der, encrypted } = decodeLegacyEncrypted(block, passphrase, 'SEC1 EC key');
      return new PrivateKey(guard(encrypted, 'SEC1 EC key', () => parseSec1(der)), { comment, format: 'sec1', encrypted });
    }
    case 'PRIVATE KEY':
      return new PrivateKey(parsePkcs8(block.body), { comment, format: 'pkcs8' });
    case 'ENCRYPTED PRIVATE KEY': {
      const der = keyDecryptors('encrypted PKCS#8 key').pbes2(block.body, passphrase, maxPbkdf2Iterations);
      return new PrivateKey(guard(true, 'encrypted PKCS#8 key', () => parsePkcs8(der)), { comment, format: 'pkcs8', encrypted: true });
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
