// Turbonomic paging at scale: 1,000,000 and 3,000,000 entities through `TurboPaged` (opskit's
// `Paged`) against the simulator served over real HTTP (opskit/node `serve`), 500 per page, as
// `getMarketEntities` asks.
//
// The simulator runs in this process; the client runs in a child process of its own
// (bench/fixtures/turbonomic-pages.mjs, which loads only the built opskit/turbonomic, as an app
// does), so the RSS it reports is the iterating client's alone: the bench runner's process holds
// other benches' garbage, and a child that also loaded the simulator and tsx started with a heap
// about 35 MiB larger, which V8 lets grow further before a full collection.
// Budgets: peak RSS growth while iterating 1 M entities ≤ 32 MiB; 3 M grows no more than 1 M does
// (flat: ≤ 4 MiB more, judged within each 3 M run from its 1 M mark to its end; the difference of
// the two sizes' medians across runs is shown beside it). Peak RSS moves a lot with when V8
// collects (on this shared machine, 24–61 MiB for the same 1 M run), so each size is run three
// times and the medians reported.
// Two floors, each the median of three runs of bench/fixtures/turbonomic-parse-floor.mjs (no
// opskit): the same 2,000 pages parsed as opskit parses them with no HTTP (what Node's default heap
// needs for the parsing alone), and the same pages fetched with the platform's fetch and
// arrayBuffer() (a bare client making the same calls).
//
//   npm run bench -- turbonomic
//   node --import tsx bench/turbonomic.bench.ts          # this bench alone
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../src/node/index.js';
import { createTurbonomicSim } from '../src/sim/turbonomic/index.js';
import { ensureDist } from './ensure-dist.js';
import type { Row } from './run.js';
import { median } from './stats.js';

const SIZES = [1_000_000, 3_000_000];
const PAGE = 500;
const root = fileURLToPath(new URL('..', import.meta.url));

/** What the client process measures. */
interface ClientResult {
  entities: number;
  pages: number;
  seconds: number;
  rssStartMiB: number;
  peakGrowthMiB: number;
  /** Peak growth as it stood at each millionth entity of the run. */
  peakAtMillionsMiB?: number[];
  heapAfterGcGrowthMiB: number;
}

/** Runs a client fixture (bench/fixtures/<fixture>, its arguments before the page size) in a process of its own. */
function runClient(fixture: string, args: string[]): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(root, 'bench', 'fixtures', fixture), ...args, String(PAGE)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`bench client exited with ${code}: ${line}`));
      try {
        resolve(JSON.parse(line) as ClientResult);
      } catch {
        reject(new Error(`bench client printed no result: ${line}`));
      }
    });
  });
}

/**
 * Runs of the client per size: peak RSS growth moves with when V8 happens to collect, so each size
 * is measured three times (one 3 M run against the median of three 1 M runs read anywhere from
 * −5 to +23 MiB on the same day).
 */
const RUNS = 3;

const FLOORS: Array<[mode: string, what: string]> = [
  ['parse', 'floor without HTTP: the same pages parsed element by element, no opskit'],
  ['fetch', 'bare client: the same pages with fetch() and arrayBuffer(), parsed alike, no opskit'],
];

/** The floors under the 1 M RSS row (see the header), medians of three runs each. */
async function floorRows(url: string, username: string, password: string, pages: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [mode, what] of FLOORS) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await runClient('turbonomic-parse-floor.mjs', [mode, url, username, password, String(pages)]);
      if (r.pages !== pages) throw new Error(`${mode} floor parsed ${r.pages} pages, expected ${pages}`);
      runs.push(r.peakGrowthMiB);
    }
    runs.sort((x, y) => x - y);
    rows.push({ group: 'turbonomic', name: `1 M: ${what}, peak RSS growth (median of 3: ${runs.map((x) => x.toFixed(1)).join(' / ')})`, value: median(runs), unit: 'MiB' });
  }
  return rows;
}

/** 1 M and 3 M entities over HTTP: throughput and the client's peak RSS growth (median of the runs). */
export async function run(): Promise<Row[]> {
  ensureDist('turbonomic.bench', [join(root, 'dist', 'node', 'turbonomic.js')]);
  const group = 'turbonomic';
  const rows: Row[] = [];
  const growth: number[] = [];
  let withinRun: number[] = [];
  for (const entities of SIZES) {
    const sim = createTurbonomicSim({ entities, requestLogSize: 16 });
    const server = await serve(sim);
    try {
      const runs: ClientResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await runClient('turbonomic-pages.mjs', [server.url, sim.credentials.username, sim.credentials.password]);
        if (r.entities !== entities) throw new Error(`iterated ${r.entities} entities, expected ${entities}`);
        runs.push(r);
      }
      if (entities === SIZES[1]) withinRun = runs.map((x) => (x.peakAtMillionsMiB?.at(-1) ?? NaN) - (x.peakAtMillionsMiB?.[0] ?? NaN));
      runs.sort((x, y) => x.peakGrowthMiB - y.peakGrowthMiB);
      const r = runs[runs.length >> 1]!; // the median run, whose other figures go with its RSS
      const n = `${entities / 1e6} M`;
      const spread = ` (median of ${RUNS} runs: ${runs.map((x) => x.peakGrowthMiB.toFixed(1)).join(' / ')})`;
      growth.push(r.peakGrowthMiB);
      rows.push(
        { group, name: `TurboPaged over HTTP: ${n} entities, ${PAGE}/page (${r.pages} pages)`, value: r.entities / r.seconds, unit: 'entities/s' },
        { group, name: `${n}: wall time for the whole iteration`, value: r.seconds, unit: 's' },
        { group, name: `${n}: client peak RSS growth while iterating${spread}`, value: r.peakGrowthMiB, unit: 'MiB', ...(entities === SIZES[0] ? { budget: '≤ 32 MiB' } : {}) },
        { group, name: `${n}: client heap growth after GC (retained)`, value: r.heapAfterGcGrowthMiB, unit: 'MiB' },
      );
      if (entities === SIZES[0]) rows.push(...(await floorRows(server.url, sim.credentials.username, sim.credentials.password, r.pages)));
    } finally {
      await server.close();
    }
  }
  // Two readings of "3 M stays flat". Across runs, the medians differ by whatever V8's early heap
  // sizing did in each process (±10 MiB between runs of the same size); within one 3 M run, the
  // last two millions are measured against the first under the same heap, which is what flat means.
  rows.push(
    { group, name: 'flat, across runs: median peak RSS growth at 3 M minus the median at 1 M', value: (growth[1] ?? NaN) - (growth[0] ?? NaN), unit: 'MiB' },
    {
      group,
      name: `flat, within each 3 M run: peak RSS growth at the end minus at the 1 M mark (median of 3 runs: ${withinRun.map((x) => x.toFixed(1)).join(' / ')})`,
      value: median(withinRun),
      unit: 'MiB',
      budget: '≤ 4 MiB',
    },
  );
  return rows;
}

const argv = process.argv;
if (argv[1] !== undefined && fileURLToPath(import.meta.url) === argv[1]) {
  // Run directly: print the rows.
  run().then((rows) => {
    for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.budget ? ` (budget ${r.budget})` : ''}`);
  });
}
