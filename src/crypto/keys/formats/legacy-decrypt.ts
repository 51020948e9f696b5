import { keyDecryptors } from './decryptors.js';
import type { PemBlock } from './pem.js';

/** Whether a PEM block carries `Proc-Type: 4,ENCRYPTED` (OpenSSL's legacy encryption). */
export function isLegacyEncrypted(block: PemBlock): boolean {
  return /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '');
}

/**
 * The DER of a PKCS#1/SEC1 block, decrypted first when it has `Proc-Type: 4,ENCRYPTED`. Only the
 * header check lives here: the decryption (EVP_BytesToKey with MD5, AES-CBC) is loaded by
 * opskit/crypto/encrypted-keys (see decryptors.ts).
 */
export function decodeLegacyEncrypted(block: PemBlock, passphrase: Uint8Array | undefined, what: string): { der: Uint8Array; encrypted: boolean } {
  if (!isLegacyEncrypted(block)) return { der: block.body, encrypted: false };
  return { der: keyDecryptors(what).legacyPem(block, passphrase, what), encrypted: true };
}
