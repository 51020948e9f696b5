// Every public function of opskit/crypto, called with each hostile argument (issue 8 §5): the
// answer is a typed opskit error (an OpsError) whose message names the argument and what was
// expected; never a raw TypeError, URIError or RangeError from noble or the platform, and never a
// silently wrong result. Values that are valid for an argument (an empty HMAC key, 42 as a length)
// are listed per row and must be accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../../src/crypto/index.js';
import {
  bcryptPbkdf,
  decodeBase64,
  decodeBase64Url,
  decodeHex,
  decodeUtf8,
  defaultAlgorithm,
  derToP1363,
  encodeBase64,
  encodeBase64Url,
  encodeHex,
  encodeOpenSshPrivateKey,
  encodeUtf8,
  equalBytes,
  Fernet,
  fingerprintMatches,
  formatAuthorization,
  generatePrivateKey,
  generatePrivateKeySync,
  hmac,
  httpDate,
  InvalidToken,
  KeyParseError,
  keySigner,
  md5Fingerprint,
  openSshPublicKey,
  p1363ToDer,
  parseAlgorithm,
  parseFingerprint,
  parseHttpDate,
  parseLegacyAuthorization,
  parseModernAuthorization,
  parsePrivateKey,
  parsePublicKey,
  parseSshPublicBlob,
  presignUrl,
  PrivateKey,
  PublicKey,
  randomBytes,
  requestTarget,
  rfc3986,
  sha256Fingerprint,
  signingString,
  signRequest,
  signWithKey,
  signWithKeySync,
  sshKeyType,
  sshPublicBlob,
  verifyWithKey,
} from '../../../src/crypto/index.js';
import { OpsError } from '../../../src/core/errors/ops-error.js';
import { derInt, derSeq, pem } from './helpers.js';
// These tests read encrypted and ECDSA keys through the default (browser) build, which loads
// those formats only when asked to (docs/architecture.md, "Key formats behind their own import").
import '../../../src/crypto/encrypted-keys/index.js';
import '../../../src/crypto/ecdsa/index.js';

type Label = 'undefined' | 'null' | '42' | '{}' | '[]' | 'lone surrogate' | 'empty string';

const HOSTILE: ReadonlyArray<[Label, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['42', 42],
  ['{}', {}],
  ['[]', []],
  // A high surrogate with no low half after it: no UTF-8 form, and encodeURIComponent throws on it.
  ['lone surrogate', 'x\uD800'],
  ['empty string', ''],
];

interface Row {
  /** The export this row covers (a function, or a class whose constructor or method is called). */
  fn: string;
  /** The argument as the signature names it (`options.passphrase` for an option). */
  arg: string;
  call: (value: unknown) => unknown;
  /** Hostile values that are valid for this argument: the call must then succeed. */
  accepts?: readonly Label[];
  /** What the message must contain (default: `arg`). */
  names?: RegExp;
  /** The error class (default: any OpsError). */
  error?: abstract new (...args: never[]) => OpsError;
}

// --- Fixtures: valid values for every argument not under test ---

const KEY = generatePrivateKeySync('ed25519', { comment: 'fixture' });
const KEY_TEXT = encodeOpenSshPrivateKey(KEY);
const PUB = KEY.publicKey;
const BLOB = PUB.blob;
const BYTES = new TextEncoder().encode('date: Thu, 05 Jan 2014 21:31:40 GMT');
const SIG = signWithKeySync(KEY, BYTES);
const FERNET_KEY = Fernet.generateKey();
const F = new Fernet(FERNET_KEY);
// Stamped at 0 and checked with a huge ttl, so any valid `now` decrypts it.
const TOKEN = F.encrypt('payload', { now: 0 });
const TTL = 1e12;
const FRESH_TOKEN = F.encrypt('payload');
const SIGNER = keySigner(KEY);
const FP = PUB.sha256Fingerprint;
const P1363 = new Uint8Array(64).fill(1);
const DER = p1363ToDer(P1363);
const request = () => ({ method: 'GET', url: 'https://api.example.com/my/machines?limit=1', headers: new Headers({ date: httpDate(0) }) });
const PARAMS = { keyId: '/demo/keys/x', algorithm: 'ed25519-sha512', headers: ['date'], signature: 'AAAA' };
const AUTH = 'Signature keyId="/demo/keys/x",algorithm="ed25519-sha512",headers="date",signature="AAAA"';
const LEGACY = 'Signature keyId="/demo/keys/x",algorithm="ed25519-sha512" AAAA';
const SIGN_OPTIONS = { keyId: '/demo/keys/x', signer: SIGNER };

