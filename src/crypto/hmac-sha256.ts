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
  const pad = innerPad(key);
  const inner = sha256.create().update(pad);
  const outer = sha256.create().update(toOuterPad(pad));
  pad.fill(0);
  // The working copies are made by the first call (_cloneInto(undefined) creates one).
  let i: typeof inner | undefined;
  let o: typeof outer | undefined;
  return (message, out) => {
    i = inner._cloneInto(i);
    o = outer._cloneInto(o);
    i.update(message).digestInto(out);
    // update() buffers the inner digest before digestInto() overwrites `out`.
    o.update(out.subarray(0, 32)).digestInto(out);
  };
}

/**
 * HMAC-SHA256 of `message` under `key`: the 32-byte tag. One-shot: two hash states and no keyed
 * copies, under half the cost of keying {@link keyedHmacSha256} for a single message.
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  const pad = innerPad(key);
  sha256.create().update(pad).update(message).digestInto(out);
  // A full 64-byte block is compressed as update() reads it, so `pad` may change afterwards.
  sha256.create().update(toOuterPad(pad)).update(out).digestInto(out);
  pad.fill(0);
  return out;
}

/** The key as one 64-byte block (hashed first when longer, RFC 2104), XORed with ipad (0x36). */
function innerPad(key: Uint8Array): Uint8Array {
  const pad = new Uint8Array(64);
  pad.set(key.length > 64 ? sha256(key) : key);
  for (let j = 0; j < 64; j++) pad[j]! ^= 0x36;
  return pad;
}

/** Turns the inner pad into the outer one (opad, 0x5c) in place. */
function toOuterPad(pad: Uint8Array): Uint8Array {
  for (let j = 0; j < 64; j++) pad[j]! ^= 0x36 ^ 0x5c;
  return pad;
}
