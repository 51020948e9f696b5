// opskit/crypto in every runtime: the official Fernet vectors, round trips up to 64 KiB,
// HMAC against RFC constants and the base64url helpers. Must pass where crypto.subtle is
// undefined (a non-secure browser origin), since nothing here may depend on it.
export default function (t) {
  const { assert, vectors, env } = t;
  const c = t.lib.crypto;
  const bytes = (...values) => Uint8Array.from(values);
  const fill = (value, n) => new Uint8Array(n).fill(value);

  t.test('fernet: the runtime is described and crypto.subtle is not needed', () => {
    if (!env.hasSubtle) assert.equal(globalThis.crypto.subtle, undefined);
    assert.equal(typeof globalThis.crypto.getRandomValues, 'function');
  });

  t.test('fernet: generate.json yields the exact token with injected clock and IV', () => {
    for (const v of vectors.fernet.generate) {
      const token = new c.Fernet(v.secret).encrypt(v.src, { now: new Date(v.now), iv: Uint8Array.from(v.iv) });
      assert.equal(token, v.token);
    }
  });

  t.test('fernet: verify.json decrypts with the injected clock', () => {
    for (const v of vectors.fernet.verify) {
      const f = new c.Fernet(v.secret);
      assert.equal(f.decryptText(v.token, { ttl: v.ttl_sec, now: new Date(v.now) }), v.src);
      assert.deepEqual(f.decrypt(v.token, { ttl: v.ttl_sec, now: Date.parse(v.now) }), c.encodeUtf8(v.src));
    }
  });

  t.test('fernet: every invalid.json case is one opaque InvalidToken', () => {
    const messages = new Set();
    for (const v of vectors.fernet.invalid) {
      const err = assert.throws(() => new c.Fernet(v.secret).decrypt(v.token, { ttl: v.ttl_sec, now: new Date(v.now) }), c.InvalidToken);
      assert.equal(err.cause, undefined, v.desc);
      messages.add(err.message);
    }
    assert.equal(vectors.fernet.invalid.length, 8);
    assert.equal(messages.size, 1);
  });

  t.test('fernet: round trip of 0 B, 1 B and 64 KiB payloads, bytes and text', () => {
    const f = new c.Fernet(c.Fernet.generateKey());
    for (const n of [0, 1, 65536]) {
      const data = c.randomBytes(n);
      const token = f.encrypt(data);
      assert.deepEqual(f.decrypt(token, { ttl: 60 }), data, `${n} bytes`);
    }
    const text = 'héllo \u{1F600}';
    assert.equal(f.decryptText(f.encrypt(text)), text);
  });

  t.test('fernet: a flipped byte, a wrong key and an expired token are all InvalidToken', () => {
    const key = c.Fernet.generateKey();
    const f = new c.Fernet(key);
    const token = f.encrypt('payload', { now: 1_000_000_000_000 });
    const raw = c.decodeBase64Url(token);
    raw[raw.length - 40] ^= 1;
    assert.throws(() => f.decrypt(c.encodeBase64Url(raw)), c.InvalidToken);
    assert.throws(() => new c.Fernet(c.Fernet.generateKey()).decrypt(token), c.InvalidToken);
    assert.throws(() => f.decrypt(token, { ttl: 60, now: 1_000_000_061_000 }), c.InvalidToken);
    assert.equal(f.decryptText(token, { ttl: 60, now: 1_000_000_060_000 }), 'payload');
    assert.equal(f.extractTimestamp(token), 1_000_000_000);
  });

  t.test('fernet: generateKey is 44 base64url characters of 32 bytes; bad keys are KeyParseError', () => {
    const key = c.Fernet.generateKey();
    assert.ok(/^[A-Za-z0-9_-]{43}=$/.test(key), key);
    assert.equal(c.decodeBase64Url(key).length, 32);
    assert.ok(key !== c.Fernet.generateKey());
    const err = assert.throws(() => new c.Fernet(key.slice(0, 40)), c.KeyParseError);
    assert.ok(!err.message.includes(key.slice(0, 12)), 'the message must not contain the key');
  });

  t.test('hmac: RFC 2202 (SHA-1) and RFC 4231 (SHA-256, SHA-512) constants', () => {
    const hex = (hash, key, msg) => c.encodeHex(c.hmac(hash, key, msg));
    assert.equal(hex('sha1', fill(0x0b, 20), 'Hi There'), 'b617318655057264e28bc0b6fb378c8ef146be00');
    assert.equal(hex('sha1', 'Jefe', 'what do ya want for nothing?'), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
    assert.equal(hex('sha256', fill(0x0b, 20), 'Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    assert.equal(hex('sha256', 'Jefe', 'what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    assert.equal(
      hex('sha256', fill(0xaa, 131), 'Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
    assert.equal(
      hex('sha512', 'Jefe', 'what do ya want for nothing?'),
      '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
    );
    assert.equal(
      hex('sha512', fill(0x0b, 20), 'Hi There'),
      '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
    );
  });

  t.test('encoding: base64url with and without padding, base64, hex, and malformed input', () => {
    assert.equal(c.encodeBase64Url(bytes(0xfb, 0xff)), '-_8=');
    assert.equal(c.encodeBase64Url(bytes(0xfb, 0xff), { pad: false }), '-_8');
    assert.deepEqual(c.decodeBase64Url('-_8='), bytes(0xfb, 0xff));
    assert.deepEqual(c.decodeBase64Url('-_8'), bytes(0xfb, 0xff));
    assert.equal(c.encodeBase64(bytes(0xfb, 0xff)), '+/8=');
    assert.deepEqual(c.decodeBase64('Zm9vYmFy'), c.encodeUtf8('foobar'));
    assert.equal(c.encodeHex(bytes(0, 15, 255)), '000fff');
    assert.deepEqual(c.decodeHex('000FFF'), bytes(0, 15, 255));
    for (const n of [0, 1, 2, 3, 100, 1000]) {
      const data = c.randomBytes(n);
      assert.deepEqual(c.decodeBase64Url(c.encodeBase64Url(data)), data);
      assert.deepEqual(c.decodeBase64Url(c.encodeBase64Url(data, { pad: false })), data);
      assert.deepEqual(c.decodeBase64(c.encodeBase64(data)), data);
    }
    assert.throws(() => c.decodeBase64Url('+/8='), /invalid character/);
    assert.throws(() => c.decodeBase64Url('Zg='), /length or padding/);
    assert.throws(() => c.decodeBase64Url('Zh=='), /trailing bits/);
    assert.throws(() => c.decodeHex('abc'), /odd length/);
    assert.ok(c.equalBytes(bytes(1, 2), bytes(1, 2)) && !c.equalBytes(bytes(1, 2), bytes(1, 3)));
  });
}
