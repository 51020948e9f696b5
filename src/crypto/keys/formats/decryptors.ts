import { KeyParseError } from '../../errors/key-parse-error.js';
import type { SshReader } from '../ssh-wire.js';
import type { PemBlock } from './pem.js';

// Encrypted key files need AES (CTR, CBC, GCM), bcrypt_pbkdf, PBKDF2 and MD5: a fifth of a browser
// bundle that signs with a plain Ed25519 key, for files such a caller never meets. So the parser
// only *detects* encryption (a cipher name, a PEM label or header) and hands the work to the
// decryptors installed here, which `opskit/crypto/encrypted-keys` puts in place when imported (the
// Node build, and the browser bundle, import it for you). Without them it says what to import.

/** The import that installs the decryptors, as the error without them spells it. */
export const ENCRYPTED_KEYS_IMPORT = "import 'opskit/crypto/encrypted-keys'";

/** What an encrypted openssh-key-v1 file says about its private section. */
export interface OpenSshEncrypted {
  cipherName: string;
  kdfName: string;
  kdfOptions: Uint8Array;
  /** The encrypted private section. */
  section: Uint8Array;
  /** Positioned just after the section: a GCM tag follows there. */
  reader: SshReader;
  passphrase: Uint8Array | undefined;
  maxRounds: number;
}

/** The decryptors of the three encrypted private-key formats opskit reads. */
export interface KeyDecryptors {
  /** openssh-key-v1: bcrypt_pbkdf + AES-CTR/CBC/GCM; returns the plain private section. */
  openssh(e: OpenSshEncrypted): Uint8Array;
  /** `BEGIN ENCRYPTED PRIVATE KEY` (PBES2: PBKDF2 + AES-CBC); returns the PKCS#8 DER. */
  pbes2(der: Uint8Array, passphrase: Uint8Array | undefined, maxIterations: number): Uint8Array;
  /** OpenSSL's legacy `DEK-Info` PEM (PKCS#1, SEC1); returns the DER. */
  legacyPem(block: PemBlock, passphrase: Uint8Array | undefined, what: string): Uint8Array;
}

let installed: KeyDecryptors | undefined;

/** Internal: puts the decryptors in place (see opskit/crypto/encrypted-keys). */
export function setKeyDecryptors(decryptors: KeyDecryptors): void {
  installed = decryptors;
}

/**
 * The installed decryptors, or a KeyParseError saying that the key (`what`) is encrypted and what
 * to import to read it. The message names the format only, never anything from the file.
 */
export function keyDecryptors(what: string): KeyDecryptors {
  if (installed) return installed;
  throw new KeyParseError(
    `${what}: the key is encrypted, and encrypted key formats are not loaded in this build; add ${ENCRYPTED_KEYS_IMPORT} ` +
      '(once, anywhere in the program) to read it. Node, Deno and Bun read encrypted keys without it.',
  );
}
