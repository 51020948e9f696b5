import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeBase64,
  decodeBase64Url,
  decodeHex,
  decodeUtf8,
  encodeBase64,
  encodeBase64Url,
  encodeHex,
  encodeUtf8,
} from '../../../src/crypto/index.js';
import { OpsError } from '../../../src/core/errors/ops-error.js';
import { prng } from './helpers.js';

const isEncodingError = (pattern: RegExp) => (e: unknown): boolean =>
  e instanceof OpsError && e.code === 'ENCODING' && pattern.test(e.message);

test('base64 and base64url round-trip every length 0–600 and 64 KiB, and match Buffer', () => {
  const rand = prng(5);
  for (const n of [...Array.from({ length: 601 }, (_, i) => i), 65535, 65536, 65537]) {
    const bytes = rand(n);
    const std = encodeBase64(bytes);
    const url = encodeBase64Url(bytes);
    const bare = encodeBase64Url(bytes, { pad: false });
    assert.equal(std, Buffer.from(bytes).toString('base64'));
    assert.equal(bare, Buffer.from(bytes).toString('base64url'));
    assert.equal(url, bare + '='.repeat((4 - (bare.length % 4)) % 4));
    assert.deepEqual(decodeBase64(std), bytes);
    assert.deepEqual(decodeBase64(std.replace(/=+$/, '')), bytes, 'standard without padding');
    assert.deepEqual(decodeBase64Url(url), bytes);
    assert.deepEqual(decodeBase64Url(bare), bytes);
  }
});

test('RFC 4648 §10 test vectors', () => {
  const cases: Array<[string, string]> = [
    ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
  ];
  for (const [plain, b64] of cases) {
    assert.equal(encodeBase64(encodeUtf8(plain)), b64);
    assert.equal(decodeUtf8(decodeBase64(b64)), plain);
    assert.equal(encodeBase64Url(encodeUtf8(plain)), b64);
  }
  assert.equal(encodeBase64(Uint8Array.of(0xfb, 0xff)), '+/8=');
  assert.equal(encodeBase64Url(Uint8Array.of(0xfb, 0xff)), '-_8=');
  assert.equal(encodeBase64Url(Uint8Array.of(0xfb, 0xff), { pad: false }), '-_8');
  assert.deepEqual(decodeBase64Url('-_8'), Uint8Array.of(0xfb, 0xff));
  assert.deepEqual(decodeBase64('+/8='), Uint8Array.of(0xfb, 0xff));
});

test('base64 decoders reject malformed input with an ENCODING error that gives the offset', () => {
  const bad: Array<[(s: string) => Uint8Array, string, RegExp]> = [
    [decodeBase64Url, 'Zm9v+A==', /base64url text: invalid character at offset 4/],
    [decodeBase64Url, 'Zm9v/A==', /offset 4/],
    [decodeBase64, 'Zm9v-A==', /base64 text: invalid character at offset 4/],
    [decodeBase64, 'Zm9v_A==', /offset 4/],
    [decodeBase64Url, 'Zm 9', /offset 2/],
    [decodeBase64Url, ' Zm9', /offset 0/],
    [decodeBase64Url, 'Zm9v\n', /offset 4|length/],
    [decodeBase64Url, 'Zm9vé', /offset 4|length/],
    [decodeBase64Url, 'Zm9\u0100', /offset 3/], // charCode 256 must not alias 'A'
    [decodeBase64Url, 'Zm9\u0141', /offset 3/],
    [decodeBase64Url, 'Z', /invalid length or padding/],
    [decodeBase64Url, 'Zm9vY', /invalid length or padding/],
    [decodeBase64Url, 'Zg=', /invalid length or padding/],
    [decodeBase64Url, 'Zg===', /invalid length or padding/],
    [decodeBase64Url, 'Zm8==', /invalid length or padding/],
    [decodeBase64Url, '=', /invalid length or padding/],
    [decodeBase64Url, '====', /offset 0/],
    [decodeBase64Url, 'Zg==Zg==', /offset 2/],
    [decodeBase64Url, 'Z===', /offset 1/],
    [decodeBase64Url, 'Zh==', /non-zero trailing bits/], // 'Zg==' is the canonical form of 0x66
    [decodeBase64Url, 'Zm9=', /non-zero trailing bits/],
    [decodeBase64Url, 'Zh', /non-zero trailing bits/],
    [decodeBase64, 'Zh==', /base64 text: non-zero trailing bits/],
  ];
  for (const [fn, input, pattern] of bad) {
    assert.throws(() => fn(input), isEncodingError(pattern), JSON.stringify(input));
  }
});

test('base64 error messages never contain the input', () => {
  const secret = 'c2VjcmV0LXBhc3N3b3Jk$';
  try {
    decodeBase64Url(secret);
    assert.fail('should throw');
  } catch (error) {
    assert.ok(!(error as Error).message.includes('c2VjcmV0'));
  }
});

test('hex round-trips, matches Buffer, accepts upper case and rejects malformed input', () => {
  const rand = prng(9);
  for (const n of [0, 1, 2, 31, 32, 33, 1000]) {
    const bytes = rand(n);
    const hex = encodeHex(bytes);
    assert.equal(hex, Buffer.from(bytes).toString('hex'));
    assert.deepEqual(decodeHex(hex), bytes);
    assert.deepEqual(decodeHex(hex.toUpperCase()), bytes);
  }
  assert.equal(encodeHex(Uint8Array.of(0, 15, 16, 255)), '000f10ff');
  assert.throws(() => decodeHex('abc'), isEncodingError(/hex text: odd length/));
  assert.throws(() => decodeHex('0g'), isEncodingError(/hex text: invalid character at offset 1/));
  assert.throws(() => decodeHex('zz00'), isEncodingError(/offset 0/));
  assert.throws(() => decodeHex('00 1'), isEncodingError(/offset 2/));
  assert.throws(() => decodeHex('0x00'), isEncodingError(/offset 1/));
  assert.throws(() => decodeHex('@0'), isEncodingError(/offset 0/)); // '@' | 32 is '`', just below 'a'
  assert.throws(() => decodeHex('0G'), isEncodingError(/offset 1/));
});

test('UTF-8 round-trips all planes, keeps a BOM, and rejects invalid sequences', () => {
  const text = 'aé€😀\uFEFF\u0000end';
  assert.deepEqual(encodeUtf8(text), new Uint8Array(Buffer.from(text, 'utf8')));
  assert.equal(decodeUtf8(encodeUtf8(text)), text);
  assert.equal(decodeUtf8(encodeUtf8('\uFEFFx')), '\uFEFFx');
  for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
    assert.throws(() => decodeUtf8(Uint8Array.from(bad)), isEncodingError(/utf-8: invalid byte sequence/), String(bad));
  }
  assert.throws(() => encodeUtf8(42 as unknown as string), isEncodingError(/^encodeUtf8: text must be a string, got number$/));
});
