import { sha256 } from '@noble/hashes/sha2.js';

/** Writes HMAC-SHA256(key, message) into the first 32 bytes of `out`. */
export type Mac = (message: Uint8Array, out: Uint8Array) => void;

/**
 * HMAC-SHA256 (RFC 2104) for one fixed key, built directly on noble's SHA-256. The keyed inner and
 * outer states are computed once; each message starts from a copy of them into reused hash objects,
 * so a call allocates no hash state. A key longer than SHA-256's 64-byte block is hashed first, as
 * RFC 2104 says. Written here instead of using `@noble/hashes/hmac.js` (generic over every hash) so
 * that code which only signs with SHA-256 — Fernet, Timesys — bundles SHA-256 alone and no HMAC
 * wrapper: a smaller bundle, and no per-call keying. Tested against RFC 4231 and node:crypto
 * (test/unit/crypto/hmac-sha256.test.ts).
 */
export function keyedHmacSha256(key: Uint8Array): Mac {
  const pad = new Uint8Array(64);
  pad.set(key.length > 64 ? sha256(key) : key);
  const inner = sha256.create().update(pad.map((b) => b ^ 0x36));
  const outer = sha256.create().update(pad.map((b) => b ^ 0x5c));
  let i = inner.clone();
  let o = outer.clone();
  return (message, out) => {
    i = inner._cloneInto(i);
    o = outer._cloneInto(o);
    i.update(message).digestInto(out);
    // update() buffers the inner digest before digestInto() overwrites `out`.
    o.update(out.subarray(0, 32)).digestInto(out);
  };
}

/** HMAC-SHA256 of `message` under `key`: the 32-byte tag (see {@link keyedHmacSha256}). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  keyedHmacSha256(key)(message, out);
  return out;
}
