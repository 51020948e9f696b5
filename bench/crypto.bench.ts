/**
 * opskit/crypto's Fernet against Python's `cryptography` Fernet, measured in the same bench run:
 * encrypt + decrypt (ttl checked) of 64 B and 64 KiB. Python times its own loop inside one
 * long-lived python3 child (bench/fixtures/fernet_python.py), so neither side pays for process
 * start-up or pipes; the two sides run in alternating short rounds and each row reports the median
 * round. Budgeted rows use what Node resolves `opskit/crypto` to (the `node` export condition:
 * node:crypto); the portable engine that browsers get is shown beside them without a budget. Plus
 * one-shot HMAC-SHA256 against node:crypto.
 *
 *   npm run bench -- crypto
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Fernet as PortableFernet, hmac } from '../src/crypto/index.js';
import { Fernet as NodeFernet } from '../src/node/crypto/index.js';
import { pythonWith } from './python.js';
import type { Row } from './run.js';
import { median } from './stats.js';

const ROUNDS = 5;
const ROUND_MS = 150;
const WARMUP_MS = 150;


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

/** The python3 child: one JSON reply per command line. */
interface PythonFernet {
  ask<T>(command: string): Promise<T>;
  close(): void;
}

/** Starts the Python side, or says why it cannot (python3 or `cryptography` missing). */
function startPython(): PythonFernet | string {
  const python = pythonWith('cryptography.fernet');
  if ('error' in python) return python.error;
  const child = spawn(python.path, [fileURLToPath(new URL('./fixtures/fernet_python.py', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async ask<T>(command: string): Promise<T> {
      child.stdin.write(`${command}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error(`python3 exited before answering "${command.split(' ')[0]}"`);
      const reply = JSON.parse(value as string) as T & { error?: string };
      if (reply.error) throw new Error(`python3: ${reply.error}`);
      return reply;
    },
    close: () => child.stdin.end(),
  };
}

const sameBytes = (x: Uint8Array, y: Uint8Array): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const python = startPython();
  const engines = [
    ['opskit/crypto on Node (node:crypto engine)', NodeFernet, '≥ 1×'],
    ['portable engine (what browsers get)', PortableFernet, undefined],
  ] as const;
  try {
    const version = typeof python === 'string' ? undefined : await python.ask<{ python: string; cryptography: string }>('version');
    const ratioLabel = version ? `× Python ${version.python} cryptography ${version.cryptography}` : '× Python cryptography';
    for (const [label, size] of [['64 B', 64], ['64 KiB', 65536]] as const) {
      const data = new Uint8Array(randomBytes(size));
      for (const [engine, Fernet, budget] of engines) {
        const name = `Fernet encrypt+decrypt ${label}, ${engine}`;
        const f = new Fernet(Fernet.generateKey());
        const once = () => f.decrypt(f.encrypt(data), { ttl: 3600 });
        if (typeof python === 'string') {
          // Still measured, but with no reference the row says why rather than guessing one.
          rows.push({ group: 'crypto', name: `${name} (no reference: ${python})`, value: Math.round(rate(once, ROUND_MS)), unit: 'ops/s', ...(budget ? { budget } : {}) });
          continue;
        }
        // The comparison only means something if both sides speak the same format.
        const key = NodeFernet.generateKey();
        const token = new Fernet(key).encrypt(data);
        const back = await python.ask<{ hex: string }>(`decrypt ${key} ${token}`);
        if (!sameBytes(Uint8Array.from(Buffer.from(back.hex, 'hex')), data)) throw new Error(`Python does not decrypt opskit's ${label} token`);
        rate(once, WARMUP_MS);
        await python.ask(`rate ${size} ${WARMUP_MS}`);
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          ours.push(rate(once, ROUND_MS));
          theirs.push((await python.ask<{ opsPerSec: number }>(`rate ${size} ${ROUND_MS}`)).opsPerSec);
        }
        rows.push({
          group: 'crypto', name, value: Math.round(median(ours)), unit: 'ops/s', reference: Math.round(median(theirs)), ratioLabel,
          ...(budget ? { budget } : {}),
        });
      }
    }
  } finally {
    if (typeof python !== 'string') python.close();
  }

  const macKey = new Uint8Array(randomBytes(32));
  const message = new Uint8Array(randomBytes(64));
  if (!sameBytes(hmac('sha256', macKey, message), createHmac('sha256', macKey).update(message).digest())) {
    throw new Error('hmac and node:crypto disagree');
  }
  const ours: number[] = [];
  const node: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(rate(() => hmac('sha256', macKey, message), 60));
    node.push(rate(() => createHmac('sha256', macKey).update(message).digest(), 60));
  }
  rows.push({
    group: 'crypto', name: 'HMAC-SHA256 64 B (one-shot, new key each call; pure JS)', value: Math.round(median(ours)), unit: 'ops/s',
    reference: Math.round(median(node)), ratioLabel: '× node:crypto',
  });
  return rows;
}
