import assert from 'node:assert/strict';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { test } from 'node:test';
import {
  decodeBase64,
  derToP1363,
  encodeBase64,
  encodeUtf8,
  keySigner,
  p1363ToDer,
  parsePrivateKey,
  signingString,
  signRequest,
  signWithKey,
  SIGNATURE_ALGORITHMS,
  SignatureError,
  type PrivateKey,
  type SigningBackend,
} from '../../../src/crypto/index.js';
import { ConfigError } from '../../../src/core/index.js';
import { DRAFT_RSA_KEY, PASS, RFC8032_KEY, testKeys } from './fixtures.js';
import { referenceVerify } from './http-signature-ref.js';

const DATE = 'Thu, 05 Jan 2014 21:31:40 GMT';
const LINE = `date: ${DATE}`;

test('protocol §1.9 vector 1: modern rsa-sha256 Authorization header, exactly', async () => {
  const headers = new Headers({ date: DATE });
  const signed = await signRequest(
    { method: 'GET', url: 'https://api.example.com/demo/machines', headers },
    { keyId: '/demo/keys/b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38', signer: keySigner(DRAFT_RSA_KEY, { algorithm: 'rsa-sha256' }) },
  );
  assert.equal(signed.signingString, LINE);
  assert.equal(
    headers.get('authorization'),
    'Signature keyId="/demo/keys/b4:fd:fa:e0:39:99:73:63:ca:8b:e0:fa:46:f3:f2:38",algorithm="rsa-sha256",headers="date",signature="jKyvPcxB4JbmYY4mByyBY7cZfNl4OW9HpFQlG7N4YcJPteKTu4MWCLyk+gIr0wDgqtLWf9NLpMAMimdfsH7FSWGfbMFSrsVTHNTk0rK3usrfFnti1dxsM4jl0kYJCKTGI/UWkqiaxwNiKqGcdlEDrTcUhhsFsOIo8VhddmZTZ8w="',
  );
});

test('protocol §1.9 vectors 2, 3 and 5 (rsa-sha1, legacy raw value, ed25519) on both signing paths', async () => {
  const rsa = parsePrivateKey(DRAFT_RSA_KEY);
  const ed = parsePrivateKey(RFC8032_KEY);
  for (const backend of ['native', 'pure'] as const) {
    const b64 = async (key: PrivateKey, text: string, algorithm: string) => encodeBase64(await signWithKey(key, encodeUtf8(text), { algorithm, backend }));
    assert.equal(await b64(rsa, LINE, 'rsa-sha1'), 'Xrq3ADMzjG+MGvRo93uQTQk9o+9X9aHpVtAPmYiYAVJDGBxAA1JPaaSfzvSud6GOQ3Bm6uikWx4Uca7jcvq13X3PjAz7xrjyYGk6Mwnq0gXqWA11NwPW2dHIf9/tlpx8UzrO2I65h1bP+H6xHzrrcn8+5y2cZHcg2IucLwRjYoY=', backend);
    assert.equal(await b64(rsa, DATE, 'rsa-sha256'), 'EMJH5ZBQEQlShcl07/8AeyJxh4kXDgsOC+dTRhBVSD7pgWU1cWOKOTyo/EDSNgdZd721BobhlPtGMsCDyu2VEK9H5wwbDSM2Fz2SD5CHd14Y4iq4C76oJen8y19oaqdZqj3y8dA+mmiQimHg2e3frCbeiHOIlu1FLrBXmghpOB8=', backend);
    assert.equal(await b64(ed, LINE, 'ed25519-sha512'), 'ePToEUzoar/K1TN9i9H9kJf53FGPrNieG9oBSi6Q9RsYNqfvBv5fp6uL72Zu+bTwQP8gwyICnZ7SOb9rUENiBA==', backend);
  }
});

test('protocol §1.9 vector 4: the draft "All Headers" signing string and signature', async () => {
  const req = {
    method: 'POST',
    url: 'http://example.com/foo?param=value&pet=dog',
    headers: new Headers({ host: 'example.com', date: DATE, 'content-type': 'application/json', digest: 'SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', 'content-length': '18' }),
  };
  const text = signingString(req, ['(request-target)', 'host', 'date', 'content-type', 'digest', 'content-length']);
  assert.equal(text.split('\n')[0], '(request-target): post /foo?param=value&pet=dog');
  const sig = encodeBase64(await signWithKey(parsePrivateKey(DRAFT_RSA_KEY), encodeUtf8(text), { algorithm: 'rsa-sha256' }));
  assert.equal(sig, 'Ef7MlxLXoBovhil3AlyjtBwAL9g4TN3tibLj7uuNB3CROat/9KaeQ4hW2NiJ+pZ6HQEOx9vYZAyi+7cmIkmJszJCut5kQLAwuX+Ms/mUFvpKlSo9StS2bMXDBNjOh4Auj774GFj4gwjS+3NhFeoqyr/MuN6HsEnkvn6zdgfE2i0=');
});

