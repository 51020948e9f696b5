/**
 * What opskit's whole chain (typed client, path checks, auth, retry, timeouts, redirects, body
 * buffering, reply checks, error mapping) costs against raw fetch, both talking to the same
 * simulator in this process:
 *
 * - in-process (the simulator's own `fetch`, no network: pure overhead), measured as CPU time per
 *   call (`process.cpuUsage` around each round, so load from other processes on this shared machine
 *   does not count against either side), median of interleaved rounds; reported as calls per
 *   CPU-second. Once with the default timeouts (30 s per attempt, 120 s in all: one abort signal
 *   per call) and once with `timeout: false` and no signal (nothing can abort the call, so the
 *   chain builds no signal at all). Plus openapi-fetch alone, and the chain's CPU µs per call
 *   above openapi-fetch alone.
 * - over 127.0.0.1 (the simulator served by opskit/node in this process, the platform fetch on
 *   both sides, as an application writes it: `fetch(url, { headers })` against a client with
 *   default options), measured the same way (CPU time of this process per call, client and server,
 *   medians of interleaved rounds), three separate runs; the budgeted row is the worst of the three.
 *   The chain with `timeout: false` runs beside it, so what the default timeouts' abort signal
 *   costs on the wire (the platform fetch follows it per request) shows too.
 *   Wall-clock throughput of the same rounds is shown beside it: on this shared 2-core machine it
 *   moves with whatever else runs, which is why the budget is judged on CPU time.
 */
import createFetchClient from 'openapi-fetch';
import { createClient } from '../src/index.js';
import type { paths } from '../src/demo/generated/demo.js';
import { getItem } from '../src/demo/generated/demo.meta.js';
import { serve } from '../src/node/index.js';
import { createSim } from '../src/sim/index.js';
import type { Row } from './run.js';
import { median } from './stats.js';

type Call = () => Promise<unknown>;

interface Sample {
  /** CPU µs of this process per call. */
  cpuUs: number;
  /** Calls per wall-clock second. */
  rate: number;
}

/** Runs `fn` for about `ms` milliseconds; CPU time and wall time per call. */
async function sample(fn: Call, ms: number): Promise<Sample> {
  let n = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
  }
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { cpuUs: (cpu.user + cpu.system) / n, rate: n / (wall / 1000) };
}


/**
 * Medians over interleaved rounds (GC pauses and the other core's load hit single rounds hard).
 * The order rotates every round, so no side always runs right after the same other one (and pays
 * for the garbage it left).
 */
async function compare(calls: Record<string, Call>, rounds: number, roundMs: number): Promise<Record<string, { cpuUs: number; rate: number }>> {
  for (const fn of Object.values(calls)) await sample(fn, 200);
  const got: Record<string, Sample[]> = {};
  const entries = Object.entries(calls);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, fn] = entries[(round + i) % entries.length]!;
      (got[name] ??= []).push(await sample(fn, roundMs));
    }
  }
  return Object.fromEntries(
    Object.entries(got).map(([name, xs]) => [name, { cpuUs: median(xs.map((x) => x.cpuUs)), rate: median(xs.map((x) => x.rate)) }]),
  );
}

async function login(fetch: (r: Request) => Promise<Response>, base: string, credentials: object): Promise<string> {
  const res = await fetch(new Request(`${base}/login`, { method: 'POST', body: JSON.stringify(credentials), headers: { 'content-type': 'application/json' } }));
  return ((await res.json()) as { token: string }).token;
}

const perCpuSecond = (us: number) => Math.round(1e6 / us);

async function inProcess(): Promise<Row[]> {
  const sim = createSim('demo', { requestLogSize: 1 });
  const base = sim.url;
  const authorization = `Bearer ${await login(sim.fetch, base, sim.credentials)}`;
  const auth = (req: { headers: Headers }) => void req.headers.set('authorization', authorization);
  const chain = createClient<paths>({ baseUrl: base, fetch: sim.fetch, auth });
  const unbounded = createClient<paths>({ baseUrl: base, fetch: sim.fetch, auth, timeout: false });
  const plain = createFetchClient<paths>({ baseUrl: base, fetch: sim.fetch, headers: { authorization } });
  const init = { params: { path: { id: 'item-001' } }, opskit: { meta: getItem } };
  const calls: Record<string, Call> = {
    raw: async () => {
      const res = await sim.fetch(new Request(`${base}/items/item-001`, { headers: { authorization } }));
      if (!res.ok) throw new Error(`raw ${res.status}`);
      return res.json();
    },
    chain: () => chain.GET('/items/{id}', init),
    unbounded: () => unbounded.GET('/items/{id}', init),
    typed: async () => (await plain.GET('/items/{id}', init)).data,
  };
  const ids = await Promise.all(Object.values(calls).map(async (fn) => ((await fn()) as { id: string }).id));
  if (new Set(ids).size !== 1) throw new Error(`raw, chain and openapi-fetch disagree: ${ids.join(', ')}`);
  const m = await compare(calls, 20, 120);
  const group = 'transport';
  const label = 'in-process sim.fetch, CPU time per call';
  const ref = { reference: perCpuSecond(m.raw!.cpuUs), ratioLabel: '× raw fetch' };
  return [
    { group, name: `whole chain, default timeouts, vs raw fetch (${label})`, value: perCpuSecond(m.chain!.cpuUs), unit: 'calls/CPU-s', ...ref, budget: '≥ 0.5×' },
    { group, name: `whole chain, timeout: false and no signal, vs raw fetch (${label})`, value: perCpuSecond(m.unbounded!.cpuUs), unit: 'calls/CPU-s', ...ref, budget: '≥ 0.7×' },
    { group, name: `openapi-fetch alone, no opskit pipeline, vs raw fetch (${label})`, value: perCpuSecond(m.typed!.cpuUs), unit: 'calls/CPU-s', ...ref },
    { group, name: 'chain above openapi-fetch alone, default timeouts (in-process, CPU)', value: m.chain!.cpuUs - m.typed!.cpuUs, unit: 'µs/call' },
    { group, name: 'chain above openapi-fetch alone, timeout: false (in-process, CPU)', value: m.unbounded!.cpuUs - m.typed!.cpuUs, unit: 'µs/call' },
  ];
}

