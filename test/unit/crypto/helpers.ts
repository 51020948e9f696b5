// Shared fixtures for the crypto unit tests: the official Fernet vectors (copied into
// test/vectors/fernet from the Fernet spec repository, fernet/spec) and RFC HMAC vectors.
import { readFileSync } from 'node:fs';

const vectorDir = new URL('../../vectors/fernet/', import.meta.url);
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, vectorDir), 'utf8')) as T;

export interface GenerateVector { token: string; now: string; iv: number[]; src: string; secret: string }
export interface VerifyVector { token: string; now: string; ttl_sec: number; src: string; secret: string }
export interface InvalidVector { desc: string; token: string; now: string; ttl_sec: number; secret: string }

export const vectors = {
  generate: load<GenerateVector[]>('generate.json'),
  verify: load<VerifyVector[]>('verify.json'),
  invalid: load<InvalidVector[]>('invalid.json'),
};

const rep = (byte: number, n: number): Uint8Array => new Uint8Array(n).fill(byte);
const seq = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i + 1);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface HmacCase { name: string; key: Uint8Array; data: Uint8Array; sha1?: string; sha256?: string; sha512?: string }

/** RFC 4231 §4.2–4.8 (SHA-256, SHA-512; case 5 is truncated to 128 bits). */
export const rfc4231: HmacCase[] = [
  { name: 'case 1', key: rep(0x0b, 20), data: utf8('Hi There'),
    sha256: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    sha512: '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854' },
  { name: 'case 2', key: utf8('Jefe'), data: utf8('what do ya want for nothing?'),
    sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    sha512: '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737' },
  { name: 'case 3', key: rep(0xaa, 20), data: rep(0xdd, 50),
    sha256: '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    sha512: 'fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb' },
  { name: 'case 4', key: seq(25), data: rep(0xcd, 50),
    sha256: '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    sha512: 'b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd' },
  { name: 'case 5 (truncated)', key: rep(0x0c, 20), data: utf8('Test With Truncation'),
    sha256: 'a3b6167473100ee06e0c796c2955552b', sha512: '415fad6271580a531d4179bc891d87a6' },
  { name: 'case 6', key: rep(0xaa, 131), data: utf8('Test Using Larger Than Block-Size Key - Hash Key First'),
    sha256: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    sha512: '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598' },
  { name: 'case 7', key: rep(0xaa, 131),
    data: utf8('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'),
    sha256: '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    sha512: 'e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58' },
];

/** RFC 2202 §3 (HMAC-SHA-1). */
export const rfc2202: HmacCase[] = [
  { name: 'case 1', key: rep(0x0b, 20), data: utf8('Hi There'), sha1: 'b617318655057264e28bc0b6fb378c8ef146be00' },
  { name: 'case 2', key: utf8('Jefe'), data: utf8('what do ya want for nothing?'), sha1: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79' },
  { name: 'case 3', key: rep(0xaa, 20), data: rep(0xdd, 50), sha1: '125d7342b9ac11cd91a39af48aa17b4f63f175d3' },
  { name: 'case 4', key: seq(25), data: rep(0xcd, 50), sha1: '4c9007f4026250c6bc8414f9bf50c86c2d7235da' },
  { name: 'case 5', key: rep(0x0c, 20), data: utf8('Test With Truncation'), sha1: '4c1a03424b55e07fe7f27be1d58bb9324a9a5a04' },
  { name: 'case 6', key: rep(0xaa, 80), data: utf8('Test Using Larger Than Block-Size Key - Hash Key First'),
    sha1: 'aa4ae5e15272d00e95705637ce8a3b55ed402112' },
  { name: 'case 7', key: rep(0xaa, 80), data: utf8('Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data'),
    sha1: 'e8e99d0f45237d786d6bbaa7965c7808bbff1a91' },
];

/** Deterministic pseudo-random bytes (xorshift32), so failures are reproducible. */
export function prng(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] = s;
    }
    return out;
  };
}

// --- Minimal DER and PEM writers, independent of opskit's own, for crafting (hostile) keys ---

/** A DER TLV (definite length, up to 65,535 content bytes). */
export function tlv(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}
export const derSeq = (...parts: Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(parts));
export const derOctets = (bytes: Uint8Array): Buffer => tlv(0x04, bytes);
export const derOid = (hex: string): Buffer => tlv(0x06, Buffer.from(hex, 'hex'));
export const derNull = (): Buffer => tlv(0x05, new Uint8Array(0));
/** A non-negative INTEGER. */
export function derInt(n: number | bigint): Buffer {
  let hex = BigInt(n).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return tlv(0x02, Buffer.from(hex, 'hex'));
}

/** A PEM block with 64-character lines. */
export function pem(label: string, body: Uint8Array): string {
  return `-----BEGIN ${label}-----\n${Buffer.from(body).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;
}

/** The body of the first PEM block. */
export function pemBody(text: string): Buffer {
  return Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

const { Fernet: NodeFernet } = await import('../../../src/node/crypto/index.js');
const { ENGINE } = await import('../../../src/crypto/fernet/engine.js');
const { nativeFernetEngine } = await import('../../../src/node/crypto/fernet-engine.js');

/** The Node engine's node:crypto side at every size (the Node build keeps small messages portable). */
class NativeOnlyFernet extends NodeFernet {
  static readonly [ENGINE] = nativeFernetEngine;
}

/**
 * The Fernet engines behind the one class: the portable one (pure JavaScript, what browsers get from
 * opskit/crypto), the node:crypto one (what the `node` export condition gives Node, Deno and Bun:
 * native above a size, portable below) and its native primitives alone, so every vector also runs
 * on OpenSSL. Fernet tests run once per engine.
 */
export const FERNETS = [
  ['portable', (await import('../../../src/crypto/index.js')).Fernet],
  ['node:crypto', NodeFernet],
  ['node:crypto at every size', NativeOnlyFernet],
] as const;
