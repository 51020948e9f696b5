// AES-128 (FIPS-197) in CBC mode with PKCS#7 padding (NIST SP 800-38A), the cipher of Fernet.
//
// Written here rather than taken from @noble/ciphers because noble's CBC comes with its generic
// cipher wrapper and every mode's helpers: about 2.6 kB min+gz of the 7 kB "Fernet alone" budget,
// where this file is under 1 kB. It is the classic four-table implementation (as in OpenSSL's
// aes_core.c), tables computed on first use, never at import. Like noble's, table lookups depend on
// secret data, so it is not hardened against cache-timing attacks by a co-resident attacker; Node,
// Deno and Bun use OpenSSL's AES instead (opskit/crypto's `node` export condition).
// Checked against the FIPS-197 and SP 800-38A vectors and against node:crypto for every length
// up to a few blocks (test/unit/crypto/aes.test.ts).

interface Tables {
  /** S-box and its inverse. */
  s: Uint8Array;
  si: Uint8Array;
  /** Encryption tables: te[0][x] = [2·S(x), S(x), S(x), 3·S(x)] as a big-endian word, te[n] its rotations. */
  te: Int32Array[];
  /** Decryption tables: td[0][x] = [14·Si(x), 9·Si(x), 13·Si(x), 11·Si(x)], td[n] its rotations. */
  td: Int32Array[];
}

let tables: Tables | undefined;

// Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
const xtime = (a: number): number => ((a << 1) ^ (a & 0x80 ? 0x11b : 0)) & 0xff;

function build(): Tables {
  const s = new Uint8Array(256);
  const si = new Uint8Array(256);
  // Walk the multiplicative group with generator 3 (p) and its inverse (q = 1/p), so the S-box is
  // the affine map of each element's inverse (FIPS-197 §5.1.1).
  let p = 1;
  let q = 1;
  do {
    p ^= xtime(p);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const r = q | (q << 8);
    const x = (q ^ (r >> 7) ^ (r >> 6) ^ (r >> 5) ^ (r >> 4) ^ 0x63) & 0xff;
    s[p] = x;
    si[x] = p;
  } while (p !== 1);
  s[0] = 0x63;
  si[0x63] = 0;
  const te = [0, 1, 2, 3].map(() => new Int32Array(256));
  const td = [0, 1, 2, 3].map(() => new Int32Array(256));
  for (let x = 0; x < 256; x++) {
    const a = s[x]!;
    const a2 = xtime(a);
    let w = (a2 << 24) | (a << 16) | (a << 8) | (a2 ^ a);
    const b = si[x]!;
    const b2 = xtime(b);
    const b4 = xtime(b2);
    const b8 = xtime(b4);
    let v = ((b8 ^ b4 ^ b2) << 24) | ((b8 ^ b) << 16) | ((b8 ^ b4 ^ b) << 8) | (b8 ^ b2 ^ b);
    for (let n = 0; n < 4; n++) {
      te[n]![x] = w;
      td[n]![x] = v;
      w = (w >>> 8) | (w << 24);
      v = (v >>> 8) | (v << 24);
    }
  }
  return { s, si, te, td };
}

