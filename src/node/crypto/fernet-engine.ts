import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { FernetEngine } from '../../crypto/fernet/engine.js';
import { portableEngine } from '../../crypto/fernet/portable-engine.js';

// base64url without padding, by its length mod 4 → the padding Fernet tokens carry.
const PADDING = ['', '', '==', '='];

/**
 * A plain Uint8Array with a Buffer's bytes. Fernet hands out Uint8Arrays only: a Buffer's methods
 * differ (`slice` shares memory, `toString` decodes) and a small one is a view of Node's shared
 * pool, whose `.buffer` would expose other data.
 */
function plain(parts: readonly Buffer[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const view = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Fernet on node:crypto alone (OpenSSL's AES-128-CBC and HMAC-SHA256) and the runtime's native
 * base64. About eight times the portable engine's speed on a 64 KiB token. Same results and the same
 * strictness: the decoder accepts exactly what the portable one does (see `decode`). Fernet uses it
 * through {@link nodeFernetEngine}, which keeps small messages on the portable primitives.
 */
export const nativeFernetEngine: FernetEngine = {
  encode(token) {
    const text = view(token).toString('base64url');
    return text + PADDING[text.length % 4];
  },

  decode(text) {
    if (typeof text !== 'string') throw new TypeError('token must be a string');
    // Padding is optional, but when present it must complete the last 4-character group.
    let end = text.length;
    if (text.charCodeAt(end - 1) === 61) end -= text.charCodeAt(end - 2) === 61 ? 2 : 1;
    if (end < text.length && text.length % 4) throw new RangeError('base64url: bad padding');
    const body = end < text.length ? text.slice(0, end) : text;
    // Buffer's decoder skips characters outside the alphabet and takes the standard one too, so
    // what it returns is accepted only if it encodes back to exactly the text given: that refuses
    // every stray or foreign character, an impossible length and non-zero trailing bits.
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.toString('base64url') !== body) throw new RangeError('base64url: not canonical');
    return bytes;
  },

  mac(signingKey) {
    const key = Uint8Array.from(signingKey);
    return (message, out) => {
      out.set(createHmac('sha256', key).update(message).digest());
    };
  },

  cipher(encryptionKey) {
    const key = Uint8Array.from(encryptionKey);
    return {
      encrypt(iv, plaintext, out) {
        const cipher = createCipheriv('aes-128-cbc', key, iv);
        const head = cipher.update(plaintext);
        out.set(head);
        out.set(cipher.final(), head.length);
      },
      decrypt(iv, ciphertext) {
        // final() throws on bad padding; Fernet turns that into InvalidToken.
        const decipher = createDecipheriv('aes-128-cbc', key, iv);
        return plain([decipher.update(ciphertext), decipher.final()]);
      },
    };
  },
};

// Each node:crypto HMAC builds a fresh OpenSSL context from the raw key: 3-5 µs on the development
// machine whatever the size, while the portable HMAC-SHA256 is keyed once per Fernet and costs
// ~2.6 µs on the 105-byte MAC input of a 64-byte message; they cross at about 256 bytes (both
// engines timed from 16 B to 16 KiB). AES stays on OpenSSL at every size although its setup costs
// the same: the portable AES is table-based, and server-side runtimes must not look up tables by
// key and plaintext where a co-resident process can time the cache (SHA-256 has no such lookups).
/** MAC inputs from this many bytes go to node:crypto; shorter ones to the portable HMAC-SHA256. */
const NATIVE_MAC_FROM = 256;

/**
 * What opskit/crypto's `node` export condition gives Node, Deno and Bun: native base64 and AES
 * always, node:crypto's HMAC from {@link NATIVE_MAC_FROM} bytes and the portable HMAC (keyed once)
 * below. Both HMACs give the same bytes, so the choice is speed only.
 */
export const nodeFernetEngine: FernetEngine = {
  ...nativeFernetEngine,
  mac(signingKey) {
    const small = portableEngine.mac(signingKey);
    const large = nativeFernetEngine.mac(signingKey);
    return (message, out) => (message.length < NATIVE_MAC_FROM ? small : large)(message, out);
  },
};
