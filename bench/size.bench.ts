// Bundle size of what users actually ship: every subpath export of the built dist (bundled with
// its dependencies, minified) and the one-call apps of bench/fixtures against issue 14's budgets,
// then two kinds of floor without budgets: the core app with the features an API change could make
// opt-in stubbed out, and each family's app with the core left out. 1 kB = 1000 bytes.
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve, sep } from 'node:path';
import { ensureDist } from './ensure-dist.js';
import type { Row } from './run.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface ConditionalExport {
  import: { types: string; default: string };
}

function packageExports(): Array<[subpath: string, file: string]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  return Object.entries(pkg.exports)
    .filter((e): e is [string, ConditionalExport] => typeof e[1] === 'object' && e[1] !== null && 'import' in e[1])
    .map(([subpath, target]) => [subpath, join(root, target.import.default)]);
}

/** `opskit` / `opskit/<x>` → the built ESM file, as a consumer's bundler would resolve it. */
function selfReference(map: Map<string, string>): Plugin {
  return {
    name: 'opskit-self-reference',
    setup(b) {
      b.onResolve({ filter: /^opskit(\/.*)?$/ }, (args) => {
        const file = map.get(args.path === 'opskit' ? '.' : `./${args.path.slice('opskit/'.length)}`);
        return file ? { path: file } : { errors: [{ text: `${args.path} is not an export of opskit` }] };
      });
    },
  };
}

async function measure(entry: string, platform: 'browser' | 'node', plugins: Plugin[]): Promise<{ min: number; gz: number }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    legalComments: 'none',
    absWorkingDir: root,
    // Node builtins stay imports (opskit/node), as they would in any Node bundle.
    external: platform === 'node' ? ['node:*'] : [],
    plugins,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Core modules a client could go without if retries, redirect following, log events and
 * re-readable responses were opt-in imports instead of options, each replaced by the least that
 * still links (bundled from dist/esm). The pipeline's own loops for them stay, so the saving
 * measured is an upper bound of what making them opt-in could save.
 */
const OPT_IN_STUBS: Record<string, string> = {
  'redirects.js': 'export const resolveRedirects=()=>({follow:false});export const isRedirect=()=>false;export const nextHop=()=>{throw 0};',
  'retry-policy.js':
    'export const IDEMPOTENT_METHODS=[],RETRY_STATUSES=[];export const resolveRetry=()=>({statusCodes:new Set,retries:0});' +
    'export const methodMayRetry=()=>false;export const parseRetryAfter=()=>{};export const retryDelay=()=>{};',
  'sleep.js': 'export const sleep=()=>{};',
  'log.js': 'export const emit=()=>{};',
  'buffered-response.js': 'export class BufferedResponse{}',
};

function stubCoreModules(stubs: Record<string, string>): Plugin {
  const core = join(root, 'dist', 'esm', 'core') + sep;
  return {
    name: 'opskit-stub-core-modules',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(core)) return undefined;
        const stub = stubs[args.path.slice(core.length)];
        return stub === undefined ? undefined : { contents: stub, loader: 'js' };
      });
    },
  };
}

/**
 * Leaves opskit's core (dist/esm/core: client, pipeline, redaction, errors) out of a bundle, so
 * what is left is a family's own code: its facade class, operation table, auth and signing. When
 * that alone is above a family's budget, no core, however small, could meet it.
 */
function withoutCore(): Plugin {
  const core = join(root, 'dist', 'esm', 'core') + sep;
  return {
    name: 'opskit-without-core',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = resolve(args.resolveDir, args.path);
        return target.startsWith(core) && !args.importer.startsWith(core) ? { path: target, external: true } : undefined;
      });
    },
  };
}

const kB = (bytes: number) => bytes / 1000;

export async function run(): Promise<Row[]> {
  const exportsList = packageExports();
  ensureDist('size.bench', exportsList.map(([, f]) => f));
  const map = new Map(exportsList);
  const plugins = [selfReference(map)];
  const rows: Row[] = [];
  const add = (name: string, size: { min: number; gz: number }, gzBudget?: string) => {
    rows.push({ group: 'bundle size', name: `${name} (min)`, value: kB(size.min), unit: 'kB' });
    rows.push({ group: 'bundle size', name: `${name} (min+gz)`, value: kB(size.gz), unit: 'kB', ...(gzBudget ? { budget: gzBudget } : {}) });
  };

  // Whole entries, for information: an app pays for what it imports, which the one-call rows below
  // measure against issue 14's budgets (the foundation's "opskit entry ≤ 5 kB" gave way to those).
  for (const [subpath, file] of exportsList) {
    const name = subpath === '.' ? 'opskit' : `opskit/${subpath.slice(2)}`;
    const platform = subpath === './node' ? 'node' : 'browser';
    add(`${name} entry${platform === 'node' ? ' (platform node)' : ''}`, await measure(file, platform, plugins));
  }
  // What an app ships for one call of each family (bench/fixtures/*.mjs; issue 14's budgets). The
  // Timesys row is bench/timesys.bench.ts's.
  const apps: Array<[name: string, fixture: string, budget: string]> = [
    ['core + one call', 'core-one-call.mjs', '≤ 6 kB'],
    ['one Turbonomic call', 'turbonomic-one-call.mjs', '≤ 12 kB'],
    ['one Triton call with an Ed25519 key', 'triton-one-call.mjs', '≤ 25 kB'],
    ['one mist.io call', 'mist-one-call.mjs', '≤ 12 kB'],
    ['one Synnefo (Cyclades) call', 'synnefo-one-call.mjs', '≤ 12 kB'],
    ['one Pithos+ upload', 'pithos-upload.mjs', '≤ 20 kB'],
  ];
  for (const [name, fixture, budget] of apps) add(name, await measure(join(root, 'bench', 'fixtures', fixture), 'browser', plugins), budget);
  add('Fernet alone', await measure(join(root, 'bench', 'fixtures', 'fernet-alone.mjs'), 'browser', plugins), '≤ 7 kB');
  // Floors, without budgets: how far the budgets above are from reach without an API change.
  add(
    'core + one call, with retries, redirects, log events and re-readable responses stubbed out (at most what making them opt-in could save)',
    await measure(join(root, 'bench', 'fixtures', 'core-one-call.mjs'), 'browser', [...plugins, stubCoreModules(OPT_IN_STUBS)]),
  );
  const families: Array<[name: string, fixture: string]> = [
    ['one Timesys call', 'timesys-one-call.mjs'],
    ...apps.filter(([, fixture]) => fixture !== 'core-one-call.mjs').map(([name, fixture]): [string, string] => [name, fixture]),
  ];
  for (const [name, fixture] of families) {
    add(`${name}: the family's own code, the core left out`, await measure(join(root, 'bench', 'fixtures', fixture), 'browser', [...plugins, withoutCore()]));
  }
  const browserBundle = join(root, 'dist', 'browser', 'opskit.js');
  if (existsSync(browserBundle)) {
    const code = readFileSync(browserBundle);
    add('dist/browser/opskit.js (as built)', { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength });
  }
  return rows;
}
