import { setKeyDecryptors } from '../keys/formats/decryptors.js';
import { decryptLegacyPem } from '../keys/formats/legacy-pem.js';
import { decryptOpenSshSection } from '../keys/formats/openssh-decrypt.js';
import { decryptPbes2 } from '../keys/formats/pbes2.js';

/**
 * Lets `parsePrivateKey`, `keySigner` and Triton's `DataCenter({ key, passphrase })` read encrypted
 * private keys: OpenSSH (bcrypt_pbkdf + AES-CTR/CBC/GCM), encrypted PKCS#8 (PBES2: PBKDF2 +
 * AES-CBC) and OpenSSL's legacy `DEK-Info` PEM (EVP_BytesToKey + AES-CBC). Importing
 * `opskit/crypto/encrypted-keys` already calls it; calling it again changes nothing.
 */
export function installEncryptedKeys(): void {
  setKeyDecryptors({ openssh: decryptOpenSshSection, pbes2: decryptPbes2, legacyPem: decryptLegacyPem });
}
