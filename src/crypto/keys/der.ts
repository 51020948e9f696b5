import { KeyParseError } from '../errors/key-parse-error.js';
import { concatBytes } from '../bytes/concat-bytes.js';

/** One DER TLV: its tag byte and its content bytes (a view into the input). */
export interface DerNode {
  tag: number;
  value: Uint8Array;
  /** Offset just past this node in the buffer it was read from. */
  end: number;
}

/** DER tag bytes used by key formats. */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/** Context-specific constructed tag `[n]` (EXPLICIT tagging, as SEC1 and PKCS#8 use). */
export const contextTag = (n: number): number => 0xa0 | n;

/**
 * Reads one TLV at `offset`. Only definite lengths (DER); anything malformed is a
 * KeyParseError that names `what` but never shows the bytes, which may be a secret key.
 */
export function readDer(bytes: Uint8Array, offset = 0, what = 'key'): DerNode {
  const fail = (why: string) => new KeyParseError(`${what}: malformed DER (${why})`);
  if (offset + 2 > bytes.length) throw fail('truncated header');
  const tag = bytes[offset]!;
  let len = bytes[offset + 1]!;
  let at = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw fail('unsupported length form');
    if (at + n > bytes.length) throw fail('truncated length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[at + i]!;
    at += n;
  }
  if (at + len > bytes.length) throw fail('truncated value');
  return { tag, value: bytes.subarray(at, at + len), end: at + len };
}

/** Reads a TLV and checks its tag. */
export function expectDer(bytes: Uint8Array, offset: number, tag: number, what: string): DerNode {
  const node = readDer(bytes, offset, what);
  if (node.tag !== tag) throw new KeyParseError(`${what}: malformed DER (expected tag 0x${tag.toString(16)}, got 0x${node.tag.toString(16)})`);
  return node;
}

/** The children of a constructed node (SEQUENCE, context tag), in order. */
export function derChildren(node: DerNode, what = 'key'): DerNode[] {
  const out: DerNode[] = [];
  let at = 0;
  while (at < node.value.length) {
    const child = readDer(node.value, at, what);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** A SEQUENCE's children, checking the tag and that nothing follows it. */
export function derSequence(bytes: Uint8Array, what: string): DerNode[] {
  const seq = expectDer(bytes, 0, TAG.SEQUENCE, what);
  return derChildren(seq, what);
}

/** An INTEGER's unsigned magnitude as bytes (the sign byte DER adds is dropped). */
export function derUnsigned(node: DerNode | undefined, what: string): Uint8Array {
  if (node === undefined || node.tag !== TAG.INTEGER) throw new KeyParseError(`${what}: malformed DER (expected an INTEGER)`);
  let v = node.value;
  if (v.length > 0 && (v[0]! & 0x80)) throw new KeyParseError(`${what}: malformed DER (negative INTEGER)`);
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  return v;
}

/** A small INTEGER (versions, iteration counts) as a number. */
export function derSmallInt(node: DerNode | undefined, what: string): number {
  const v = derUnsigned(node, what);
  if (v.length > 6) throw new KeyParseError(`${what}: malformed DER (INTEGER too large)`);
  let n = 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

/** An OBJECT IDENTIFIER in dotted form. */
export function derOid(node: DerNode | undefined, what: string): string {
  if (node === undefined || node.tag !== TAG.OID || node.value.length === 0) {
    throw new KeyParseError(`${what}: malformed DER (expected an OBJECT IDENTIFIER)`);
  }
  const v = node.value;
  const first = v[0]!;
  const parts = [Math.min(2, Math.floor(first / 40)), first - 40 * Math.min(2, Math.floor(first / 40))];
  let acc = 0;
  for (let i = 1; i < v.length; i++) {
    acc = acc * 128 + (v[i]! & 0x7f);
    if (!(v[i]! & 0x80)) {
      parts.push(acc);
      acc = 0;
    }
  }
  return parts.join('.');
}

// ---- writing (enough for the key structures we re-encode) ----

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** One TLV from a tag and its content. */
export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const len = lengthBytes(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

export { concatBytes };

/** A SEQUENCE of already-encoded elements. */
export const derSeq = (...items: Uint8Array[]): Uint8Array => derTlv(TAG.SEQUENCE, concatBytes(...items));

/** An unsigned INTEGER from its big-endian magnitude (adds the sign byte DER needs). */
export function derUInt(magnitude: Uint8Array): Uint8Array {
  let m = magnitude;
  while (m.length > 1 && m[0] === 0) m = m.subarray(1);
  if (m.length === 0) m = new Uint8Array([0]);
  return derTlv(TAG.INTEGER, m[0]! & 0x80 ? concatBytes(new Uint8Array([0]), m) : m);
}

/** An OBJECT IDENTIFIER from dotted form. */
export function derOidOf(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    bytes.push(...chunk);
  }
  return derTlv(TAG.OID, new Uint8Array(bytes));
}
