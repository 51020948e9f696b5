import { cbc } from '@noble/ciphers/aes.js';
import { md5 } from '@noble/hashes/legacy.js';
import { decodeHex } from '../../encoding/hex.js';
import { KeyParseError } from '../../errors/key-parse-error.js';
import { concatBytes } from '../der.js';
import type { PemBlock } from './pem.js';

/** Ciphers of OpenSSL's traditional encrypted PEM (`DEK-Info:`) that opskit decrypts. */
const CIPHERS: Record<string, number> = { 'AES-128-CBC': 16, 'AES-192-CBC': 24, 'AES-256-CBC': 32 };

/** OpenSSL EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} ‖ pass ‖ salt). */
export function evpBytesToKey(passphrase: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  let out: Uint8Array = new Uint8Array(0);
  let prev: Uint8Array = new Uint8Array(0);
  while (out.length < length) {
    prev = md5(concatBytes(prev, passphrase, salt));
    out = concatBytes(out, prev);
  }
  return out.subarray(0, length);
}

/**
 * Decrypts a traditional encrypted PEM body (PKCS#1 or SEC1 with `DEK-Info`). A padding
 * failure means a wrong passphrase (the caller also treats an unparsable result that way).
 */
export function decryptLegacyPem(block: PemBlock, passphrase: Uint8Array | undefined, what: string): Uint8Array {
  const info = block.headers['DEK-Info'] ?? '';
  const [cipherName = '', ivHex = ''] = info.split(',').map((s) => s.trim());
  const keyLength = CIPHERS[cipherName.toUpperCase()];
  if (keyLength === undefined) {
    throw new KeyParseError(`${what}: unsupported PEM encryption ${JSON.stringify(cipherName.slice(0, 32))} (supported: ${Object.keys(CIPHERS).join(', ')})`);
  }
  if (passphrase === undefined) throw new KeyParseError(`${what}: the key is encrypted; a passphrase is required`);
  let iv: Uint8Array;
  try {
    iv = decodeHex(ivHex);
  } catch {
    throw new KeyParseError(`${what}: malformed DEK-Info IV`);
  }
  if (iv.length !== 16) throw new KeyParseError(`${what}: malformed DEK-Info IV`);
  const key = evpBytesToKey(passphrase, iv.subarray(0, 8), keyLength);
  try {
    return cbc(key, iv).decrypt(block.body);
  } catch {
    throw new KeyParseError(`${what}: wrong passphrase`);
  }
}