const word = (b: Uint8Array, i: number): number => (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!;

function put(b: Uint8Array, i: number, w: number): void {
  b[i] = w >>> 24;
  b[i + 1] = w >>> 16;
  b[i + 2] = w >>> 8;
  b[i + 3] = w;
}

/** AES-128-CBC with PKCS#7 for one key: its round keys are expanded once. */
export interface AesCbc {
  /** Encrypts `plaintext` with PKCS#7 padding into `out`, whose length must be the padded length. */
  encrypt(iv: Uint8Array, plaintext: Uint8Array, out: Uint8Array): void;
  /** Decrypts and removes the padding. @throws Error on a length that is not whole blocks, or bad padding. */
  decrypt(iv: Uint8Array, ciphertext: Uint8Array): Uint8Array;
}

/** AES-128-CBC keyed with a 16-byte key (the caller checks the length). */
export function aes128Cbc(key: Uint8Array): AesCbc {
  const { s, si, te, td } = (tables ??= build());
  const [T0, T1, T2, T3] = te as [Int32Array, Int32Array, Int32Array, Int32Array];
  const [D0, D1, D2, D3] = td as [Int32Array, Int32Array, Int32Array, Int32Array];
  // Key expansion (FIPS-197 §5.2), then the equivalent inverse cipher's keys (§5.3.5): rounds in
  // reverse order, InvMixColumns applied to all but the first and last.
  const ek = new Int32Array(44);
  for (let i = 0; i < 4; i++) ek[i] = word(key, 4 * i);
  for (let i = 4, rcon = 1; i < 44; i++) {
    let t = ek[i - 1]!;
    if (i % 4 === 0) {
      t = ((s[(t >>> 16) & 255]! << 24) | (s[(t >>> 8) & 255]! << 16) | (s[t & 255]! << 8) | s[t >>> 24]!) ^ (rcon << 24);
      rcon = xtime(rcon);
    }
    ek[i] = ek[i - 4]! ^ t;
  }
  const dk = new Int32Array(44);
  for (let r = 0; r <= 10; r++) {
    for (let j = 0; j < 4; j++) {
      const w = ek[4 * (10 - r) + j]!;
      dk[4 * r + j] = r === 0 || r === 10 ? w : D0[s[w >>> 24]!]! ^ D1[s[(w >>> 16) & 255]!]! ^ D2[s[(w >>> 8) & 255]!]! ^ D3[s[w & 255]!]!;
    }
  }

  return {
    encrypt(iv, plaintext, out) {
      const n = plaintext.length;
      const full = n - (n % 16);
      // The last block: the plaintext's tail and 1–16 bytes of padding, each the padding's length.
      const last = new Uint8Array(16).fill(16 - (n - full));
      last.set(plaintext.subarray(full));
      let c0 = word(iv, 0);
      let c1 = word(iv, 4);
      let c2 = word(iv, 8);
      let c3 = word(iv, 12);
      for (let o = 0; o <= full; o += 16) {
        const src = o < full ? plaintext : last;
        const at = o < full ? o : 0;
        let s0 = word(src, at) ^ c0 ^ ek[0]!;
        let s1 = word(src, at + 4) ^ c1 ^ ek[1]!;
        let s2 = word(src, at + 8) ^ c2 ^ ek[2]!;
        let s3 = word(src, at + 12) ^ c3 ^ ek[3]!;
        for (let k = 4; k < 40; k += 4) {
          const t0 = T0[s0 >>> 24]! ^ T1[(s1 >>> 16) & 255]! ^ T2[(s2 >>> 8) & 255]! ^ T3[s3 & 255]! ^ ek[k]!;
          const t1 = T0[s1 >>> 24]! ^ T1[(s2 >>> 16) & 255]! ^ T2[(s3 >>> 8) & 255]! ^ T3[s0 & 255]! ^ ek[k + 1]!;
          const t2 = T0[s2 >>> 24]! ^ T1[(s3 >>> 16) & 255]! ^ T2[(s0 >>> 8) & 255]! ^ T3[s1 & 255]! ^ ek[k + 2]!;
          s3 = T0[s3 >>> 24]! ^ T1[(s0 >>> 16) & 255]! ^ T2[(s1 >>> 8) & 255]! ^ T3[s2 & 255]! ^ ek[k + 3]!;
          s0 = t0;
          s1 = t1;
          s2 = t2;
        }
        c0 = ((s[s0 >>> 24]! << 24) | (s[(s1 >>> 16) & 255]! << 16) | (s[(s2 >>> 8) & 255]! << 8) | s[s3 & 255]!) ^ ek[40]!;
        c1 = ((s[s1 >>> 24]! << 24) | (s[(s2 >>> 16) & 255]! << 16) | (s[(s3 >>> 8) & 255]! << 8) | s[s0 & 255]!) ^ ek[41]!;
        c2 = ((s[s2 >>> 24]! << 24) | (s[(s3 >>> 16) & 255]! << 16) | (s[(s0 >>> 8) & 255]! << 8) | s[s1 & 255]!) ^ ek[42]!;
        c3 = ((s[s3 >>> 24]! << 24) | (s[(s0 >>> 16) & 255]! << 16) | (s[(s1 >>> 8) & 255]! << 8) | s[s2 & 255]!) ^ ek[43]!;
        put(out, o, c0);
        put(out, o + 4, c1);
        put(out, o + 8, c2);
        put(out, o + 12, c3);
      }
    },

    decrypt(iv, ciphertext) {
      const n = ciphertext.length;
      if (n === 0 || n % 16) throw new Error('AES-CBC: ciphertext is not whole blocks');
      const out = new Uint8Array(n);
      let p0 = word(iv, 0);
      let p1 = word(iv, 4);
      let p2 = word(iv, 8);
      let p3 = word(iv, 12);
      for (let o = 0; o < n; o += 16) {
        const c0 = word(ciphertext, o);
        const c1 = word(ciphertext, o + 4);
        const c2 = word(ciphertext, o + 8);
        const c3 = word(ciphertext, o + 12);
        let s0 = c0 ^ dk[0]!;
        let s1 = c1 ^ dk[1]!;
        let s2 = c2 ^ dk[2]!;
        let s3 = c3 ^ dk[3]!;
        for (let k = 4; k < 40; k += 4) {
          const t0 = D0[s0 >>> 24]! ^ D1[(s3 >>> 16) & 255]! ^ D2[(s2 >>> 8) & 255]! ^ D3[s1 & 255]! ^ dk[k]!;
          const t1 = D0[s1 >>> 24]! ^ D1[(s0 >>> 16) & 255]! ^ D2[(s3 >>> 8) & 255]! ^ D3[s2 & 255]! ^ dk[k + 1]!;
          const t2 = D0[s2 >>> 24]! ^ D1[(s1 >>> 16) & 255]! ^ D2[(s0 >>> 8) & 255]! ^ D3[s3 & 255]! ^ dk[k + 2]!;
          s3 = D0[s3 >>> 24]! ^ D1[(s2 >>> 16) & 255]! ^ D2[(s1 >>> 8) & 255]! ^ D3[s0 & 255]! ^ dk[k + 3]!;
          s0 = t0;
          s1 = t1;
          s2 = t2;
        }
        put(out, o, ((si[s0 >>> 24]! << 24) | (si[(s3 >>> 16) & 255]! << 16) | (si[(s2 >>> 8) & 255]! << 8) | si[s1 & 255]!) ^ dk[40]! ^ p0);
        put(out, o + 4, ((si[s1 >>> 24]! << 24) | (si[(s0 >>> 16) & 255]! << 16) | (si[(s3 >>> 8) & 255]! << 8) | si[s2 & 255]!) ^ dk[41]! ^ p1);
        put(out, o + 8, ((si[s2 >>> 24]! << 24) | (si[(s1 >>> 16) & 255]! << 16) | (si[(s0 >>> 8) & 255]! << 8) | si[s3 & 255]!) ^ dk[42]! ^ p2);
        put(out, o + 12, ((si[s3 >>> 24]! << 24) | (si[(s2 >>> 16) & 255]! << 16) | (si[(s1 >>> 8) & 255]! << 8) | si[s0 & 255]!) ^ dk[43]! ^ p3);
        p0 = c0;
        p1 = c1;
        p2 = c2;
        p3 = c3;
      }
      // PKCS#7: the last byte says how many bytes of padding there are (1–16), each of that value.
      const pad = out[n - 1]!;
      let bad = pad === 0 || pad > 16 ? 1 : 0;
      for (let i = n - (bad ? 1 : pad); i < n; i++) bad |= out[i]! ^ pad;
      if (bad) throw new Error('AES-CBC: bad padding');
      return out.subarray(0, n - pad);
    },
  };
}
