import { piWords } from './pi-words.js';

// P-array (18 words) then four 256-word S-boxes, all from π. Built on first use only.
let initial: Uint32Array | undefined;

/**
 * Blowfish (Schneier 1993) with the "expensive key schedule" hooks bcrypt needs
 * (`expandState`, `expand0State`). Only what bcrypt_pbkdf uses: no modes, no decryption.
 */
export class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;

  constructor() {
    const init = (initial ??= piWords(18 + 1024));
    this.p = init.slice(0, 18);
    this.s = init.slice(18);
  }

  #f(x: number): number {
    const s = this.s;
    return (((s[x >>> 24]! + s[256 | ((x >>> 16) & 0xff)]!) ^ s[512 | ((x >>> 8) & 0xff)]!) + s[768 | (x & 0xff)]!) >>> 0;
  }

  /** Encrypts one 64-bit block given as two words, in place in `block` at `at`. */
  encryptBlock(block: Uint32Array, at: number): void {
    const p = this.p;
    let l = block[at]!;
    let r = block[at + 1]!;
    l ^= p[0]!;
    for (let i = 1; i < 17; i += 2) {
      r ^= this.#f(l) ^ p[i]!;
      l ^= this.#f(r) ^ p[i + 1]!;
    }
    block[at] = (r ^ p[17]!) >>> 0;
    block[at + 1] = l >>> 0;
  }

  /** Eksblowfish ExpandKey(state, salt, key): key into P, then re-encrypt P and S mixing in salt words. */
  expandState(data: Uint8Array, key: Uint8Array): void {
    const keyStream = wordStream(key);
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i]! ^ keyStream()) >>> 0;
    const dataStream = wordStream(data);
    this.#rekey(() => dataStream());
  }

  /** Eksblowfish ExpandKey(state, 0, key). */
  expand0State(key: Uint8Array): void {
    const keyStream = wordStream(key);
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i]! ^ keyStream()) >>> 0;
    this.#rekey(() => 0);
  }

  #rekey(next: () => number): void {
    const block = new Uint32Array(2);
    const fill = (target: Uint32Array, n: number) => {
      for (let i = 0; i < n; i += 2) {
        block[0] = (block[0]! ^ next()) >>> 0;
        block[1] = (block[1]! ^ next()) >>> 0;
        this.encryptBlock(block, 0);
        target[i] = block[0]!;
        target[i + 1] = block[1]!;
      }
    };
    fill(this.p, 18);
    fill(this.s, 1024);
  }
}

/** Big-endian 32-bit words read cyclically from `bytes` (Blowfish_stream2word). */
export function wordStream(bytes: Uint8Array): () => number {
  let j = 0;
  return () => {
    let w = 0;
    for (let i = 0; i < 4; i++) {
      if (j >= bytes.length) j = 0;
      w = ((w << 8) | bytes[j++]!) >>> 0;
    }
    return w;
  };
}
