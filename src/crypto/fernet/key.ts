import { decodeBase64UrlShifted } from '../encoding/base64.js';
import { KeyParseError } from '../errors/key-parse-error.js';

/** The two halves of a Fernet key (spec: signing key ‖ encryption key, 16 bytes each). */
export interface FernetKeyParts {
  signingKey: Uint8Array;
  encryptionKey: Uint8Array;
}

/**
 * Splits a Fernet key given as base64url text (surrounding whitespace ignored, so a key
 * read from a file with its newline works) or as the 32 raw bytes.
 * @throws KeyParseError naming the problem; the message never repeats the key.
 */
export function parseFernetKey(key: string | Uint8Array): FernetKeyParts {
  let bytes: unknown = key;
  if (typeof key === 'string') {
    try {
      bytes = decodeBase64UrlShifted(key.trim(), 0);
    } catch (error) {
      // The decoder's message gives only a position, never the key's characters.
      throw new KeyParseError(`Fernet key: ${(error as Error).message}`);
    }
  }
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    const got = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof bytes;
    throw new KeyParseError(`Fernet key must be 32 bytes (raw or base64url), got ${got}`);
  }
  // Copies, so later changes to the caller's array cannot alter the key in use.
  return { signingKey: bytes.slice(0, 16), encryptionKey: bytes.slice(16) };
}