/** A row for one option: `{ [name]: value }` is passed; leaving it out (undefined) is always valid. */
const option = (fn: string, name: string, call: (options: Record<string, unknown>) => unknown, extra: Partial<Row> = {}): Row => ({
  fn,
  arg: `options.${name}`,
  call: (v) => call({ [name]: v }),
  accepts: ['undefined'],
  ...extra,
});

const ROWS: Row[] = [
  // Encodings (their errors are OpsErrors with code ENCODING)
  { fn: 'encodeBase64', arg: 'bytes', call: (v) => encodeBase64(v as Uint8Array) },
  { fn: 'encodeBase64Url', arg: 'bytes', call: (v) => encodeBase64Url(v as Uint8Array) },
  { fn: 'encodeBase64Url', arg: 'options', call: (v) => encodeBase64Url(BYTES, v as never), accepts: ['undefined', '{}'] },
  option('encodeBase64Url', 'pad', (o) => encodeBase64Url(BYTES, o)),
  { fn: 'decodeBase64', arg: 'text', call: (v) => decodeBase64(v as string), accepts: ['empty string'] },
  { fn: 'decodeBase64Url', arg: 'text', call: (v) => decodeBase64Url(v as string), accepts: ['empty string'] },
  { fn: 'encodeHex', arg: 'bytes', call: (v) => encodeHex(v as Uint8Array) },
  { fn: 'decodeHex', arg: 'text', call: (v) => decodeHex(v as string), accepts: ['empty string'] },
  { fn: 'encodeUtf8', arg: 'text', call: (v) => encodeUtf8(v as string), accepts: ['empty string'] },
  { fn: 'decodeUtf8', arg: 'bytes', call: (v) => decodeUtf8(v as Uint8Array) },
  { fn: 'equalBytes', arg: 'a', call: (v) => equalBytes(v as Uint8Array, BYTES), names: /equalBytes: a\b/ },
  { fn: 'equalBytes', arg: 'b', call: (v) => equalBytes(BYTES, v as Uint8Array), names: /equalBytes: b\b/ },
  { fn: 'randomBytes', arg: 'length', call: (v) => randomBytes(v as number), accepts: ['42'] },

  // HMAC
  { fn: 'hmac', arg: 'hash', call: (v) => hmac(v as 'sha256', 'k', 'm') },
  { fn: 'hmac', arg: 'key', call: (v) => hmac('sha256', v as string, 'm'), accepts: ['empty string'] },
  { fn: 'hmac', arg: 'message', call: (v) => hmac('sha256', 'k', v as string), accepts: ['empty string'] },

  // Fernet: a bad token is always the one opaque InvalidToken
  { fn: 'Fernet', arg: 'key', call: (v) => new Fernet(v as string), error: KeyParseError, names: /Fernet key/ },
  { fn: 'Fernet', arg: 'options', call: (v) => new Fernet(FERNET_KEY, v as never), accepts: ['undefined', '{}'] },
  option('Fernet', 'now', (o) => new Fernet(FERNET_KEY, o as never)),
  { fn: 'Fernet', arg: 'data', call: (v) => F.encrypt(v as string), accepts: ['empty string'], names: /Fernet\.encrypt: data/ },
  { fn: 'Fernet', arg: 'options', call: (v) => F.encrypt('x', v as never), accepts: ['undefined', '{}'], names: /Fernet\.encrypt: options/ },
  option('Fernet', 'iv', (o) => F.encrypt('x', o as never)),
  option('Fernet', 'now', (o) => F.encrypt('x', o as never), { accepts: ['undefined', '42'], names: /Fernet\.encrypt: now/ }),
  { fn: 'Fernet', arg: 'token', call: (v) => F.decrypt(v as string), error: InvalidToken, names: /token/i },
  { fn: 'Fernet', arg: 'token', call: (v) => F.decryptText(v as string), error: InvalidToken, names: /token/i },
  { fn: 'Fernet', arg: 'token', call: (v) => F.extractTimestamp(v as string), error: InvalidToken, names: /token/i },
  { fn: 'Fernet', arg: 'options', call: (v) => F.decrypt(TOKEN, v as never), accepts: ['undefined', '{}'], names: /Fernet\.decrypt: options/ },
  { fn: 'Fernet', arg: 'options', call: (v) => F.decryptText(TOKEN, v as never), accepts: ['undefined', '{}'], names: /Fernet\.decrypt: options/ },
  option('Fernet', 'ttl', (o) => F.decrypt(FRESH_TOKEN, o as never), { accepts: ['undefined', '42'], names: /Fernet\.decrypt: ttl/ }),
  option('Fernet', 'now', (o) => F.decrypt(TOKEN, { ttl: TTL, ...o } as never), { accepts: ['undefined', '42'], names: /Fernet\.decrypt: now/ }),

  // Key parsing
  { fn: 'parsePrivateKey', arg: 'input', call: (v) => parsePrivateKey(v as string), error: KeyParseError },
  { fn: 'parsePrivateKey', arg: 'options', call: (v) => parsePrivateKey(KEY_TEXT, v as never), accepts: ['undefined', '{}'] },
  option('parsePrivateKey', 'passphrase', (o) => parsePrivateKey(KEY_TEXT, o), { accepts: ['undefined', 'empty string'] }),
  option('parsePrivateKey', 'comment', (o) => parsePrivateKey(KEY_TEXT, o), { accepts: ['undefined', 'empty string'] }),
  option('parsePrivateKey', 'maxBcryptRounds', (o) => parsePrivateKey(KEY_TEXT, o), { accepts: ['undefined', '42'] }),
  option('parsePrivateKey', 'maxPbkdf2Iterations', (o) => parsePrivateKey(KEY_TEXT, o), { accepts: ['undefined', '42'] }),
  { fn: 'parsePublicKey', arg: 'text', call: (v) => parsePublicKey(v as string), error: KeyParseError },
  { fn: 'parseSshPublicBlob', arg: 'blob', call: (v) => parseSshPublicBlob(v as Uint8Array) },
  { fn: 'parseSshPublicBlob', arg: 'comment', call: (v) => parseSshPublicBlob(BLOB, v as string), accepts: ['undefined', 'empty string'] },
  { fn: 'openSshPublicKey', arg: 'text', call: (v) => openSshPublicKey(v as string), error: KeyParseError },
  { fn: 'encodeOpenSshPrivateKey', arg: 'key', call: (v) => encodeOpenSshPrivateKey(v as PrivateKey) },
  { fn: 'encodeOpenSshPrivateKey', arg: 'options', call: (v) => encodeOpenSshPrivateKey(KEY, v as never), accepts: ['undefined', '{}'] },
  option('encodeOpenSshPrivateKey', 'passphrase', (o) => encodeOpenSshPrivateKey(KEY, { rounds: 1, ...o }), { accepts: ['undefined', 'empty string'] }),
  option('encodeOpenSshPrivateKey', 'cipher', (o) => encodeOpenSshPrivateKey(KEY, o)),
  option('encodeOpenSshPrivateKey', 'rounds', (o) => encodeOpenSshPrivateKey(KEY, o), { accepts: ['undefined', '42'] }),
  { fn: 'bcryptPbkdf', arg: 'passphrase', call: (v) => bcryptPbkdf(v as Uint8Array, BYTES, 1, 16) },
  { fn: 'bcryptPbkdf', arg: 'salt', call: (v) => bcryptPbkdf(BYTES, v as Uint8Array, 1, 16) },
  { fn: 'bcryptPbkdf', arg: 'rounds', call: (v) => bcryptPbkdf(BYTES, BYTES, v as number, 16), accepts: ['42'] },
  { fn: 'bcryptPbkdf', arg: 'keyLength', call: (v) => bcryptPbkdf(BYTES, BYTES, 1, v as number), accepts: ['42'] },

  // Keys and fingerprints
  { fn: 'PublicKey', arg: 'data', call: (v) => new PublicKey(v as never), error: KeyParseError },
  { fn: 'PublicKey', arg: 'comment', call: (v) => new PublicKey(PUB.data, v as string), accepts: ['undefined', 'empty string'] },
  { fn: 'PublicKey', arg: 'fingerprint', call: (v) => PUB.matches(v as string), error: KeyParseError },
  { fn: 'PublicKey', arg: 'other', call: (v) => PUB.equals(v as PublicKey) },
  { fn: 'PrivateKey', arg: 'data', call: (v) => new PrivateKey(v as never, { format: 'openssh' }), error: KeyParseError },
  { fn: 'PrivateKey', arg: 'options', call: (v) => new PrivateKey({ type: 'ed25519', seed: new Uint8Array(32), a: new Uint8Array(32) }, v as never) },
  option('PrivateKey', 'format', (o) => new PrivateKey({ type: 'ed25519', seed: new Uint8Array(32), a: new Uint8Array(32) }, o as never), { accepts: [] }),
  option('PrivateKey', 'comment', (o) => new PrivateKey({ type: 'ed25519', seed: new Uint8Array(32), a: new Uint8Array(32) }, { format: 'pkcs8', ...o } as never), {
    accepts: ['undefined', 'empty string'],
  }),
  option('PrivateKey', 'encrypted', (o) => new PrivateKey({ type: 'ed25519', seed: new Uint8Array(32), a: new Uint8Array(32) }, { format: 'pkcs8', ...o } as never)),
  { fn: 'sshPublicBlob', arg: 'data', call: (v) => sshPublicBlob(v as never), error: KeyParseError },
  { fn: 'sshKeyType', arg: 'data', call: (v) => sshKeyType(v as never), error: KeyParseError },
  { fn: 'md5Fingerprint', arg: 'blob', call: (v) => md5Fingerprint(v as Uint8Array) },
  { fn: 'sha256Fingerprint', arg: 'blob', call: (v) => sha256Fingerprint(v as Uint8Array) },
  { fn: 'parseFingerprint', arg: 'text', call: (v) => parseFingerprint(v as string), error: KeyParseError },
  { fn: 'fingerprintMatches', arg: 'blob', call: (v) => fingerprintMatches(v as Uint8Array, FP) },
  { fn: 'fingerprintMatches', arg: 'fingerprint', call: (v) => fingerprintMatches(BLOB, v as string), error: KeyParseError },

  // Key generation (async: a rejection with the typed error)
  { fn: 'generatePrivateKey', arg: 'type', call: (v) => generatePrivateKey(v as 'ed25519') },
  { fn: 'generatePrivateKey', arg: 'options', call: (v) => generatePrivateKey('ed25519', v as never), accepts: ['undefined', '{}'] },
  option('generatePrivateKey', 'curve', (o) => generatePrivateKey('ecdsa', o)),
  option('generatePrivateKey', 'bits', (o) => generatePrivateKey('ecdsa', o)),
  option('generatePrivateKey', 'comment', (o) => generatePrivateKey('ed25519', o), { accepts: ['undefined', 'empty string'] }),
  { fn: 'generatePrivateKeySync', arg: 'type', call: (v) => generatePrivateKeySync(v as 'ed25519') },
  { fn: 'generatePrivateKeySync', arg: 'options', call: (v) => generatePrivateKeySync('ed25519', v as never), accepts: ['undefined', '{}'] },
  option('generatePrivateKeySync', 'curve', (o) => generatePrivateKeySync('ecdsa', o)),
  option('generatePrivateKeySync', 'comment', (o) => generatePrivateKeySync('ed25519', o), { accepts: ['undefined', 'empty string'] }),

  // Signing and verifying
  { fn: 'parseAlgorithm', arg: 'name', call: (v) => parseAlgorithm(v as string), names: /parseAlgorithm: name|signature algorithm/ },
  { fn: 'defaultAlgorithm', arg: 'key', call: (v) => defaultAlgorithm(v as never) },
  { fn: 'signWithKey', arg: 'key', call: (v) => signWithKey(v as PrivateKey, BYTES) },
  { fn: 'signWithKey', arg: 'data', call: (v) => signWithKey(KEY, v as Uint8Array) },
  { fn: 'signWithKey', arg: 'options', call: (v) => signWithKey(KEY, BYTES, v as never), accepts: ['undefined', '{}'] },
  option('signWithKey', 'algorithm', (o) => signWithKey(KEY, BYTES, o), { names: /options\.algorithm|signature algorithm/ }),
  option('signWithKey', 'backend', (o) => signWithKey(KEY, BYTES, o)),
  { fn: 'signWithKeySync', arg: 'key', call: (v) => signWithKeySync(v as PrivateKey, BYTES) },
  { fn: 'signWithKeySync', arg: 'data', call: (v) => signWithKeySync(KEY, v as Uint8Array) },
  { fn: 'signWithKeySync', arg: 'algorithm', call: (v) => signWithKeySync(KEY, BYTES, v as string), accepts: ['undefined'], names: /algorithm/ },
  { fn: 'verifyWithKey', arg: 'key', call: (v) => verifyWithKey(v as PublicKey, 'ed25519-sha512', BYTES, SIG) },
  // An unknown algorithm name comes from the request being verified: false, as documented.
  { fn: 'verifyWithKey', arg: 'algorithm', call: (v) => verifyWithKey(PUB, v as string, BYTES, SIG), accepts: ['lone surrogate', 'empty string'] },
  { fn: 'verifyWithKey', arg: 'data', call: (v) => verifyWithKey(PUB, 'ed25519-sha512', v as Uint8Array, SIG) },
  { fn: 'verifyWithKey', arg: 'signature', call: (v) => verifyWithKey(PUB, 'ed25519-sha512', BYTES, v as Uint8Array) },
  { fn: 'p1363ToDer', arg: 'raw', call: (v) => p1363ToDer(v as Uint8Array) },
  { fn: 'derToP1363', arg: 'der', call: (v) => derToP1363(v as Uint8Array, 32) },
  { fn: 'derToP1363', arg: 'size', call: (v) => derToP1363(DER, v as number), accepts: ['42'] },

  // HTTP Signatures
  { fn: 'httpDate', arg: 'ms', call: (v) => httpDate(v as number), accepts: ['42'] },
  // Any string is in the domain: NaN when it is not a date, as documented.
  { fn: 'parseHttpDate', arg: 'value', call: (v) => parseHttpDate(v as string), accepts: ['lone surrogate', 'empty string'] },
  { fn: 'requestTarget', arg: 'url', call: (v) => requestTarget(v as string) },
  { fn: 'signingString', arg: 'request', call: (v) => signingString(v as never, ['date']) },
  { fn: 'signingString', arg: 'request.method', call: (v) => signingString({ ...request(), method: v } as never, ['date']) },
  { fn: 'signingString', arg: 'request.url', call: (v) => signingString({ ...request(), url: v } as never, ['date']) },
  { fn: 'signingString', arg: 'request.headers', call: (v) => signingString({ ...request(), headers: v } as never, ['date']) },
  { fn: 'signingString', arg: 'headerNames', call: (v) => signingString(request(), v as string[]) },
  { fn: 'signingString', arg: 'headerNames[0]', call: (v) => signingString(request(), [v as string]) },
  { fn: 'formatAuthorization', arg: 'p', call: (v) => formatAuthorization(v as never) },
  { fn: 'formatAuthorization', arg: 'p.keyId', call: (v) => formatAuthorization({ ...PARAMS, keyId: v as string }) },
  { fn: 'formatAuthorization', arg: 'p.algorithm', call: (v) => formatAuthorization({ ...PARAMS, algorithm: v as string }) },
  { fn: 'formatAuthorization', arg: 'p.headers', call: (v) => formatAuthorization({ ...PARAMS, headers: v as string[] }) },
  { fn: 'formatAuthorization', arg: 'p.headers[0]', call: (v) => formatAuthorization({ ...PARAMS, headers: [v as string] }) },
  { fn: 'formatAuthorization', arg: 'p.signature', call: (v) => formatAuthorization({ ...PARAMS, signature: v as string }) },
  // A string is parsed; a malformed one gets the reference parser's wording (simulators answer with it).
  {
    fn: 'parseModernAuthorization', arg: 'value', call: (v) => parseModernAuthorization(v as string),
    names: /parseModernAuthorization: value|scheme was not "Signature"/,
  },
  { fn: 'parseModernAuthorization', arg: 'hasXDate', call: (v) => parseModernAuthorization(AUTH, v as boolean), accepts: ['undefined'] },
  {
    fn: 'parseLegacyAuthorization', arg: 'value', call: (v) => parseLegacyAuthorization(v as string),
    names: /parseLegacyAuthorization: value|not a legacy signature header/,
  },
  { fn: 'parseLegacyAuthorization', arg: 'hasXDate', call: (v) => parseLegacyAuthorization(LEGACY, v as boolean), accepts: ['undefined'] },
  { fn: 'keySigner', arg: 'key', call: (v) => keySigner(v as string), error: KeyParseError },
  { fn: 'keySigner', arg: 'options', call: (v) => keySigner(KEY_TEXT, v as never), accepts: ['undefined', '{}'] },
  option('keySigner', 'passphrase', (o) => keySigner(KEY_TEXT, o), { accepts: ['undefined', 'empty string'] }),
  option('keySigner', 'algorithm', (o) => keySigner(KEY, o), { names: /options\.algorithm|signature algorithm/ }),
  option('keySigner', 'backend', (o) => keySigner(KEY, o)),
  option('keySigner', 'maxBcryptRounds', (o) => keySigner(KEY_TEXT, o), { accepts: ['undefined', '42'] }),
  option('keySigner', 'maxPbkdf2Iterations', (o) => keySigner(KEY_TEXT, o), { accepts: ['undefined', '42'] }),
  { fn: 'signRequest', arg: 'request', call: (v) => signRequest(v as never, SIGN_OPTIONS) },
  { fn: 'signRequest', arg: 'options', call: (v) => signRequest(request(), v as never) },
  option('signRequest', 'keyId', (o) => signRequest(request(), { ...SIGN_OPTIONS, ...o } as never), { accepts: [] }),
  option('signRequest', 'signer', (o) => signRequest(request(), { ...SIGN_OPTIONS, ...o } as never), { accepts: [] }),
  option('signRequest', 'dateHeader', (o) => signRequest(request(), { ...SIGN_OPTIONS, ...o } as never)),
  option('signRequest', 'headers', (o) => signRequest(request(), { ...SIGN_OPTIONS, ...o } as never)),
  option('signRequest', 'now', (o) => signRequest(request(), { ...SIGN_OPTIONS, ...o } as never)),
  { fn: 'presignUrl', arg: 'url', call: (v) => presignUrl(v as string, SIGN_OPTIONS) },
  { fn: 'presignUrl', arg: 'options', call: (v) => presignUrl('https://api.example.com/x', v as never) },
  option('presignUrl', 'keyId', (o) => presignUrl('https://api.example.com/x', { ...SIGN_OPTIONS, ...o } as never), { accepts: [] }),
  option('presignUrl', 'signer', (o) => presignUrl('https://api.example.com/x', { ...SIGN_OPTIONS, ...o } as never), { accepts: [] }),
  option('presignUrl', 'methods', (o) => presignUrl('https://api.example.com/x', { ...SIGN_OPTIONS, ...o } as never)),
  option('presignUrl', 'expires', (o) => presignUrl('https://api.example.com/x', { ...SIGN_OPTIONS, ...o } as never), { accepts: ['undefined', '42'] }),
  option('presignUrl', 'now', (o) => presignUrl('https://api.example.com/x', { ...SIGN_OPTIONS, ...o } as never)),
  { fn: 'rfc3986', arg: 'value', call: (v) => rfc3986(v as string), accepts: ['empty string'] },
];

