import { decryptLegacyPem, isLegacyEncrypted } from './legacy-pem.js';
import type { PemBlock } from './pem.js';

/** The DER of a PKCS#1/SEC1 block, decrypted first when it has `Proc-Type: 4,ENCRYPTED`. */
export function decodeLegacyEncrypted(block: PemBlock, passphrase: Uint8Array | undefined, what: string): { der: Uint8Array; encrypted: boolean } {
  if (!isLegacyEncrypted(block)) return { der: block.body, encrypted: false };
  return { der: decryptLegacyPem(block, passphrase, what), encrypted: true };
}
