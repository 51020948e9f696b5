// opskit/crypto must run unchanged in browsers (also on non-secure origins), Deno and Bun.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cryptoModule from '../../../src/crypto/index.js';
import { vectors } from './helpers.js';

const root = fileURLToPath(new URL('../../../src/crypto/', import.meta.url));
const sources = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: relative(root, join(root, f)), text: readFileSync(join(root, f), 'utf8') }));

// The Fernet/HMAC/encoding part, which must not even depend on crypto.subtle being present
// (other parts of src/crypto may use it when available, with a fallback).
const PURE = /^(fernet|aes|encoding|bytes|errors)[/\\]|^hmac(-sha256)?\.ts$/;

test('src/crypto imports only @noble/* and relative .js paths; no node:*, Buffer or process', () => {
  assert.ok(sources.filter((s) => PURE.test(s.file)).length >= 14);
  for (const { file, text } of sources) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const [, spec] of code.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
      assert.ok(/^@noble\/(hashes|ciphers|curves)\/[\w.-]+\.js$/.test(spec!) || spec === '@noble/ed25519' || /^\.{1,2}\/.*\.js$/.test(spec!), `${file}: import ${spec}`);
      if (spec!.startsWith('.')) {
        // Relative imports stay inside src/crypto, except for the shared error classes in core.
        const target = relative(root, join(root, dirname(file), spec!)).replace(/\\/g, '/');
        assert.ok(!target.startsWith('../') || target.startsWith('../core/errors/'), `${file}: import ${spec} leaves src/crypto`);
      }
    }
    assert.doesNotMatch(code, /\bimport\s*\(/, `${file}: dynamic import`);
    assert.doesNotMatch(code, /\brequire\s*\(/, `${file}: require`);
    assert.doesNotMatch(code, /\bBuffer\b/, `${file}: Buffer`);
    assert.doesNotMatch(code, /\bprocess\./, `${file}: process`);
    if (PURE.test(file)) assert.doesNotMatch(code, /\bsubtle\b/, `${file}: crypto.subtle`);
  }
});

test('the public API: opskit/crypto exports the HMAC, Fernet, encoding and error names', () => {
  const exported = new Set(Object.keys(cryptoModule));
  for (const name of [
    'Fernet', 'InvalidToken', 'KeyParseError', 'SignatureError',
    'decodeBase64', 'decodeBase64Url', 'decodeHex', 'decodeUtf8',
    'encodeBase64', 'encodeBase64Url', 'encodeHex', 'encodeUtf8',
    'equalBytes', 'hmac', 'randomBytes',
  ]) assert.ok(exported.has(name), name);
  // Internal helpers stay internal.
  for (const name of ['decodeBase64UrlShifted', 'keyedHmacSha256', 'parseFernetKey', 'encodingError']) assert.ok(!exported.has(name), name);
});

test('everything works when crypto has getRandomValues but no subtle (non-secure browser origin)', () => {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  const real = globalThis.crypto;
  const bare = { getRandomValues: real.getRandomValues.bind(real) };
  Object.defineProperty(globalThis, 'crypto', { value: bare, configurable: true });
  try {
    assert.equal((globalThis.crypto as { subtle?: unknown }).subtle, undefined);
    const { Fernet, hmac, randomBytes, encodeHex } = cryptoModule;
    const key = Fernet.generateKey();
    const f = new Fernet(key);
    assert.equal(f.decryptText(f.encrypt('no subtle here'), { ttl: 60 }), 'no subtle here');
    assert.equal(randomBytes(70_000).length, 70_000);
    assert.equal(encodeHex(hmac('sha256', 'key', 'The quick brown fox jumps over the lazy dog')),
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    const v = vectors.generate[0]!;
    assert.equal(new Fernet(v.secret).encrypt(v.src, { now: new Date(v.now), iv: Uint8Array.from(v.iv) }), v.token);
  } finally {
    Object.defineProperty(globalThis, 'crypto', descriptor);
  }
});
