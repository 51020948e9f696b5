// AES-128-CBC with PKCS#7 (src/crypto/aes/aes-128-cbc.ts), the portable Fernet engine's cipher:
// published vectors (FIPS-197 appendix C.1, NIST SP 800-38A F.2.1) and node:crypto (OpenSSL) as an
// independent implementation for every length around the block edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { aes128Cbc } from '../../../src/crypto/aes/aes-128-cbc.js';
import { prng } from './helpers.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));
const padded = (n: number): number => n + 16 - (n % 16);

function encrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const out = new Uint8Array(padded(plaintext.length));
  aes128Cbc(key).encrypt(iv, plaintext, out);
  return out;
}

test('FIPS-197 C.1: one block, zero IV (CBC of one block is the block cipher)', () => {
  const ct = encrypt(bytes('000102030405060708090a0b0c0d0e0f'), new Uint8Array(16), bytes('00112233445566778899aabbccddeeff'));
  assert.equal(hex(ct.subarray(0, 16)), '69c4e0d86a7b0430d8cdb78070b4c55a');
});

test('SP 800-38A F.2.1: CBC-AES128 over four blocks (then one block of padding)', () => {
  const key = bytes('2b7e151628aed2a6abf7158809cf4f3c');
  const iv = bytes('000102030405060708090a0b0c0d0e0f');
  const pt = bytes('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710');
  const ct = encrypt(key, iv, pt);
  assert.equal(hex(ct.subarray(0, 64)), '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b273bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7');
  assert.equal(ct.length, 80);
  assert.equal(hex(aes128Cbc(key).decrypt(iv, ct)), hex(pt));
});

test('agrees with node:crypto both ways for every length 0–100 and a few large ones, many keys', () => {
  const rand = prng(2024);
  for (const n of [...Array.from({ length: 101 }, (_, i) => i), 1023, 1024, 1025, 65535, 65536]) {
    const key = rand(16);
    const iv = rand(16);
    const pt = rand(n);
    const c = createCipheriv('aes-128-cbc', key, iv);
    const want = Buffer.concat([c.update(pt), c.final()]);
    const ct = encrypt(key, iv, pt);
    assert.equal(hex(ct), want.toString('hex'), `encrypt ${n}`);
    assert.equal(hex(aes128Cbc(key).decrypt(iv, want)), hex(pt), `decrypt ${n}`);
  }
});

test('inputs are left alone and may be unaligned views; one keyed instance serves many calls', () => {
  const rand = prng(7);
  const backing = rand(200);
  const copy = backing.slice();
  const key = backing.subarray(1, 17);
  const iv = backing.subarray(19, 35);
  const pt = backing.subarray(37, 137);
  const cipher = aes128Cbc(key);
  const ct = new Uint8Array(padded(100));
  cipher.encrypt(iv, pt, ct);
  assert.deepEqual(backing, copy);
  const d = createDecipheriv('aes-128-cbc', copy.subarray(1, 17), copy.subarray(19, 35));
  assert.equal(Buffer.concat([d.update(ct), d.final()]).toString('hex'), hex(copy.subarray(37, 137)));
  for (let i = 0; i < 3; i++) assert.equal(hex(cipher.decrypt(iv, ct)), hex(pt));
});

test('decrypt refuses partial blocks, empty input and every kind of bad padding', () => {
  const key = new Uint8Array(16).fill(1);
  const iv = new Uint8Array(16).fill(2);
  const cipher = aes128Cbc(key);
  assert.throws(() => cipher.decrypt(iv, new Uint8Array(0)), /whole blocks/);
  assert.throws(() => cipher.decrypt(iv, new Uint8Array(17)), /whole blocks/);
  // Raw blocks (no padding added) whose last bytes are not valid PKCS#7.
  const raw = (last: Uint8Array): Buffer => {
    const c = createCipheriv('aes-128-cbc', key, iv).setAutoPadding(false);
    return Buffer.concat([c.update(last), c.final()]);
  };
  const block = (fill: number, tail: number[]): Uint8Array => {
    const b = new Uint8Array(16).fill(fill);
    b.set(tail, 16 - tail.length);
    return b;
  };
  for (const bad of [block(0, [0]), block(0, [17]), block(0, [255]), block(0, [3, 3, 2]), block(9, [4, 4, 4]), block(1, [16])]) {
    assert.throws(() => cipher.decrypt(iv, raw(bad)), /bad padding/, hex(bad));
  }
  // The valid extremes: one byte of padding, and a whole block of it.
  assert.equal(cipher.decrypt(iv, raw(block(7, [1]))).length, 15);
  assert.equal(cipher.decrypt(iv, raw(new Uint8Array(16).fill(16))).length, 0);
});
