/**
 * HTTP Signature signing rate for CloudAPI requests (the `date: …` signing string), for RSA-2048,
 * ECDSA P-256 and Ed25519: opskit's native path (WebCrypto) and pure-JavaScript path (noble,
 * bigint RSA with CRT), each against node:crypto signing the same string with the same key (the
 * reference). Alternating short rounds; the row reports the median round. About 3–4 s in all.
 */
import { generateKeyPairSync, sign as nodeSign, type KeyObject } from 'node:crypto';
// opskit/crypto as Node loads it (every key type, ECDSA included: the portable module needs
// opskit/crypto/ecdsa imported for ECDSA private keys).
import { encodeUtf8, parsePrivateKey, signWithKey, type PrivateKey, type SigningBackend } from '../src/node/crypto/index.js';
import type { Row } from './run.js';
import { median } from './stats.js';

const ROUNDS = 4;
const ROUND_MS = 60;

async function rate(fn: () => unknown, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    await fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}


async function compare(label: string, key: PrivateKey, node: KeyObject, hash: string | null, backend: SigningBackend): Promise<Row> {
  const data = encodeUtf8(`date: ${new Date().toUTCString()}`);
  const ours = () => signWithKey(key, data, { backend });
  const reference = () => nodeSign(hash, data, node);
  await rate(ours, 40);
  await rate(reference, 40);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(await rate(ours, ROUND_MS));
    b.push(await rate(reference, ROUND_MS));
  }
  return { group: 'triton signing', name: `${label} ${backend === 'native' ? 'native (WebCrypto)' : 'pure JS'}`, value: median(a), unit: 'sig/s', reference: median(b), ratioLabel: '× node:crypto' };
}

export async function run(): Promise<Row[]> {
  const keys: [string, KeyObject, string | null][] = [
    ['RSA-2048 rsa-sha256', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'sha256'],
    ['ECDSA P-256 ecdsa-sha256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'sha256'],
    ['Ed25519 ed25519-sha512', generateKeyPairSync('ed25519').privateKey, null],
  ];
  const rows: Row[] = [];
  for (const [label, node, hash] of keys) {
    const key = parsePrivateKey(node.export({ type: 'pkcs8', format: 'pem' }) as string);
    for (const backend of ['native', 'pure'] as const) rows.push(await compare(label, key, node, hash, backend));
  }
  return rows;
}
