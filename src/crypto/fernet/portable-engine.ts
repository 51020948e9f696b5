import { aes128Cbc } from '../aes/aes-128-cbc.js';
import { decodeBase64UrlShifted, encodeBase64UrlUnchecked } from '../encoding/base64.js';
import { keyedHmacSha256 } from '../hmac-sha256.js';
import type { FernetEngine } from './engine.js';

/** Fernet in pure JavaScript: runs everywhere, including browser pages where `crypto.subtle` is missing. */
export const portableEngine: FernetEngine = {
  encode: encodeBase64UrlUnchecked,
  decode: (text) => decodeBase64UrlShifted(text, 0),
  mac: keyedHmacSha256,
  cipher: aes128Cbc,
};
