import { sha256 } from '@noble/hashes/sha2.js';

/** Writes HMAC-SHA256(key, message) into the first 32 bytes of `out`. */
export type Mac = (message: Uint8Array, out: Uint8Array) => void;

/**
 * HMAC-SHA256 (RFC 2104) for one fixed key of at most 64 bytes, built directly on noble's
 * SHA-256. The keyed inner and outer states are computed once; each message starts from a
 * copy of them into reused hash objects, so a call allocates no hash state. Written here
 * instead of using `@noble/hashes/hmac.js` because that module adds about 0.35 kB min+gz,
 * more than the 7 kB Fernet bundle budget leaves, and a fixed short key needs none of its
 * generality. Tested against RFC 4231 and node:crypto (test/unit/crypto/fernet.test.ts).
 */
export function keyedHmacSha256(key: Uint8Array): Mac {
  const pad = new Uint8Array(64);
  pad.set(key);
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
