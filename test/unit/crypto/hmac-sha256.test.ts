// The SHA-256-only HMAC that Fernet and Timesys sign with (src/crypto/hmac-sha256.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { hmacSha256, keyedHmacSha256 } from '../../../src/crypto/hmac-sha256.js';
import { prng, rfc4231 } from './helpers.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('RFC 4231 vectors, including the keys longer than a block (hashed first)', () => {
  for (const c of rfc4231) {
    assert.ok(hex(hmacSha256(c.key, c.data)).startsWith(c.sha256!), c.name);
  }
  assert.ok(rfc4231.some((c) => c.key.length > 64), 'a long-key case is covered');
});

test('matches node:crypto for keys of 0–200 bytes and messages around every block edge', () => {
  const rand = prng(99);
  for (const keyLen of [0, 1, 16, 32, 63, 64, 65, 100, 128, 200]) {
    const key = rand(keyLen);
    const mac = keyedHmacSha256(key);
    for (const n of [0, 1, 31, 32, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]) {
      const msg = rand(n);
      const want = hex(createHmac('sha256', key).update(msg).digest());
      const out = new Uint8Array(32);
      mac(msg, out);
      assert.equal(hex(out), want, `key ${keyLen}, msg ${n}`);
      // A second call on the same instance starts from a clean state.
      mac(msg, out);
      assert.equal(hex(out), want);
      assert.equal(hex(hmacSha256(key, msg)), want);
    }
  }
});

test('the key is read once: changing the caller\'s array later has no effect; a larger `out` keeps its tail', () => {
  const key = prng(5)(20);
  const want = hex(createHmac('sha256', key).update('m').digest());
  const mac = keyedHmacSha256(key);
  key.fill(0);
  const out = new Uint8Array(40).fill(0xee);
  mac(new TextEncoder().encode('m'), out);
  assert.equal(hex(out.subarray(0, 32)), want);
  assert.deepEqual([...out.subarray(32)], new Array(8).fill(0xee));
});
