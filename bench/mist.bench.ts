/**
 * mist.io calls through opskit's chain against the in-process simulator (no network), against the
 * same request made with the simulator's bare fetch (the reference: what the chain costs on top of
 * the simulator), and the text-error path (a 404 parsed into a MistNotFoundError). About 1 s.
 */
import { MistClient } from '../src/mist/index.js';
import { createClock, createSim } from '../src/sim/index.js';
import type { Row } from './run.js';
import { median } from './stats.js';

const ROUNDS = 3;
const ROUND_MS = 100;

async function rate(fn: () => Promise<unknown>, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() < start + ms) {
    await fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}


export async function run(): Promise<Row[]> {
  const sim = createSim('mist', { clock: createClock(1_700_000_000_000), seed: 1 });
  const client = await MistClient.login({ mistUri: sim.url, ...sim.credentials, fetch: sim.fetch });
  const backend = await client.addBackend('aws', 'ec2_us_east', 'AK', 'SK');
  const header = { authorization: `mist_1 ${sim.credentials.email}:${[...sim.state.tokens.keys()][0]}` };
  const ours = () => backend.sizes();
  const bare = async () => (await sim.fetch(`${sim.url}/backends/${backend.id}/sizes`, { headers: header })).json();
  const missing = () => client.api.GET('/keys/{key}/public', { params: { path: { key: 'no such key' } } }).catch((e: unknown) => e);
  await rate(ours, 30);
  await rate(bare, 30);
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    a.push(await rate(ours, ROUND_MS));
    b.push(await rate(bare, ROUND_MS));
    c.push(await rate(missing, ROUND_MS));
  }
  return [
    { group: 'mist (in-process simulator)', name: 'backend.sizes() through the chain', value: median(a), unit: 'calls/s', reference: median(b), ratioLabel: '× bare sim fetch' },
    { group: 'mist (in-process simulator)', name: '404 text error → MistNotFoundError', value: median(c), unit: 'calls/s' },
  ];
}