test("every key type × format × algorithm × signing path verifies with Joyent's http-signature", async () => {
  let checked = 0;
  for (const k of testKeys()) {
    for (const [format, text] of Object.entries(k.formats)) {
      const key = parsePrivateKey(text, k.encrypted.has(format) ? { passphrase: PASS } : {});
      for (const algorithm of SIGNATURE_ALGORITHMS.filter((a) => a.startsWith(`${k.type}-`))) {
        for (const backend of ['native', 'pure'] as SigningBackend[]) {
          const what = `${k.label} ${format} ${algorithm} ${backend}`;
          const req = { method: 'GET', url: 'http://127.0.0.1/demo/machines?limit=1', headers: new Headers() };
          const signed = await signRequest(req, { keyId: `/demo/keys/${k.md5}`, signer: keySigner(key, { algorithm, backend }), headers: ['date', '(request-target)'] });
          assert.equal(signed.algorithm, algorithm, what);
          if (algorithm === 'ecdsa-sha384') {
            // http-signature 1.4 knows only sha1/256/512: CloudAPI rejects this one (protocols §1.4).
            assert.throws(() => referenceVerify(req, k.publicLine), /ecdsa-sha384 is not supported/, what);
            const sig = decodeBase64(/signature="([^"]+)"/.exec(signed.authorization)![1]!);
            assert.ok(nodeVerify('sha384', encodeUtf8(signed.signingString), createPublicKey(k.node), sig), what);
          } else {
            const { ok, parsed } = referenceVerify(req, k.publicLine);
            assert.equal(parsed.signingString, signed.signingString, what);
            assert.ok(ok, what);
          }
          checked++;
        }
      }
    }
  }
  assert.ok(checked >= 100, `checked ${checked}`);
});

test('native and pure paths agree: identical RSA and Ed25519 signatures, valid ECDSA ones', async () => {
  const data = encodeUtf8(LINE);
  for (const k of testKeys()) {
    const key = parsePrivateKey(k.formats.pkcs8!);
    const native = await signWithKey(key, data, { backend: 'native' });
    const pure = await signWithKey(key, data, { backend: 'pure' });
    if (k.type === 'ecdsa') {
      const hash = k.curve === 'nistp256' ? 'sha256' : 'sha512';
      assert.ok(nodeVerify(hash, data, createPublicKey(k.node), native), `${k.label} native`);
      assert.ok(nodeVerify(hash, data, createPublicKey(k.node), pure), `${k.label} pure`);
    } else {
      assert.deepEqual(native, pure, k.label);
    }
  }
});

test('without crypto.subtle (a non-secure browser origin) auto signing falls back to pure JS; native refuses', async () => {
  const keys = testKeys().filter((k) => ['rsa-2048', 'ecdsa-p256', 'ed25519'].includes(k.label));
  const desc = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
  Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
  try {
    assert.equal(globalThis.crypto.subtle, undefined);
    for (const k of keys) {
      const key = parsePrivateKey(k.formats.openssh!);
      const req = { method: 'GET', url: 'http://127.0.0.1/my/keys', headers: new Headers() };
      await signRequest(req, { keyId: `/demo/keys/${k.md5}`, signer: keySigner(key) });
      assert.ok(referenceVerify(req, k.publicLine).ok, k.label);
      await assert.rejects(signWithKey(key, encodeUtf8('x'), { backend: 'native' }), SignatureError);
    }
  } finally {
    if (desc) Object.defineProperty(globalThis.crypto, 'subtle', desc);
    else delete (globalThis.crypto as { subtle?: unknown }).subtle;
  }
  assert.ok(globalThis.crypto.subtle, 'restored');
});

test('ECDSA P1363 ↔ DER conversion handles high bits and short integers', () => {
  const raw = new Uint8Array(64);
  raw[0] = 0x80;
  raw[63] = 1;
  const der = p1363ToDer(raw);
  assert.equal(Buffer.from(der).toString('hex').slice(0, 8), '30260221');
  assert.deepEqual(derToP1363(der, 32), raw);
  assert.throws(() => derToP1363(new Uint8Array([0x30, 0x01, 0x00]), 32), SignatureError);
});

test('the Authorization header has no spaces after commas and quotes every value', async () => {
  const req = { method: 'GET', url: 'http://x/y', headers: new Headers({ date: DATE }) };
  const { authorization } = await signRequest(req, { keyId: '/demo/keys/k', signer: keySigner(RFC8032_KEY) });
  assert.match(authorization, /^Signature keyId="\/demo\/keys\/k",algorithm="ed25519-sha512",headers="date",signature="[A-Za-z0-9+/=]+"$/);
  // A keyId that cannot stand in a quoted parameter is a bad argument (typed ConfigError, issue 8).
  await assert.rejects(signRequest({ ...req, headers: new Headers() }, { keyId: '/demo/keys/"k"', signer: keySigner(RFC8032_KEY) }), ConfigError);
  await assert.rejects(signRequest(req, { keyId: '/demo/keys/k', signer: keySigner(RFC8032_KEY), headers: ['date', 'digest'] }), /not on the request/);
});

test('an algorithm that does not fit the key is refused', () => {
  assert.throws(() => keySigner(RFC8032_KEY, { algorithm: 'rsa-sha256' }), /cannot be used with a ed25519 key/);
  assert.throws(() => keySigner(DRAFT_RSA_KEY, { algorithm: 'hmac-sha256' as never }), /unsupported signature algorithm/);
});
