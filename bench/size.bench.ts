// Bundle size of what users actually ship: every subpath export of the built dist (bundled with
// its dependencies, minified) and two typical apps (bench/fixtures). 1 kB = 1000 bytes.
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
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
  const browserBundle = join(root, 'dist', 'browser', 'opskit.js');
  if (existsSync(browserBundle)) {
    const code = readFileSync(browserBundle);
    add('dist/browser/opskit.js (as built)', { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength });
  }
  return rows;
}
