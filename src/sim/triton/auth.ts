import { decodeBase64 } from '../../crypto/encoding/base64.js';
import { encodeUtf8 } from '../../crypto/encoding/utf8.js';
import { parseLegacyAuthorization, parseModernAuthorization, type ParsedAuthorization } from '../../crypto/http-signature/authorization.js';
import { rfc3986 } from '../../crypto/http-signature/presign-url.js';
import { requestTarget } from '../../crypto/http-signature/signing-string.js';
import { verifyWithKey } from '../../crypto/keys/sign/verify.js';
import { SimError } from '../app.js';
import { ltr, satisfies } from './semver.js';
import type { SimAccount, SimKey, SimUser, TritonState } from './types.js';

/** Who signed a request. */
export interface Caller {
  account: SimAccount;
  user?: SimUser | undefined;
  keyId: string;
  key: SimKey;
}

// lib/auth.js SIGN_ALGOS: the algorithms CloudAPI verifies (the parser narrows them further).
const SIGN_ALGOS = new Set(['rsa-sha1', 'rsa-sha256', 'rsa-sha384', 'rsa-sha512', 'dsa-sha1', 'dsa-sha256', 'ecdsa-sha256', 'ecdsa-sha384', 'ecdsa-sha512', 'ed25519-sha512']);
// http-signature 1.4 utils.js: PK_ALGOS × HASH_ALGOS (no sha384).
const MODERN_TYPES = new Set(['rsa', 'dsa', 'ecdsa', 'ed25519', 'hmac']);
const MODERN_HASHES = new Set(['sha1', 'sha256', 'sha512']);
// The vendored 0.9 parser's table intersected with the whitelist.
const LEGACY_ALGOS = new Set(['rsa-sha1', 'rsa-sha256', 'rsa-sha512', 'dsa-sha1']);

const INVALID_CREDS = 'Invalid authorization credentials supplied';

interface Parsed extends ParsedAuthorization {
  signingString: string;
}

function header(headers: Headers, name: string): string | undefined {
  return headers.get(name) ?? undefined;
}

/** The checks of http-signature's parseRequest after the header parsed: headers, date skew, required headers. */
function finishParse(p: ParsedAuthorization, req: Request, now: number, skewSec: number): Parsed {
  const [type, hash, extra] = p.algorithm.split('-');
  if (p.syntax === 'modern') {
    // http-signature wraps validateAlgorithm's complaint as "<alg> is not supported".
    if (!type || !hash || extra !== undefined || !MODERN_TYPES.has(type) || !MODERN_HASHES.has(hash)) throw new Error(`${p.params.algorithm} is not supported`);
  } else if (!LEGACY_ALGOS.has(p.algorithm)) {
    throw new Error(`${p.algorithm} is not a supported algorithm`);
  }
  const lines: string[] = [];
  for (const h of p.headers) {
    if (h === '(request-target)') {
      lines.push(p.syntax === 'modern' ? `${h}: ${req.method.toLowerCase()} ${requestTarget(req.url)}` : `${req.method.toLowerCase()} ${requestTarget(req.url)}`);
      continue;
    }
    const value = header(req.headers, h);
    if (value === undefined) throw new Error(`${h} was not in the request`);
    // Modern: `name: value`. Legacy 0.9: the raw values only.
    lines.push(p.syntax === 'modern' ? `${h}: ${value}` : value);
  }
  const dateValue = header(req.headers, 'x-date') ?? header(req.headers, 'date');
  if (dateValue !== undefined) {
    const skew = Math.abs(now - Date.parse(dateValue)) / 1000;
    if (!(skew <= skewSec)) throw new Error(`clock skew of ${skew}s was greater than ${skewSec}s`);
  }
  const required = header(req.headers, 'x-date') !== undefined ? 'x-date' : 'date';
  if (!p.headers.includes(required)) throw new Error(`${required} was not a signed header`);
  if (!SIGN_ALGOS.has(p.algorithm)) throw new Error(`${p.algorithm} is not a supported algorithm`);
  return { ...p, signingString: lines.join('\n') };
}

/** Parses Authorization the way lib/authorization.js does: modern first, then the 0.9 form. */
function parseAuthorizationHeader(req: Request, now: number, skewSec: number): Parsed {
  const value = req.headers.get('authorization') ?? '';
  const hasXDate = req.headers.has('x-date');
  let modernError: string;
  try {
    return finishParse(parseModernAuthorization(value, hasXDate), req, now, skewSec);
  } catch (e) {
    modernError = (e as Error).message;
  }
  try {
    return finishParse(parseLegacyAuthorization(value, hasXDate), req, now, skewSec);
  } catch {
    throw new SimError(400, 'InvalidHeader', `Authorization header invalid: ${modernError}`);
  }
}

