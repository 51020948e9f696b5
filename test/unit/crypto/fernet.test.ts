import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, createHmac, randomBytes as nodeRandom, timingSafeEqual } from 'node:crypto';
import { decodeBase64Url, encodeBase64Url, InvalidToken, KeyParseError } from '../../../src/crypto/index.js';
import { ConfigError } from '../../../src/core/errors/config-error.js';
import { OpsError } from '../../../src/core/errors/ops-error.js';
import { FERNETS, prng } from './helpers.js';

const KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
const T = 500_000_000; // a fixed creation second
const at = (seconds: number): number => seconds * 1000;

/** An independent Fernet on node:crypto, to cross-check both directions. */
const node = {
  encrypt(key: string, data: Uint8Array, seconds: number, iv: Uint8Array = nodeRandom(16)): string {
    const k = Buffer.from(key, 'base64url');
    const cipher = createCipheriv('aes-128-cbc', k.subarray(16), iv);
    const head = Buffer.alloc(9);
    head[0] = 0x80;
    head.writeBigUInt64BE(BigInt(seconds), 1);
    const body = Buffer.concat([head, iv, cipher.update(data), cipher.final()]);
    const mac = createHmac('sha256', k.subarray(0, 16)).update(body).digest();
    const text = Buffer.concat([body, mac]).toString('base64url');
    return text + '='.repeat((4 - (text.length % 4)) % 4);
  },
  decrypt(key: string, token: string): Uint8Array {
    const k = Buffer.from(key, 'base64url');
    const b = Buffer.from(token, 'base64url');
    const mac = createHmac('sha256', k.subarray(0, 16)).update(b.subarray(0, -32)).digest();
    if (!timingSafeEqual(mac, b.subarray(-32))) throw new Error('bad mac');
    const d = createDecipheriv('aes-128-cbc', k.subarray(16), b.subarray(9, 25));
    return new Uint8Array(Buffer.concat([d.update(b.subarray(25, -32)), d.final()]));
  },
};

nodeTest('node reference helper pads like Python (sanity check of the test itself)', () => {
  for (let n = 0; n < 40; n++) {
    const token = node.encrypt(KEY, new Uint8Array(n), T);
    assert.equal(token.length % 4, 0);
    assert.deepEqual(node.decrypt(KEY, token), new Uint8Array(n));
  }
});