async function loopback(): Promise<Row[]> {
  const sim = createSim('demo', { requestLogSize: 1 });
  const server = await serve(sim, { port: 0 });
  try {
    const base = server.url;
    const authorization = `Bearer ${await login((r) => fetch(r), base, sim.credentials)}`;
    // Default options, as an application has them: the platform fetch, default timeouts.
    const auth = (req: { headers: Headers }) => void req.headers.set('authorization', authorization);
    const chain = createClient<paths>({ baseUrl: base, auth });
    // Without the per-call abort signal, to show what the default timeouts' signal costs on the wire.
    const unbounded = createClient<paths>({ baseUrl: base, auth, timeout: false });
    const plain = createFetchClient<paths>({ baseUrl: base, headers: { authorization } });
    const init = { params: { path: { id: 'item-001' } }, opskit: { meta: getItem } };
    const calls: Record<string, Call> = {
      raw: async () => {
        const res = await fetch(`${base}/items/item-001`, { headers: { authorization } });
        if (!res.ok) throw new Error(`raw ${res.status}`);
        return res.json();
      },
      chain: () => chain.GET('/items/{id}', init),
      unbounded: () => unbounded.GET('/items/{id}', init),
      typed: async () => (await plain.GET('/items/{id}', init)).data,
    };
    const runs: Array<Record<string, { cpuUs: number; rate: number }>> = [];
    for (let run = 0; run < 3; run++) runs.push(await compare(calls, 15, 200));
    const ratios = runs.map((r) => r.raw!.cpuUs / r.chain!.cpuUs);
    const worst = runs[ratios.indexOf(Math.min(...ratios))]!;
    const group = 'transport';
    const label = 'simulator served on 127.0.0.1 in this process, platform fetch, CPU time per call';
    const walls = runs.map((r) => (r.chain!.rate / r.raw!.rate).toFixed(2)).join(' / ');
    return [
      {
        group,
        name: `whole chain, default timeouts, vs raw fetch (${label}; worst of 3 runs: ${ratios.map((r) => r.toFixed(2)).join(' / ')})`,
        value: perCpuSecond(worst.chain!.cpuUs),
        unit: 'calls/CPU-s',
        reference: perCpuSecond(worst.raw!.cpuUs),
        ratioLabel: '× raw fetch',
        budget: '≥ 0.9×',
      },
      {
        group,
        name: `the same 3 runs as wall-clock throughput (chain / raw: ${walls})`,
        value: Math.round(worst.chain!.rate),
        unit: 'req/s',
        reference: Math.round(worst.raw!.rate),
        ratioLabel: '× raw fetch',
      },
      {
        group,
        name: `whole chain, timeout: false and no signal, vs raw fetch (127.0.0.1, CPU time per call, the worst run; all 3: ${runs.map((r) => (r.raw!.cpuUs / r.unbounded!.cpuUs).toFixed(2)).join(' / ')})`,
        value: perCpuSecond(worst.unbounded!.cpuUs),
        unit: 'calls/CPU-s',
        reference: perCpuSecond(worst.raw!.cpuUs),
        ratioLabel: '× raw fetch',
      },
      {
        group,
        name: 'openapi-fetch alone, no opskit pipeline, vs raw fetch (127.0.0.1, CPU time per call, the worst run)',
        value: perCpuSecond(worst.typed!.cpuUs),
        unit: 'calls/CPU-s',
        reference: perCpuSecond(worst.raw!.cpuUs),
        ratioLabel: '× raw fetch',
      },
    ];
  } finally {
    await server.close();
  }
}

export async function run(): Promise<Row[]> {
  return [...(await inProcess()), ...(await loopback())];
}
