/**
 * Requests/s through opskit's whole pipeline (typed client, auth, retry, timeout, log hooks,
 * body buffering, error mapping) against raw fetch, both to the same simulator running in this
 * process: once through the simulator's in-process `fetch` (no network: pure overhead), once
 * served on 127.0.0.1 by opskit/node with the platform fetch (what a real call looks like).
 * Rounds alternate so drift hits both sides alike.
 */
import createFetchClient from 'openapi-fetch';
import { createClient } from '../src/index.js';
import type { paths } from '../src/demo/generated/demo.js';
import { operations } from '../src/demo/generated/demo.meta.js';
import { serve } from '../src/node/index.js';
import { createSim } from '../src/sim/index.js';
import type { Row } from './run.js';

async function rate(fn: () => Promise<unknown>, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
  }
  return n / ((performance.now() - start) / 1000);
}

async function compare(label: string, base: string, fetch: (r: Request) => Promise<Response>, token: string): Promise<Row[]> {
  const authorization = `Bearer ${token}`;
  const client = createClient<paths>({ baseUrl: base, fetch, operations, auth: (req) => void req.headers.set('authorization', authorization) });
  const raw = async () => {
    const res = await fetch(new Request(`${base}/items/item-001`, { headers: { authorization } }));
    if (!res.ok) throw new Error(`raw ${res.status}`);
    return res.json();
  };
  const chained = () => client.GET('/items/{id}', { params: { path: { id: 'item-001' } } });
  // openapi-fetch alone (no opskit pipeline): how much of the gap is the typed client itself.
  const plain = createFetchClient<paths>({ baseUrl: base, fetch, headers: { authorization } });
  const typedOnly = async () => (await plain.GET('/items/{id}', { params: { path: { id: 'item-001' } } })).data;
  if (((await raw()) as { id: string }).id !== (await chained()).id) throw new Error('raw and chain disagree');
  await rate(raw, 300);
  await rate(chained, 300);
  // Many short interleaved rounds and medians: GC pauses and the other core's load hit single
  // rounds hard, and the server shares this process's event loop.
  const rawRates: number[] = [];
  const chainRates: number[] = [];
  const typedRates: number[] = [];
  for (let round = 0; round < 12; round++) {
    rawRates.push(await rate(raw, 150));
    chainRates.push(await rate(chained, 150));
    typedRates.push(await rate(typedOnly, 150));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  return [{
    group: 'transport',
    name: `GET through the whole middleware chain vs raw fetch (${label})`,
    value: Math.round(median(chainRates)),
    unit: 'req/s',
    reference: Math.round(median(rawRates)),
    ratioLabel: '× raw fetch',
    budget: '≥ 0.9×',
  }, {
    group: 'transport',
    name: `openapi-fetch alone, no opskit pipeline, vs raw fetch (${label})`,
    value: Math.round(median(typedRates)),
    unit: 'req/s',
    reference: Math.round(median(rawRates)),
    ratioLabel: '× raw fetch',
  }];
}

async function login(fetch: (r: Request) => Promise<Response>, base: string, credentials: object): Promise<string> {
  const res = await fetch(new Request(`${base}/login`, { method: 'POST', body: JSON.stringify(credentials), headers: { 'content-type': 'application/json' } }));
  return ((await res.json()) as { token: string }).token;
}

export async function run(): Promise<Row[]> {
  const sim = createSim('demo', { requestLogSize: 1 });
  const inProcess = await compare('in-process sim.fetch, no network', sim.url, sim.fetch, await login(sim.fetch, sim.url, sim.credentials));
  const server = await serve(sim, { port: 0 });
  try {
    const fetch = (r: Request) => globalThis.fetch(r);
    const loopback = await compare('simulator served on 127.0.0.1, platform fetch', server.url, fetch, await login(fetch, server.url, sim.credentials));
    return [...inProcess, ...loopback];
  } finally {
    await server.close();
  }
}