// Every behaviour below holds for both engines of the one Fernet class (see FERNETS).
for (const [engine, Fernet] of FERNETS) {
  const test = (name: string, fn: () => void): void => {
    nodeTest(`${engine}: ${name}`, fn);
  };

  test('round trip for every length 0–300, 4095–4097 and 64 KiB; node:crypto agrees both ways', () => {
    const f = new Fernet(KEY);
    const rand = prng(7);
    // 0–300 crosses the Node engine's switch from the portable to the native HMAC (256-byte MAC input).
    const sizes = [...Array.from({ length: 301 }, (_, i) => i), 4095, 4096, 4097, 65535, 65536];
    for (const n of sizes) {
      const data = rand(n);
      const token = f.encrypt(data, { now: at(T) });
      assert.match(token, /^gAAAAA[A-Za-z0-9_-]+={0,2}$/);
      assert.equal(token.length % 4, 0, 'padded like Python');
      assert.deepEqual(f.decrypt(token), data, `size ${n}`);
      assert.deepEqual(node.decrypt(KEY, token), data, `node decrypts size ${n}`);
      assert.deepEqual(f.decrypt(node.encrypt(KEY, data, T)), data, `we decrypt node's size ${n}`);
    }
  });

  test('a fixed IV and time make the same token as node:crypto, byte for byte', () => {
    const f = new Fernet(KEY);
    const rand = prng(11);
    // 223 and 224: the last payload whose MAC input is under 256 bytes, and the first above.
    for (const n of [0, 1, 15, 16, 17, 100, 223, 224, 5000]) {
      const data = rand(n);
      const iv = rand(16);
      assert.equal(f.encrypt(data, { now: at(T), iv }), node.encrypt(KEY, data, T, iv));
    }
  });

  test('strings are UTF-8; decryptText reverses encrypt; non-UTF-8 payloads fail clearly', () => {
    const f = new Fernet(KEY);
    const text = 'héllo wörld \u{1F600} \uFEFFbom';
    assert.equal(f.decryptText(f.encrypt(text)), text);
    assert.equal(f.decryptText(f.encrypt('')), '');
    const bad = f.encrypt(Uint8Array.of(0xff, 0xfe));
    assert.throws(() => f.decryptText(bad), (e: unknown) => e instanceof OpsError && e.code === 'ENCODING');
  });

  test('inputs are not modified and misaligned views work', () => {
    const f = new Fernet(KEY);
    const backing = prng(3)(100);
    const copy = backing.slice();
    const view = backing.subarray(1, 98); // odd offset and length
    const iv = backing.subarray(5, 21);
    const token = f.encrypt(view, { iv, now: at(T) });
    assert.deepEqual(backing, copy);
    assert.deepEqual(f.decrypt(token), copy.subarray(1, 98));
    assert.equal(token, node.encrypt(KEY, copy.subarray(1, 98), T, copy.subarray(5, 21)));
  });

  test('random IVs: two encryptions of the same data differ', () => {
    const f = new Fernet(KEY);
    assert.notEqual(f.encrypt('x', { now: at(T) }), f.encrypt('x', { now: at(T) }));
  });

  test('generateKey: 44 base64url characters of 32 random bytes, usable by Fernet and node', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const key = Fernet.generateKey();
      assert.match(key, /^[A-Za-z0-9_-]{43}=$/);
      assert.equal(decodeBase64Url(key).length, 32);
      seen.add(key);
    }
    assert.equal(seen.size, 50);
    const key = Fernet.generateKey();
    assert.equal(new Fernet(key).decryptText(node.encrypt(key, new TextEncoder().encode('ok'), T)), 'ok');
  });

  test('keys: raw 32 bytes, unpadded text and a trailing newline are accepted', () => {
    const raw = decodeBase64Url(KEY);
    const token = new Fernet(KEY).encrypt('k', { now: at(T), iv: new Uint8Array(16) });
    assert.equal(new Fernet(raw).encrypt('k', { now: at(T), iv: new Uint8Array(16) }), token);
    assert.equal(new Fernet(KEY.slice(0, 43)).decryptText(token), 'k');
    assert.equal(new Fernet(`${KEY}\n`).decryptText(token), 'k');
  });

  test('keys: the raw key array is copied, so changing it later has no effect', () => {
    const raw = decodeBase64Url(KEY);
    const f = new Fernet(raw);
    const token = f.encrypt('k');
    raw.fill(0);
    assert.equal(f.decryptText(token), 'k');
  });

  test('keys: malformed keys throw KeyParseError that names the problem and never contains the key', () => {
    const secret = decodeBase64Url(KEY);
    const bad: Array<[unknown, RegExp]> = [
      [KEY.slice(0, 40), /32 bytes.*got 30 bytes/],
      [encodeBase64Url(secret.subarray(0, 31)), /got 31 bytes/],
      [encodeBase64Url(new Uint8Array([...secret, 1])), /got 33 bytes/],
      [KEY.replace('_', '/'), /base64url text: invalid character at offset 2/],
      [KEY.replace('-', '+'), /base64url text: invalid character/],
      [`${KEY.slice(0, 20)} ${KEY.slice(20)}`, /invalid/],
      [`${KEY.slice(0, 42)}f=`, /base64url text: non-zero trailing bits/],
      [KEY.slice(0, 43) + 'Q', /got 33 bytes/],
      ['', /got 0 bytes/],
      [secret.subarray(0, 16), /got 16 bytes/],
      [new Uint8Array(64), /got 64 bytes/],
      [undefined, /got undefined/],
      [null, /got object/],
      [42, /got number/],
    ];
    for (const [key, pattern] of bad) {
      let caught: unknown;
      try {
        new Fernet(key as string);
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof KeyParseError, `${String(key)}: ${String(caught)}`);
      assert.ok(caught instanceof OpsError);
      assert.equal(caught.code, 'KEY_PARSE');
      assert.match(caught.message, pattern);
      const shown = `${caught.message} ${String(caught.cause ?? '')} ${caught.stack ?? ''}`;
      // Neither the whole key nor any 6-character piece of it may leak.
      if (typeof key === 'string') {
        for (let i = 0; i + 6 <= key.length; i++) assert.ok(!shown.includes(key.slice(i, i + 6)), `leaks ${key.slice(i, i + 6)}`);
      }
      for (let i = 0; i + 6 <= KEY.length; i++) assert.ok(!shown.includes(KEY.slice(i, i + 6)));
    }
  });

  test('tampering: flipping any bit of any byte makes the token invalid (with and without ttl)', () => {
    const f = new Fernet(KEY);
    const token = f.encrypt('tamper me, 21 bytes!!', { now: at(T) });
    const bytes = decodeBase64Url(token);
    let checked = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (let x = 1; x < 256; x++) {
        const copy = bytes.slice();
        copy[i]! ^= x;
        const forged = encodeBase64Url(copy);
        assert.throws(() => f.decrypt(forged), InvalidToken, `byte ${i} ^ ${x}`);
        if (x === 1 || x === 0x80) assert.throws(() => f.decrypt(forged, { ttl: 3600, now: at(T) }), InvalidToken);
        checked++;
      }
    }
    assert.equal(checked, bytes.length * 255);
    assert.equal(f.decryptText(token), 'tamper me, 21 bytes!!');
  });

  test('tampering: replacing any character of the token text, truncating or appending is rejected', () => {
    const f = new Fernet(KEY);
    const token = f.encrypt('text-level tampering', { now: at(T) });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .';
    const messages = new Set<string>();
    const reject = (forged: string, why: string): void => {
      assert.throws(() => f.decrypt(forged), (e: unknown) => e instanceof InvalidToken && (messages.add(e.message), true), why);
    };
    for (let i = 0; i < token.length; i++) {
      for (const c of alphabet) if (c !== token[i]) reject(token.slice(0, i) + c + token.slice(i + 1), `char ${i} → ${c}`);
    }
    for (let n = 0; n < token.length - 2; n++) reject(token.slice(0, n), `truncated to ${n}`);
    const bytes = decodeBase64Url(token);
    for (const extra of [1, 15, 16, 32]) reject(encodeBase64Url(new Uint8Array([...bytes, ...new Uint8Array(extra)])), `+${extra} bytes`);
    reject(`${token}AAAA`, 'appended text');
    reject(` ${token}`, 'leading space');
    reject(`${token}\n`, 'trailing newline');
    assert.equal(messages.size, 1);
  });

  test('structure: too short, wrong version, non-block ciphertext and empty ciphertext are rejected', () => {
    const f = new Fernet(KEY);
    const bytes = decodeBase64Url(f.encrypt('x', { now: at(T) }));
    const v = bytes.slice();
    v[0] = 0x81;
    // An authentic MAC over a header with no ciphertext at all.
    const k = Buffer.from(KEY, 'base64url');
    const head = bytes.subarray(0, 25);
    const empty = Buffer.concat([head, createHmac('sha256', k.subarray(0, 16)).update(head).digest()]);
    const forgeries = [new Uint8Array(0), new Uint8Array(72), v, new Uint8Array([...bytes, 1, 2, 3, 4, 5]), bytes.subarray(0, 57), empty];
    for (const forged of forgeries) {
      assert.throws(() => f.decrypt(encodeBase64Url(forged)), InvalidToken, `${forged.length} bytes`);
    }
    for (const junk of ['', '=', '====', 'gA', 'not a token', '\u00e9\u00e9\u00e9\u00e9', 42, null, undefined, new Uint8Array(80)]) {
      assert.throws(() => f.decrypt(junk as string), InvalidToken, String(junk));
    }
  });

  test('a token made with another key is rejected even when padding would be valid', () => {
    const other = new Fernet(Fernet.generateKey());
    const f = new Fernet(KEY);
    for (let i = 0; i < 50; i++) assert.throws(() => f.decrypt(other.encrypt(`m${i}`)), InvalidToken);
  });

  test('bad padding behind a valid MAC is still the same opaque InvalidToken', () => {
    // Build a token whose MAC is right but whose plaintext padding is wrong, with node:crypto.
    const k = Buffer.from(KEY, 'base64url');
    const iv = Buffer.alloc(16, 9);
    const cipher = createCipheriv('aes-128-cbc', k.subarray(16), iv).setAutoPadding(false);
    const ct = Buffer.concat([cipher.update(Buffer.alloc(16, 0x11)), cipher.final()]); // last byte 0x11 > 16
    const body = Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0, 0x1d, 0xcd, 0x65, 0]), iv, ct]);
    const token = Buffer.concat([body, createHmac('sha256', k.subarray(0, 16)).update(body).digest()]).toString('base64url');
    const f = new Fernet(KEY);
    let message = '';
    assert.throws(() => f.decrypt(token), (e: unknown) => e instanceof InvalidToken && e.cause === undefined && Boolean((message = e.message)));
    assert.throws(() => f.decrypt(f.encrypt('x').replace(/^gA/, 'gB')), (e: unknown) => e instanceof InvalidToken && e.message === message);
  });

  test('TTL boundaries: valid through the last second of the TTL, invalid one second later', () => {
    const f = new Fernet(KEY);
    const token = f.encrypt('ttl', { now: at(T) + 999 }); // stamped with second T
    assert.equal(f.extractTimestamp(token), T);
    assert.equal(f.decryptText(token, { ttl: 60, now: at(T) }), 'ttl');
    assert.equal(f.decryptText(token, { ttl: 60, now: at(T + 60) + 999 }), 'ttl');
    assert.throws(() => f.decrypt(token, { ttl: 60, now: at(T + 61) }), InvalidToken);
    assert.equal(f.decryptText(token, { ttl: 0, now: at(T) + 999 }), 'ttl');
    assert.throws(() => f.decrypt(token, { ttl: 0, now: at(T + 1) }), InvalidToken);
    assert.equal(f.decryptText(token, { ttl: 0.5, now: at(T) }), 'ttl');
    assert.equal(f.decryptText(token, { ttl: Infinity, now: at(T + 1e9) }), 'ttl');
    // Date objects work as well as milliseconds.
    assert.equal(f.decryptText(token, { ttl: 60, now: new Date(at(T + 60)) }), 'ttl');
    assert.throws(() => f.decrypt(token, { ttl: 60, now: new Date(at(T + 61)) }), InvalidToken);
    // Without a ttl the age is not checked (as in Python's cryptography).
    assert.equal(f.decryptText(token, { now: at(T + 1e6) }), 'ttl');
    assert.equal(f.decryptText(token), 'ttl');
  });

  test('clock skew: a token up to 60 s in the future is accepted with a ttl, 61 s is not', () => {
    const f = new Fernet(KEY);
    const token = f.encrypt('skew', { now: at(T) });
    assert.equal(f.decryptText(token, { ttl: 10, now: at(T - 60) }), 'skew');
    assert.throws(() => f.decrypt(token, { ttl: 10, now: at(T - 61) + 999 }), InvalidToken);
    assert.throws(() => f.decrypt(token, { ttl: 1e9, now: at(T - 3600) }), InvalidToken);
    // Without a ttl no time check applies, as in Python's cryptography and fernet-go.
    assert.equal(f.decryptText(token, { now: at(T - 3600) }), 'skew');
  });

  test('clock: the instance clock is used when a call gives no now', () => {
    let ms = at(T);
    const f = new Fernet(KEY, { now: () => ms });
    const token = f.encrypt('clock');
    assert.equal(f.extractTimestamp(token), T);
    ms = at(T + 30);
    assert.equal(f.decryptText(token, { ttl: 30 }), 'clock');
    ms = at(T + 31);
    assert.throws(() => f.decrypt(token, { ttl: 30 }), InvalidToken);
  });

  test('timestamps beyond 32 bits round-trip and far-future stamps never pass the skew check', () => {
    const f = new Fernet(KEY);
    const big = 2 ** 33 + 5;
    const token = f.encrypt('future', { now: at(big) });
    assert.equal(f.extractTimestamp(token), big);
    assert.equal(f.decryptText(token, { ttl: 60, now: at(big) }), 'future');
    assert.throws(() => f.decrypt(token, { ttl: 60, now: at(T) }), InvalidToken);
  });

  test('extractTimestamp verifies the MAC first', () => {
    const f = new Fernet(KEY);
    const bytes = decodeBase64Url(f.encrypt('x', { now: at(T) }));
    bytes[8]! ^= 1;
    assert.throws(() => f.extractTimestamp(encodeBase64Url(bytes)), InvalidToken);
    assert.throws(() => new Fernet(Fernet.generateKey()).extractTimestamp(f.encrypt('x')), InvalidToken);
  });

  test('caller mistakes in options are ConfigErrors, not InvalidToken', () => {
    const f = new Fernet(KEY);
    const token = f.encrypt('x');
    for (const ttl of [-1, Number.NaN, '60' as unknown as number, null as unknown as number]) {
      assert.throws(() => f.decrypt(token, { ttl }), ConfigError, String(ttl));
    }
    for (const now of [Number.NaN, Infinity, new Date('nope'), -1]) {
      assert.throws(() => f.decrypt(token, { ttl: 60, now }), ConfigError, String(now));
      assert.throws(() => f.encrypt('x', { now }), ConfigError, String(now));
    }
    assert.throws(() => f.encrypt('x', { iv: new Uint8Array(15) }), (e: unknown) => e instanceof Error && !(e instanceof InvalidToken) && /16/.test(e.message));
    assert.throws(() => f.encrypt('x', { iv: new Uint8Array(17) }), /16/);
  });
}

nodeTest('the node:crypto engines return plain Uint8Arrays of their own, never Buffers or pool views', () => {
  for (const [engine, Fernet] of FERNETS.slice(1)) {
    const f = new Fernet(KEY);
    for (const n of [0, 5, 100, 5000]) {
      const out = f.decrypt(f.encrypt(new Uint8Array(n).fill(7)));
      assert.equal(out.constructor, Uint8Array, `${engine}, ${n} B`);
      assert.equal(out.byteOffset, 0);
      assert.equal(out.buffer.byteLength, n);
    }
  }
});