/** Pre-signed URL (lib/auth.js preSignedUrl), or undefined when the URL carries none of its parameters. */
function parsePresigned(req: Request, now: number): Parsed | undefined {
  const url = new URL(req.url);
  const q = Object.fromEntries(url.searchParams);
  const required = ['algorithm', 'expires', 'keyId', 'signature'];
  const missing = required.filter((k) => !q[k]);
  if (missing.length === required.length) return undefined;
  // restify turns these plain Errors into 500 InternalError, as the real server does.
  if (missing.length > 0) throw new SimError(500, 'InternalError', `parameters "${missing.join(', ')}" are required`);
  const methods = (q.method ?? req.method).split(/\s*,\s*/).sort();
  if (!methods.includes(req.method)) throw new SimError(500, 'InternalError', `${req.method} was not a signed method`);
  if (!/^\d+$/.test(q.expires!)) throw new SimError(500, 'InternalError', 'expires is invalid');
  if (Math.floor(now / 1000) > Number(q.expires)) throw new SimError(500, 'InternalError', 'request expired');
  const pairs = Object.keys(q)
    .sort((a, b) => a.localeCompare(b))
    .filter((k) => k.toLowerCase() !== 'signature')
    .map((k) => `${rfc3986(k)}=${rfc3986(q[k]!)}`)
    .join('&');
  const signingString = `${methods.join(',')}\n${url.host}\n${url.pathname}\n${pairs}`;
  const algorithm = q.algorithm!.toLowerCase();
  if (!SIGN_ALGOS.has(algorithm)) throw new SimError(500, 'InternalError', `${q.algorithm!.toUpperCase()} is not a supported signing algorithm`);
  return { syntax: 'modern', keyId: q.keyId!, algorithm, headers: [], signature: q.signature!, params: q, signingString };
}

function findKey(keys: Map<string, SimKey>, id: string): SimKey | undefined {
  return keys.get(id) ?? [...keys.values()].find((k) => k.fingerprint === id);
}

/**
 * Authenticates a request as lib/auth.js does: parse (pre-signed URL, modern or legacy header),
 * check the keyId shape against the requested version range, find the account, sub-user and key
 * (by name or MD5 fingerprint), and verify the signature.
 */
export function authenticate(req: Request, state: TritonState, options: { now: number; skewSec: number; range: string }): Caller {
  const parsed =
    parsePresigned(req, options.now) ??
    (req.headers.has('authorization')
      ? parseAuthorizationHeader(req, options.now, options.skewSec)
      : (() => {
          throw new SimError(401, 'InvalidCredentials', 'You must make authenticated requests to use CloudAPI');
        })());
  const parts = parsed.keyId.split('/');
  let login: string;
  let sublogin: string | undefined;
  let keyName: string;
  if (parts.length === 4 && parts[0] === '' && parts[2] === 'keys') {
    login = parts[1]!;
    keyName = parts[3]!;
  } else if (
    (satisfies('7.2.0', options.range) || ltr('7.2.0', options.range)) &&
    parts.length === 6 && parts[0] === '' && parts[2] === 'users' && parts[4] === 'keys'
  ) {
    login = parts[1]!;
    sublogin = parts[3]!;
    keyName = parts[5]!;
  } else {
    throw new SimError(401, 'InvalidCredentials', `Invalid KeyId ${parsed.keyId} in authorization header`);
  }
  const account = state.accounts.get(login);
  if (!account) throw new SimError(401, 'InvalidCredentials', INVALID_CREDS);
  const user = sublogin === undefined ? undefined : [...account.users.values()].find((u) => u.login === sublogin);
  if (sublogin !== undefined && !user) throw new SimError(401, 'InvalidCredentials', INVALID_CREDS);
  const key = findKey(user ? user.keys : account.keys, keyName);
  if (!key) throw new SimError(401, 'InvalidCredentials', INVALID_CREDS);
  let signature: Uint8Array;
  try {
    signature = decodeBase64(parsed.signature);
  } catch {
    throw new SimError(401, 'InvalidCredentials', INVALID_CREDS);
  }
  if (!verifyWithKey(key.publicKey, parsed.algorithm, encodeUtf8(parsed.signingString), signature)) {
    throw new SimError(401, 'InvalidCredentials', INVALID_CREDS);
  }
  return { account, user, keyId: parsed.keyId, key };
}