// Exports that are not functions a caller passes arguments to, with the reason.
const NOT_COVERED: Record<string, string> = {
  InvalidToken: 'an error class (its constructor takes no argument)',
  KeyParseError: 'an error class: the message is written by opskit',
  SignatureError: 'an error class: the message is written by opskit',
};

/** Runs a call (sync or async) and returns what it threw, or `undefined` when it succeeded. */
async function outcome(call: () => unknown): Promise<{ threw: false } | { threw: true; error: unknown }> {
  try {
    await call();
    return { threw: false };
  } catch (error) {
    return { threw: true, error };
  }
}

/** A platform or library error that escaped (OpsError extends Error only, so it is never one of these). */
const isRawError = (e: unknown): boolean => e instanceof TypeError || e instanceof RangeError || e instanceof URIError;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('every public function of opskit/crypto has rows in the hostile-argument table', async () => {
  // The Pithos block-hash module is exported from here too but owned and tested elsewhere.
  const merkle = await import('../../../src/crypto/merkle/index.js').catch(() => ({}));
  const covered = new Set(ROWS.map((r) => r.fn));
  const missing = Object.entries(api)
    .filter(([name, value]) => typeof value === 'function' && !(name in merkle) && !(name in NOT_COVERED) && !covered.has(name))
    .map(([name]) => name);
  assert.deepEqual(missing, [], 'exports without a row');
  for (const name of covered) assert.equal(typeof (api as Record<string, unknown>)[name], 'function', `${name} is an export`);
});

