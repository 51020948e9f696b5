// The official Fernet vectors (fernet/spec), run with an injected clock and IV.
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidToken } from '../../../src/crypto/index.js';
import { FERNETS, vectors } from './helpers.js';

// Once per engine (portable and node:crypto): the same vectors must pass on both.
for (const [engine, Fernet] of FERNETS) {
  const test = (name: string, fn: () => void): void => {
    nodeTest(`${engine}: ${name}`, fn);
  };

  for (const v of vectors.generate) {
    test(`generate.json: ${v.src} → exact token`, () => {
      const token = new Fernet(v.secret).encrypt(v.src, { now: new Date(v.now), iv: Uint8Array.from(v.iv) });
      assert.equal(token, v.token);
    });

    test('generate.json: now as milliseconds and as an injected clock give the same token', () => {
      const ms = Date.parse(v.now);
      assert.equal(new Fernet(v.secret).encrypt(v.src, { now: ms, iv: Uint8Array.from(v.iv) }), v.token);
      assert.equal(new Fernet(v.secret, { now: () => ms + 999 }).encrypt(v.src, { iv: Uint8Array.from(v.iv) }), v.token);
    });
  }

  for (const v of vectors.verify) {
    test(`verify.json: decrypts to ${JSON.stringify(v.src)}`, () => {
      const f = new Fernet(v.secret);
      const now = new Date(v.now);
      assert.equal(f.decryptText(v.token, { ttl: v.ttl_sec, now }), v.src);
      assert.deepEqual(f.decrypt(v.token, { ttl: v.ttl_sec, now }), new TextEncoder().encode(v.src));
      // The same check through the instance clock.
      assert.equal(new Fernet(v.secret, { now: () => now.getTime() }).decryptText(v.token, { ttl: v.ttl_sec }), v.src);
    });

    test('verify.json: with the real clock and a TTL the 1985 token is expired', () => {
      assert.throws(() => new Fernet(v.secret).decrypt(v.token, { ttl: v.ttl_sec }), InvalidToken);
    });

    test('verify.json: extractTimestamp returns the creation second', () => {
      assert.equal(new Fernet(v.secret).extractTimestamp(v.token), Date.parse('1985-10-26T01:20:00-07:00') / 1000);
    });
  }

  test('invalid.json: every case throws InvalidToken with one identical message and no cause', () => {
    const messages = new Set<string>();
    for (const v of vectors.invalid) {
      const f = new Fernet(v.secret);
      let caught: unknown;
      try {
        f.decrypt(v.token, { ttl: v.ttl_sec, now: new Date(v.now) });
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof InvalidToken, `${v.desc}: expected InvalidToken, got ${String(caught)}`);
      assert.equal(caught.name, 'InvalidToken');
      assert.equal(caught.code, 'INVALID_TOKEN');
      assert.equal(caught.cause, undefined, `${v.desc}: a cause would tell failures apart`);
      messages.add(caught.message);
      // decryptText and extractTimestamp fail the same way (the last two cases fail only on time).
      assert.throws(() => f.decryptText(v.token, { ttl: v.ttl_sec, now: new Date(v.now) }), InvalidToken);
    }
    assert.equal(vectors.invalid.length, 8);
    assert.equal(messages.size, 1, `messages differ: ${[...messages].join(' | ')}`);
  });

  for (const v of vectors.invalid) {
    test(`invalid.json: ${v.desc}`, () => {
      assert.throws(() => new Fernet(v.secret).decrypt(v.token, { ttl: v.ttl_sec, now: new Date(v.now) }), InvalidToken);
    });
  }
}
