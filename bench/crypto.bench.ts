/**
 * opskit/crypto (pure JavaScript on noble) against node:crypto (OpenSSL), side by side in one
 * process: Fernet encrypt and decrypt at 64 B and 64 KiB against a Fernet written here on
 * node:crypto with the same checks, and one-shot HMAC-SHA256 of a 64-byte message.
 * Each pair is measured in alternating short rounds so load from elsewhere hits both alike;
 * the row reports the median round.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Fernet, hmac } from '../src/crypto/index.js';
import type { Row } from './run.js';

const ROUNDS = 5;
const ROUND_MS = 70;
const WARMUP_MS = 80;

/**
 * The reference: Fernet on node:crypto, doing what opskit does in the same order (decode,
 * version and length, TTL and skew, constant-time HMAC check, AES-128-CBC with PKCS#7).
 */
class NodeFernet {
  readonly #signing: Buffer;
  readonly #encryption: Buffer;

  constructor(key: string) {
    const raw = Buffer.from(key, 'base64url');
    if (raw.length !== 32) throw new Error('Fernet key must be 32 bytes');
    this.#signing = raw.subarray(0, 16);
    this.#encryption = raw.subarray(16);
  }

  encrypt(data: Uint8Array, now = Date.now()): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-128-cbc', this.#encryption, iv);
    const head = Buffer.allocUnsafe(9);
    head[0] = 0x80;
    head.writeBigUInt64BE(BigInt(Math.floor(now / 1000)), 1);
    const body = Buffer.concat([head, iv, cipher.update(data), cipher.final()]);
    const token = Buffer.concat([body, createHmac('sha256', this.#signing).update(body).digest()]).toString('base64url');
    return token + '='.repeat((4 - (token.length % 4)) % 4);
  }

  decrypt(token: string, { ttl, now = Date.now() }: { ttl?: number; now?: number } = {}): Uint8Array {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes[0] !== 0x80 || bytes.length < 73 || (bytes.length - 57) % 16 !== 0) throw new Error('InvalidToken');
    if (ttl !== undefined) {
      const stamped = Number(bytes.readBigUInt64BE(1));
      const current = Math.floor(now / 1000);
      if (stamped + ttl < current || current + 60 < stamped) throw new Error('InvalidToken');
    }
    const macAt = bytes.length - 32;
    const mac = createHmac('sha256', this.#signing).update(bytes.subarray(0, macAt)).digest();
    if (!timingSafeEqual(mac, bytes.subarray(macAt))) throw new Error('InvalidToken');
    const decipher = createDecipheriv('aes-128-cbc', this.#encryption, bytes.subarray(9, 25));
    return Buffer.concat([decipher.update(bytes.subarray(25, macAt)), decipher.final()]);
  }
}

/** Operations per second of `fn` over about `ms` milliseconds. */
function rate(fn: () => unknown, ms: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 10; i++) fn();
    n += 10;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return n / (elapsed / 1000);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

/** Measures both sides in alternating rounds; returns [opskit, reference] ops/s (medians). */
function compare(ours: () => unknown, reference: () => unknown): [number, number] {
  rate(ours, WARMUP_MS);
  rate(reference, WARMUP_MS);
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(rate(ours, ROUND_MS));
    b.push(rate(reference, ROUND_MS));
  }
  return [median(a), median(b)];
}

const sameBytes = (x: Uint8Array, y: Uint8Array): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

export async function run(): Promise<Row[]> {
  const key = Fernet.generateKey();
  const ours = new Fernet(key);
  const node = new NodeFernet(key);
  const rows: Row[] = [];
  const row = (name: string, [value, reference]: [number, number], budget?: string): void => {
    rows.push({
      group: 'crypto',
      name,
      value: Math.round(value),
      unit: 'ops/s',
      reference: Math.round(reference),
      ratioLabel: '× node:crypto',
      ...(budget ? { budget } : {}),
    });
  };

  for (const [label, size] of [['64 B', 64], ['64 KiB', 65536]] as const) {
    const data = new Uint8Array(randomBytes(size));
    const ourToken = ours.encrypt(data);
    const nodeToken = node.encrypt(data);
    // The comparison only means something if both sides speak the same format.
    if (!sameBytes(node.decrypt(ourToken, { ttl: 60 }), data) || !sameBytes(ours.decrypt(nodeToken, { ttl: 60 }), data)) {
      throw new Error(`opskit and the node:crypto reference cannot decrypt each other's ${label} tokens`);
    }
    row(`Fernet encrypt ${label}`, compare(() => ours.encrypt(data), () => node.encrypt(data)));
    row(
      `Fernet decrypt ${label} (ttl checked)`,
      compare(() => ours.decrypt(ourToken, { ttl: 3600 }), () => node.decrypt(ourToken, { ttl: 3600 })),
      size === 64 ? '≥ 0.5×' : undefined,
    );
  }

  const macKey = new Uint8Array(randomBytes(32));
  const message = new Uint8Array(randomBytes(64));
  if (!sameBytes(hmac('sha256', macKey, message), createHmac('sha256', macKey).update(message).digest())) {
    throw new Error('hmac and node:crypto disagree');
  }
  row('HMAC-SHA256 64 B (one-shot, new key each call)', compare(() => hmac('sha256', macKey, message), () => createHmac('sha256', macKey).update(message).digest()));
  return rows;
}
