/**
 * Pithos+ transfers against the simulator served on 127.0.0.1 in a child process (so this process's
 * RSS is the client's alone): upload and download of 256 MiB in 4 MiB blocks with 4 in flight, as
 * MiB/s and as a ratio to one plain PUT/GET of the same bytes to the same server (medians of three
 * rounds, each with new content); the peak RSS growth of each; block hashing against node:crypto
 * SHA-256; and what a re-upload of identical content sends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { blockHashAsync } from '../src/crypto/index.js';
import { PithosClient, type RandomAccessSource } from '../src/synnefo/pithos/index.js';
import type { Row } from './run.js';
import { median } from './stats.js';

const MiB = 1024 * 1024;
const SIZE = 256 * MiB;
const BLOCK = 4 * MiB;
const ROUNDS = 3;
const src = (p: string) => fileURLToPath(new URL(`../src/${p}`, import.meta.url));

/** The served simulator in a child process; resolves with its URL and credentials. */
async function startServer(): Promise<{ child: ChildProcess; url: string; token: string; account: string }> {
  const code = `
    const { createPithosSim } = await import(${JSON.stringify(src('sim/pithos/index.ts'))});
    const { serve } = await import(${JSON.stringify(src('node/serve.ts'))});
    const sim = createPithosSim({ seed: 1, blockSize: ${BLOCK} });
    const s = await serve(sim);
    process.stdout.write(JSON.stringify({ url: s.url + '/object-store/v1', token: sim.credentials.token, account: sim.credentials.account }) + '\\n');
    process.stdin.resume();
    process.stdin.on('end', () => process.exit(0));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\n')) resolve(buf.slice(0, buf.indexOf('\n')));
    });
    child.once('exit', (c) => reject(new Error(`the simulator exited with ${c}`)));
  });
  return { child, ...(JSON.parse(line) as { url: string; token: string; account: string }) };
}

/** 256 MiB generated on demand (never held whole): each block is distinct. */
function generated(size: number, seed: number): RandomAccessSource {
  return {
    size,
    async read(offset, length, into) {
      const out = into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
      const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
      let x = (seed * 2654435761 + Math.floor(offset / 4)) >>> 0;
      for (let i = 0; i + 4 <= length; i += 4) {
        x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
        view.setUint32(i, x);
      }
      return out;
    },
  };
}

/** Runs `fn` while sampling RSS; resolves with its duration and the peak RSS growth. */
async function measured(fn: () => Promise<unknown>): Promise<{ seconds: number; rssGrowth: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds: (performance.now() - start) / 1000, rssGrowth: peak - base };
}

/** Fills `out` with the whole of `source`, block by block. */
async function fill(out: Uint8Array, source: RandomAccessSource): Promise<void> {
  for (let o = 0; o < source.size; o += BLOCK) out.set(await source.read(o, Math.min(BLOCK, source.size - o)), o);
}


async function hashingRows(): Promise<Row[]> {
  const blocks = await Promise.all(Array.from({ length: 16 }, (_, i) => generated(BLOCK, 100 + i).read(0, BLOCK)));
  const total = (blocks.length * BLOCK) / MiB;
  const rate = async (fn: (b: Uint8Array) => unknown) => {
    await fn(blocks[0]!);
    const t = performance.now();
    for (const b of blocks) await fn(b);
    return total / ((performance.now() - t) / 1000);
  };
  const node = await rate((b) => createHash('sha256').update(b).digest());
  const native = await rate((b) => blockHashAsync(b, 'sha256'));
  const pure = await rate((b) => blockHashAsync(b, 'sha256', { native: false }));
  return [
    { group: 'pithos hashing', name: 'block hash, 4 MiB blocks, native (WebCrypto)', value: native, unit: 'MiB/s', reference: node, ratioLabel: '× node:crypto' },
    { group: 'pithos hashing', name: 'block hash, 4 MiB blocks, pure JS (noble; non-secure origins)', value: pure, unit: 'MiB/s', reference: node, ratioLabel: '× node:crypto' },
  ];
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = await hashingRows();
  const server = await startServer();
  try {
    let sent = 0;
    let counting = false;
    const countingFetch = async (r: Request) => {
      if (counting && r.body) sent += (await r.clone().arrayBuffer()).byteLength;
      return fetch(r);
    };
    const client = new PithosClient({ url: server.url, token: server.token, account: server.account, container: 'pithos', maxThreads: 4, fetch: countingFetch, timeout: { attempt: 120_000, total: 600_000 } });
    // Both sides send the same bytes, made before anything is timed: generating them on demand
    // (a JS loop over 256 MiB) inside the upload would charge the client for the bench's own work.
    // The client still reads through a RandomAccessSource, a copy per read, as from a file.
    const bytes = new Uint8Array(SIZE);
    const source: RandomAccessSource = {
      size: SIZE,
      async read(offset, length, into) {
        const out = into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
        out.set(bytes.subarray(offset, offset + length));
        return out;
      },
    };

    // Warm-up (JIT, sockets, V8's heap sizing) on 16 MiB, so the rows measure the steady state.
    await client.uploadObject('warm.bin', generated(16 * MiB, 99));
    await client.downloadObject('warm.bin', { write: () => {} });
    // Rounds of block transfer and plain request side by side, each round with new content (the
    // server would otherwise already hold every block): one 256 MiB transfer of either kind moves
    // with whatever else this shared machine runs, so the rates are medians over the rounds and the
    // RSS rows the largest growth seen.
    const rounds: Array<Record<'up' | 'plainPut' | 'plainGet' | 'down' | 'bareDown', { seconds: number; rssGrowth: number }>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      await fill(bytes, generated(SIZE, round + 1));
      const up = await measured(() => client.uploadObject(`bench-${round}.bin`, source));
      const objectUrl = `${server.url}/${server.account}/pithos/plain-${round}.bin`;
      const plainPut = await measured(async () => {
        const r = await fetch(objectUrl, { method: 'PUT', headers: { 'x-auth-token': server.token, 'content-type': 'application/octet-stream' }, body: bytes });
        if (r.status !== 201) throw new Error(`plain PUT: ${r.status}`);
      });
      const plainGet = await measured(async () => {
        const r = await fetch(objectUrl, { headers: { 'x-auth-token': server.token } });
        const reader = r.body!.getReader();
        let n = 0;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          n += value.length;
        }
        if (n !== SIZE) throw new Error(`plain GET: ${n} bytes`);
      });
      let received = 0;
      const down = await measured(() => client.downloadObject(`bench-${round}.bin`, { write: (_o, d) => void (received += d.length) }));
      if (received !== SIZE) throw new Error(`block download delivered ${received} bytes`);
      // The floor of the block protocol itself: the same ranged GETs, 4 in flight, with nothing but
      // fetch() and arrayBuffer() (no hashmap, no hash checks, no opskit).
      const bareDown = await measured(async () => {
        let next = 0;
        let n = 0;
        const url = `${server.url}/${server.account}/pithos/bench-${round}.bin`;
        const worker = async () => {
          for (let i = next++; i < SIZE / BLOCK; i = next++) {
            const r = await fetch(url, { headers: { 'x-auth-token': server.token, range: `bytes=${i * BLOCK}-${(i + 1) * BLOCK - 1}` } });
            if (r.status !== 206) throw new Error(`bare ranged GET: ${r.status}`);
            // Read before adding: `n += await …` would add to the `n` read before the await.
            const got = (await r.arrayBuffer()).byteLength;
            n += got;
          }
        };
        await Promise.all(Array.from({ length: 4 }, worker));
        if (n !== SIZE) throw new Error(`bare ranged GETs: ${n} bytes`);
      });
      rounds.push({ up, plainPut, plainGet, down, bareDown });
    }
    const mibs = SIZE / MiB;
    const rate = (side: keyof (typeof rounds)[number]) => median(rounds.map((r) => mibs / r[side].seconds));
    const peak = (side: keyof (typeof rounds)[number]) => Math.max(...rounds.map((r) => r[side].rssGrowth)) / MiB;
    const each = (side: 'up' | 'down' | 'bareDown', plain: 'plainPut' | 'plainGet') => rounds.map((r) => (r[plain].seconds / r[side].seconds).toFixed(2)).join(' / ');
    rows.push(
      { group: 'pithos transfer', name: `upload 256 MiB, 4 MiB blocks, 4 in flight (vs one plain PUT; medians of ${ROUNDS} rounds, ratios ${each('up', 'plainPut')})`, value: rate('up'), unit: 'MiB/s', reference: rate('plainPut'), ratioLabel: '× plain PUT', budget: '≥ 0.8×' },
      { group: 'pithos transfer', name: `download 256 MiB, 4 MiB blocks, 4 in flight (vs one plain GET; medians of ${ROUNDS} rounds, ratios ${each('down', 'plainGet')})`, value: rate('down'), unit: 'MiB/s', reference: rate('plainGet'), ratioLabel: '× plain GET', budget: '≥ 0.8×' },
      { group: 'pithos transfer', name: `… floor: the same 64 ranged GETs, 4 in flight, fetch() and arrayBuffer() only, no hash checks, no opskit (ratios ${each('bareDown', 'plainGet')})`, value: rate('bareDown'), unit: 'MiB/s', reference: rate('plainGet'), ratioLabel: '× plain GET' },
      { group: 'pithos transfer', name: `upload 256 MiB: peak RSS growth (largest of ${ROUNDS} rounds)`, value: peak('up'), unit: 'MiB', budget: '≤ 64 MiB' },
      { group: 'pithos transfer', name: `download 256 MiB: peak RSS growth (largest of ${ROUNDS} rounds)`, value: peak('down'), unit: 'MiB', budget: '≤ 64 MiB' },
    );

    // Re-upload of identical content: only the hashmap travels (64 hashes ≈ 4.3 kB of JSON).
    counting = true;
    const again = await client.uploadObject('bench-copy.bin', source);
    counting = false;
    const hashmapBytes = JSON.stringify({ bytes: SIZE, hashes: new Array(SIZE / BLOCK).fill('0'.repeat(64)) }).length;
    rows.push(
      { group: 'pithos dedup', name: 're-upload of 256 MiB already stored: request bytes sent', value: sent, unit: 'B', budget: `≤ ${hashmapBytes} B` },
      { group: 'pithos dedup', name: 're-upload of 256 MiB already stored: blocks sent', value: again.blocksSent, unit: 'blocks', budget: '≤ 0 blocks' },
    );
  } finally {
    server.child.stdin!.end();
    server.child.kill();
  }
  return rows;
}
