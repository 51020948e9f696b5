// Timesys Vigiles (LLAPI): signing, per-call cost and bundle size.
//
// - 5,000 signed dry runs as a whole process (start-up, imports and the calls), opskit against the
//   Python `timesys` package of TimesysGit/vigiles-cli doing the same calls in its dry-run mode.
//   The Python side is bench/fixtures/timesys_dry_runs.py: upstream's own library when
//   VIGILES_CLI_LIB names a checkout's src/lib directory, otherwise a short re-implementation of
//   upstream's signing and dry-run path (bench/fixtures/llapi_dry_run_sketch.py), because nothing
//   fetched from upstream is kept in this repository; the row names which one ran. Both sides print
//   the first cycle's signed messages and signatures, which must agree, so both made the same calls.
// - The signing primitive against node:crypto, a 1 MB SBOM's signature, and signed calls through
//   the whole pipeline to the in-process simulator.
// - "one Timesys call": bench/fixtures/timesys-one-call.mjs bundled from dist (esbuild, minified,
//   for the browser), min+gz.
//
//   npm run bench -- timesys
//   VIGILES_CLI_LIB=/path/to/vigiles-cli/src/lib npm run bench -- timesys
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { createSim } from '../src/sim/index.js';
import { Llapi, llapiMessage, llapiSignature } from '../src/timesys/index.js';
import { ensureDist } from './ensure-dist.js';
import { pythonWith } from './python.js';
import type { Row } from './run.js';
import { median } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'bench', 'fixtures');
const CALLS = 5000;
const ROUNDS = 3;
const V3 = { sbom_tokens: ['t2', 't1'], copy: false, include_history: false, target_folder_token: 'F1', email: 'user@example.com' };

function rate(fn: () => void, ms = 300): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}


interface DriverReport {
  library?: string;
  calls: number;
  perCallUs: number;
  first: Array<[string, string]>;
}

/** Runs one driver process; returns its report and its wall time in seconds (spawn to exit). */
function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { report: DriverReport; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(-3).join(' | ')}`);
  return { report: JSON.parse(r.stdout.trim().split('\n').pop()!) as DriverReport, seconds };
}

async function dryRunRows(): Promise<Row[]> {
  const interpreter = pythonWith('requests');
  const node = (n: number, env?: NodeJS.ProcessEnv) => runProcess(process.execPath, [join(fixtures, 'timesys-dry-runs.mjs'), String(n)], env);
  if ('error' in interpreter) {
    const { seconds } = node(CALLS);
    return [{ group: 'timesys', name: `${CALLS.toLocaleString('en-US')} signed dry runs, whole process (no reference: ${interpreter.error})`, value: seconds, unit: 's' }];
  }
  const python = (n: number) => runProcess(interpreter.path, [join(fixtures, 'timesys_dry_runs.py'), String(n)]);
  // Same calls, same signatures: the first cycle, revealed, must match the Python side's exactly.
  const ours = node(8, { REVEAL: '1' }).report.first;
  const theirs = python(8).report;
  if (JSON.stringify(ours) !== JSON.stringify(theirs.first)) {
    throw new Error(`opskit and ${theirs.library} signed different messages:\n${JSON.stringify(ours)}\n${JSON.stringify(theirs.first)}`);
  }
  const wall: [number[], number[]] = [[], []];
  const perCall: [number[], number[]] = [[], []];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, side] of [node, python].entries()) {
      const { report, seconds } = side(CALLS);
      wall[i]!.push(seconds);
      perCall[i]!.push(report.perCallUs);
    }
  }
  const library = theirs.library!;
  const label = `× ${library}`;
  const calls = CALLS.toLocaleString('en-US');
  return [
    {
      group: 'timesys', name: `${calls} signed dry runs, whole process (node + opskit/timesys from dist vs python3 + ${library})`,
      value: Math.round(median(wall[0]) * 1000) / 1000, unit: 's', reference: Math.round(median(wall[1]) * 1000) / 1000, ratioLabel: `${label} (time)`, budget: '≤ 1×',
    },
    {
      group: 'timesys', name: `… of which the ${calls} calls, per call (first calls included: JIT warm-up)`,
      value: Math.round(median(perCall[0]) * 10) / 10, unit: 'µs', reference: Math.round(median(perCall[1]) * 10) / 10, ratioLabel: `${label} (time)`,
    },
  ];
}

/** `opskit/<x>` → the built ESM file, as a consumer's bundler resolves it for the browser. */
function selfReference(): Plugin {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { import?: { default: string } }> };
  return {
    name: 'opskit-self-reference',
    setup(b) {
      b.onResolve({ filter: /^opskit(\/.*)?$/ }, (args) => {
        const target = pkg.exports[args.path === 'opskit' ? '.' : `./${args.path.slice('opskit/'.length)}`]?.import?.default;
        return target ? { path: join(root, target) } : { errors: [{ text: `${args.path} is not an export of opskit` }] };
      });
    },
  };
}

async function bundleRow(): Promise<Row> {
  const result = await build({
    entryPoints: [join(fixtures, 'timesys-one-call.mjs')], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022',
    write: false, legalComments: 'none', absWorkingDir: root, plugins: [selfReference()], logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { group: 'bundle size', name: 'one Timesys call (min+gz)', value: gzipSync(code, { level: 9 }).byteLength / 1000, unit: 'kB', budget: '≤ 12 kB' };
}

export async function run(): Promise<Row[]> {
  const path = '/api/v1/vigiles/manifests/bulk-options/move';
  // Medians of interleaved rounds: one 300 ms run per side moved the ratio by ±0.03 with the load
  // of the machine's other tenant.
  const oursRounds: number[] = [];
  const nodeRounds: number[] = [];
  for (let round = 0; round < 7; round++) {
    oursRounds.push(rate(() => llapiSignature('abc123', llapiMessage('POST', path, V3)), 100));
    nodeRounds.push(rate(() => createHmac('sha256', 'abc123').update(llapiMessage('POST', path, V3)).digest('base64'), 100));
  }
  const ours = median(oursRounds);
  const node = median(nodeRounds);
  const message = llapiMessage('POST', path, V3);
  if (llapiSignature('abc123', message) !== createHmac('sha256', 'abc123').update(message).digest('base64')) throw new Error('signatures differ');

  const sbom = `${'openssl 1.1.1k\n'.repeat(70_000)}`;
  const big = rate(() => llapiSignature('abc123', llapiMessage('POST', '/api/v1/vigiles/manifests', { manifest: sbom, email: 'user@example.com' })), 500);

  const sim = createSim('timesys');
  const llapi = new Llapi({ ...sim.credentials, url: sim.url, fetch: sim.fetch });
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 500) {
    await llapi.getAppDbVersion();
    calls++;
  }
  const perSecond = calls / ((performance.now() - t0) / 1000);

  ensureDist('timesys.bench', [join(root, 'dist', 'node', 'timesys.js'), join(root, 'dist', 'esm', 'timesys', 'index.js')]);
  return [
    ...(await dryRunRows()),
    { group: 'timesys', name: 'sign V3 (message + HMAC-SHA256 + base64)', value: Math.round(ours), unit: 'ops/s', reference: Math.round(node), ratioLabel: '× node:crypto', budget: '≥ 0.2×' },
    { group: 'timesys', name: `sign a ${(sbom.length / 1e6).toFixed(1)} MB SBOM upload`, value: Math.round(big * 10) / 10, unit: 'ops/s', budget: '≥ 5 ops/s' },
    { group: 'timesys', name: 'signed call through the pipeline to the in-process sim', value: Math.round(perSecond), unit: 'calls/s' },
    await bundleRow(),
  ];
}
