import { KeyParseError } from '../errors/key-parse-error.js';
import { concatBytes } from './der.js';

/**
 * Reader for the SSH wire encoding (RFC 4251 §5): uint32, string (length-prefixed bytes) and
 * mpint. Used for public-key blobs, openssh-key-v1 files and ssh-agent messages.
 */
export class SshReader {
  #at = 0;

  constructor(
    readonly bytes: Uint8Array,
    /** Named in errors ("OpenSSH key", "ssh-agent reply"), never the bytes themselves. */
    readonly what = 'SSH data',
  ) {}

  get offset(): number {
    return this.#at;
  }

  get remaining(): number {
    return this.bytes.length - this.#at;
  }

  #need(n: number): void {
    if (n < 0 || this.#at + n > this.bytes.length) throw new KeyParseError(`${this.what}: malformed (truncated)`);
  }

  u8(): number {
    this.#need(1);
    return this.bytes[this.#at++]!;
  }

  u32(): number {
    this.#need(4);
    const b = this.bytes;
    const v = ((b[this.#at]! << 24) | (b[this.#at + 1]! << 16) | (b[this.#at + 2]! << 8) | b[this.#at + 3]!) >>> 0;
    this.#at += 4;
    return v;
  }

  raw(n: number): Uint8Array {
    this.#need(n);
    const out = this.bytes.subarray(this.#at, this.#at + n);
    this.#at += n;
    return out;
  }

  /** A length-prefixed byte string. */
  string(): Uint8Array {
    return this.raw(this.u32());
  }

  /** A length-prefixed string decoded as ASCII/UTF-8 text. */
  text(): string {
    return new TextDecoder().decode(this.string());
  }

  /** An mpint's unsigned magnitude (leading sign byte removed). */
  mpint(): Uint8Array {
    let v = this.string();
    if (v.length > 0 && v[0]! & 0x80) throw new KeyParseError(`${this.what}: malformed (negative mpint)`);
    while (v.length > 0 && v[0] === 0) v = v.subarray(1);
    return v;
  }

  /** Whatever is left. */
  rest(): Uint8Array {
    return this.raw(this.remaining);
  }
}

/** Builds SSH wire-encoded data. */
export class SshWriter {
  readonly #parts: Uint8Array[] = [];

  u8(v: number): this {
    this.#parts.push(new Uint8Array([v & 0xff]));
    return this;
  }

  u32(v: number): this {
    this.#parts.push(new Uint8Array([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]));
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.#parts.push(bytes);
    return this;
  }

  string(value: Uint8Array | string): this {
    const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    return this.u32(bytes.length).raw(bytes);
  }

  /** An mpint from an unsigned big-endian magnitude. */
  mpint(magnitude: Uint8Array): this {
    let m = magnitude;
    while (m.length > 0 && m[0] === 0) m = m.subarray(1);
    return this.string(m.length > 0 && m[0]! & 0x80 ? concatBytes(new Uint8Array([0]), m) : m);
  }

  bytes(): Uint8Array {
    return concatBytes(...this.#parts);
  }
}
