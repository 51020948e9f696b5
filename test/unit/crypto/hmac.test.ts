import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { encodeHex, hmac, type HmacHash } from '../../../src/crypto/index.js';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { prng, rfc2202, rfc4231 } from './helpers.js';

const HASHES: HmacHash[] = ['sha1', 'sha256', 'sha512'];
const LENGTHS = { sha1: 20, sha256: 32, sha512: 64 };

test('RFC 4231: HMAC-SHA256 and HMAC-SHA512, all seven cases', () => {
  for (const c of rfc4231) {
    assert.ok(encodeHex(hmac('sha256', c.key, c.data)).startsWith(c.sha256!), `sha256 ${c.name}`);
    assert.ok(encodeHex(hmac('sha512', c.key, c.data)).startsWith(c.sha512!), `sha512 ${c.name}`);
  }
});

test('RFC 4231 case 1 exactly (full-length tag)', () => {
  assert.equal(
    encodeHex(hmac('sha256', new Uint8Array(20).fill(0x0b), 'Hi There')),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  );
});

test('RFC 2202: HMAC-SHA1, all seven cases', () => {
  for (const c of rfc2202) assert.equal(encodeHex(hmac('sha1', c.key, c.data)), c.sha1, c.name);
});

test('matches node:crypto for random keys and messages, all three hashes', () => {
  const rand = prng(2024);
  for (const hash of HASHES) {
    for (let i = 0; i < 200; i++) {
      // Key and message lengths straddle the block sizes (64 and 128) and the "hash long keys" rule.
      const key = rand(rand(1)[0]! % 200);
      const msg = rand((rand(2)[0]! << 8 | rand(1)[0]!) % 3000);
      const ours = hmac(hash, key, msg);
      assert.equal(ours.length, LENGTHS[hash]);
      assert.deepEqual(ours, new Uint8Array(createHmac(hash, key).update(msg).digest()), `${hash} key ${key.length} msg ${msg.length}`);
    }
  }
});

test('strings are UTF-8 encoded, for key and message', () => {
  for (const hash of HASHES) {
    const key = 'clé-🔑';
    const msg = 'GET\n/v1/données\n';
    assert.deepEqual(hmac(hash, key, msg), new Uint8Array(createHmac(hash, Buffer.from(key, 'utf8')).update(msg, 'utf8').digest()));
    assert.deepEqual(hmac(hash, key, msg), hmac(hash, new TextEncoder().encode(key), new TextEncoder().encode(msg)));
  }
});

test('empty key and empty message', () => {
  for (const hash of HASHES) {
    assert.deepEqual(hmac(hash, '', ''), new Uint8Array(createHmac(hash, '').update('').digest()));
  }
});

test('unsupported hash names throw ConfigError, including prototype names', () => {
  for (const name of ['md5', 'SHA256', 'toString', '__proto__', '']) {
    assert.throws(() => hmac(name as HmacHash, 'k', 'm'), ConfigError, name);
  }
});
