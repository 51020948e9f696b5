import { checkString, fail, kindOf, type ErrorFactory } from '../args/check.js';
import { KeyParseError } from '../errors/key-parse-error.js';
import { CURVES, type EcCurve } from './curves.js';
import type { PrivateKeyData, PublicKeyData } from './types.js';

// PublicKey, PrivateKey and the blob helpers take key numbers, normally made by this module's
// parsers. A caller building them by hand gets a KeyParseError naming the field that is wrong,
// never a TypeError from the middle of an encoder.

const keyError: ErrorFactory = (message) => new KeyParseError(message);
const TYPES = ['rsa', 'ecdsa', 'ed25519'] as const;
// OpenSSH's own limit. Pure-JavaScript RSA work grows with the cube of the size, so a hostile key
// with a huge modulus (or public exponent) would block the thread on every signature or check.
const MAX_RSA_BITS = 16384;
const MAX_RSA_EXPONENT_BITS = 64;
const bits = (v: bigint) => v.toString(2).length;

function field(data: Record<string, unknown>, name: string, what: string, ok: (v: unknown) => boolean, expected: string): void {
  if (!ok(data[name])) fail(`${what}.${name}`, expected, data[name], keyError);
}

const positive = (v: unknown) => typeof v === 'bigint' && v > 0n;
const bytesOf = (length: number) => (v: unknown) => v instanceof Uint8Array && v.length === length;

function checkCommon(data: unknown, what: string, kind: string): { d: Record<string, unknown>; type: PublicKeyData['type']; curve?: EcCurve } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail(what, `${kind} numbers ({ type: 'rsa' | 'ecdsa' | 'ed25519', … })`, data, keyError);
  }
  const d = data as Record<string, unknown>;
  const type = d.type;
  if (!TYPES.includes(type as (typeof TYPES)[number])) {
    throw keyError(`${what}.type must be one of ${TYPES.join(', ')}, got ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : kindOf(type)}`);
  }
  if (type !== 'ecdsa') return { d, type: type as PublicKeyData['type'] };
  const curve = d.curve;
  if (typeof curve !== 'string' || !Object.prototype.hasOwnProperty.call(CURVES, curve)) {
    throw keyError(`${what}.curve must be one of ${Object.keys(CURVES).join(', ')}, got ${typeof curve === 'string' ? JSON.stringify(curve.slice(0, 40)) : kindOf(curve)}`);
  }
  return { d, type: 'ecdsa', curve: curve as EcCurve };
}

/** Checks public key numbers (the shape of {@link PublicKeyData}); `what` names the argument. */
export function checkPublicKeyData(data: unknown, what: string): PublicKeyData {
  const { d, type, curve } = checkCommon(data, what, 'public key');
  if (type === 'rsa') {
    field(d, 'n', what, positive, 'a positive bigint');
    field(d, 'e', what, positive, 'a positive bigint');
    if (bits(d.n as bigint) > MAX_RSA_BITS) throw keyError(`${what}: RSA modulus of ${bits(d.n as bigint)} bits is larger than ${MAX_RSA_BITS} bits`);
    if (bits(d.e as bigint) > MAX_RSA_EXPONENT_BITS) throw keyError(`${what}: RSA public exponent of ${bits(d.e as bigint)} bits is larger than ${MAX_RSA_EXPONENT_BITS} bits`);
  } else if (type === 'ecdsa') {
    field(d, 'q', what, (v) => bytesOf(1 + 2 * CURVES[curve!].size)(v) && (v as Uint8Array)[0] === 4, `the uncompressed ${curve} point (${1 + 2 * CURVES[curve!].size} bytes starting with 0x04)`);
  } else {
    field(d, 'a', what, bytesOf(32), 'the 32-byte Ed25519 public key');
  }
  return data as PublicKeyData;
}

/** Checks private key numbers (the shape of {@link PrivateKeyData}); `what` names the argument. */
export function checkPrivateKeyData(data: unknown, what: string): PrivateKeyData {
  checkPublicKeyData(data, what);
  const d = data as Record<string, unknown>;
  if (d.type === 'rsa') {
    for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) field(d, name, what, positive, 'a positive bigint');
  } else if (d.type === 'ecdsa') {
    const size = CURVES[d.curve as EcCurve].size;
    field(d, 'd', what, bytesOf(size), `the ${size}-byte private scalar`);
  } else {
    field(d, 'seed', what, bytesOf(32), 'the 32-byte Ed25519 seed');
  }
  return data as PrivateKeyData;
}

/** A key comment: a well-formed string (empty allowed). */
export function checkComment(value: unknown, what: string): string {
  return value === undefined ? '' : checkString(value, what, { allowEmpty: true });
}