test('each hostile argument gets a typed OpsError naming the argument (never a raw TypeError, URIError or RangeError)', async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const row of ROWS) {
    for (const [label, value] of HOSTILE) {
      const where = `${row.fn} ${row.arg} = ${label}`;
      const result = await outcome(() => row.call(value));
      checked++;
      if (row.accepts?.includes(label)) {
        if (result.threw) failures.push(`${where}: valid here, but threw ${String(result.error)}`);
        continue;
      }
      if (!result.threw) {
        failures.push(`${where}: accepted`);
        continue;
      }
      const error = result.error;
      if (isRawError(error) || !(error instanceof OpsError)) {
        failures.push(`${where}: ${error instanceof Error ? error.constructor.name : typeof error}: ${String((error as Error)?.message ?? error)}`);
        continue;
      }
      if (row.error && !(error instanceof row.error)) failures.push(`${where}: ${(error as OpsError).name}, expected ${row.error.name}`);
      const names = row.names ?? new RegExp(`(^|[^\\w.])${escape(row.arg)}(?![\\w[])`);
      if (!names.test(error.message)) failures.push(`${where}: message does not name ${row.arg}: ${error.message}`);
      if (typeof value === 'string' && value !== '' && error.message.includes(value)) failures.push(`${where}: the value is quoted in the message`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${checked} calls`);
  assert.ok(checked >= ROWS.length * HOSTILE.length);
});

test('a lone surrogate is refused wherever text would be encoded, instead of silently becoming U+FFFD', () => {
  const lone = 'caf\uDCA9';
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['Fernet.encrypt', () => F.encrypt(lone), /^Fernet\.encrypt: data must be a Uint8Array or well-formed text$/],
    ['hmac key', () => hmac('sha256', lone, 'm'), /^hmac: key is not well-formed Unicode \(lone surrogate at offset 3\)$/],
    ['hmac message', () => hmac('sha256', 'k', lone), /^hmac: message is not well-formed Unicode/],
    ['encodeUtf8', () => encodeUtf8(lone), /^encodeUtf8: text is not well-formed Unicode \(lone surrogate at offset 3\)$/],
    ['passphrase', () => parsePrivateKey(KEY_TEXT, { passphrase: lone }), /^parsePrivateKey: options\.passphrase is not well-formed Unicode/],
    ['key text', () => parsePrivateKey(`${KEY_TEXT}${lone}`), /^parsePrivateKey: input is not well-formed Unicode/],
    ['Fernet key', () => new Fernet(`${FERNET_KEY.slice(0, 43)}\uD800`), /^Fernet key: base64url text: invalid character at offset 43$/],
    ['rfc3986', () => rfc3986(lone), /^rfc3986: value is not well-formed Unicode/],
  ];
  for (const [what, call, message] of cases) {
    assert.throws(call, (e: unknown) => e instanceof OpsError && message.test(e.message), what);
  }
  // Paired surrogates (an emoji) are well-formed and still work everywhere.
  const emoji = 'ok \u{1F600}';
  assert.equal(F.decryptText(F.encrypt(emoji)), emoji);
  assert.deepEqual(encodeUtf8(emoji), new Uint8Array(Buffer.from(emoji, 'utf8')));
  assert.equal(rfc3986(emoji), encodeURIComponent(emoji));
});

/** Asserts that `fn` throws an OpsError whose message matches `message`. */
function throwsMessage(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof OpsError, `an OpsError, got ${String(e)}`);
    assert.match(e.message, message);
    return true;
  });
}

test('the largest, smallest and odd values a typed check must still tell apart', () => {
  // `now` must be a number or a Date: '' or [] would otherwise be read as 1970.
  for (const now of ['', [], '5', true]) throwsMessage(() => F.encrypt('x', { now: now as never }), /^Fernet\.encrypt: now must be a Date or milliseconds/);
  throwsMessage(() => F.encrypt('x', { iv: new Uint8Array(15) }), /^Fernet\.encrypt: options\.iv must be 16 bytes$/);
  throwsMessage(() => httpDate(Number.NaN), /^httpDate: ms must be a finite number within ±8\.64e15, got NaN$/);
  throwsMessage(() => httpDate(8.64e15 + 1), /httpDate: ms/);
  assert.equal(httpDate(8.64e15), 'Sat, 13 Sep 275760 00:00:00 GMT');
  throwsMessage(() => requestTarget('not a url'), /^requestTarget: url must be a path starting with \/ or an absolute URL$/);
  throwsMessage(() => signingString(request(), ['bad name']), /signingString: headerNames\[0\] must be a header name/);
  throwsMessage(() => formatAuthorization({ ...PARAMS, keyId: '/demo/keys/a\r\nX-Injected: 1' }), /formatAuthorization: p\.keyId must be non-empty printable ASCII/);
  throwsMessage(() => formatAuthorization({ ...PARAMS, keyId: 'a"b' }), /formatAuthorization: p\.keyId must not contain a double quote/);
  throwsMessage(() => generatePrivateKeySync('rsa' as 'ed25519'), /generatePrivateKeySync: type must be one of ecdsa, ed25519, got "rsa"/);
  throwsMessage(() => sshPublicBlob({ type: 'ecdsa', curve: 'nistp999', q: new Uint8Array(65) } as never), /sshPublicBlob: data\.curve must be one of nistp256, nistp384, nistp521/);
  throwsMessage(() => new PublicKey({ type: 'rsa', n: 0n, e: 65537n }), /PublicKey: data\.n must be a positive bigint/);
  throwsMessage(() => PUB.matches({ hash: 'md5', value: 'SHA256:x' }), /PublicKey\.matches: fingerprint/);
  assert.equal(PUB.matches({ hash: 'sha256', value: FP }), true);
  assert.equal(fingerprintMatches(BLOB, parseFingerprint(PUB.md5Fingerprint)), true);
});

test('hostile RSA numbers in a key file are KeyParseErrors, not a raw RangeError or a thread blocked on huge numbers', () => {
  // A textbook key (p = 61, q = 53) rewritten as p = 1, q = n: p·q still equals n, and d mod (p - 1)
  // used to divide by zero.
  const n = 3233n;
  const pkcs1 = (p: bigint, q: bigint) => pem('RSA PRIVATE KEY', derSeq(...[0n, n, 17n, 2753n, p, q, 53n, 49n, 38n].map(derInt)));
  throwsMessage(() => parsePrivateKey(pkcs1(1n, n)), /^RSA key: malformed \(a prime or the private exponent is out of range\)$/);
  assert.throws(() => parsePrivateKey(pkcs1(1n, n)), KeyParseError);
  // A 20,000-bit modulus or a 65-bit public exponent: every signature check would grind through it.
  const sshString = (b: Uint8Array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  const mpint = (v: bigint) => {
    let hex = v.toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    return sshString(Buffer.from(`00${hex}`, 'hex'));
  };
  const rsaLine = (nBits: number, e: bigint) =>
    `ssh-rsa ${Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(e), mpint((1n << BigInt(nBits - 1)) | 1n)]).toString('base64')}`;
  assert.equal(parsePublicKey(rsaLine(2048, 65537n)).bits, 2048);
  throwsMessage(() => parsePublicKey(rsaLine(20000, 65537n)), /RSA modulus of 20000 bits is larger than 16384 bits/);
  throwsMessage(() => parsePublicKey(rsaLine(2048, (1n << 64n) | 1n)), /RSA public exponent of 65 bits is larger than 64 bits/);
  assert.equal(parsePublicKey(rsaLine(16384, 65537n)).bits, 16384);
});
