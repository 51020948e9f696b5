// Runs the scenario suite in a server-side runtime: Node, Deno or Bun (whichever runs this file).
//
//   node --import tsx test/runtime/run.mjs src        # Node, on the TypeScript sources
//   node test/runtime/run.mjs dist                    # Node, on the built ESM for bundlers (`import`)
//   node test/runtime/run.mjs node                    # Node, on the Node build (`node` condition)
//   node test/runtime/run.mjs cjs                     # Node, on the built CJS (`require`)
//   deno run --allow-read --no-prompt --no-lock test/runtime/run.mjs node
//   bun test/runtime/run.mjs node
//
// Options: `--filter <text>` runs only the tests whose name contains <text>.
// Prints one line per test and closes with `<runtime>: N passed, N failed`; exits 1 on any failure
// or when no test ran.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import process from 'node:process';
import { createRequire } from 'node:module';
import { createHarness, summaryLine } from './harness.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const args = process.argv.slice(2);
const source = args.find((a) => a === 'src' || a === 'dist' || a === 'node' || a === 'cjs') ?? (runtime === 'node' ? 'src' : 'node');
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;

/** Scenario files, sorted so every runtime runs them in the same order. */
export async function listScenarios() {
  const dir = join(repo, 'test', 'scenarios');
  return (await readdir(dir)).filter((f) => f.endsWith('.scenario.mjs')).sort();
}

/** The official Fernet vectors (test/vectors/fernet, from the Fernet spec repository). */
export async function loadVectors() {
  const dir = join(repo, 'test', 'vectors', 'fernet');
  const read = async (name) => JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8'));
  return { fernet: { generate: await read('generate'), verify: await read('verify'), invalid: await read('invalid') } };
}

// Computed specifiers, so Deno's module graph does not pre-load the side that is not used.
const here = (rel) => new URL(rel, import.meta.url).href;

/**
 * `lib.core` is `opskit`; every other non-Node subpath export `./x` is `lib.x` (`crypto`, `sim`, and
 * one per API family), so a family's scenarios see `t.lib.<family>` in every runtime. Import-only
 * exports (the single-file bundle `opskit/browser`, all the others in one file) are no library of
 * their own: test/runtime/chromium.mjs runs the scenarios on that bundle.
 */
async function loadLib() {
  const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
  const importOnly = (k) => typeof pkg.exports[k] === 'object' && !('require' in pkg.exports[k]);
  const names = Object.keys(pkg.exports)
    .filter((k) => k.startsWith('./') && k !== './node' && k !== './package.json' && !importOnly(k))
    .map((k) => k.slice(2));
  const load = async (name, spec) => [name, await spec];
  if (source === 'src') {
    // TypeScript sources: needs a loader (node --import tsx; Deno and Bun read .ts natively).
    return Object.fromEntries(
      await Promise.all([
        load('core', import(here('../../src/index.ts'))),
        ...names.map((n) => load(n, import(here(`../../src/${n}/index.ts`)))),
      ]),
    );
  }
  // The files package.json "exports" sends `import` (or `require`) to; the layout is the build's business.
  // `node`: what Node, Deno and Bun resolve (the `node` condition's import target).
  const target = (subpath) => (source === 'node' ? pkg.exports[subpath].node.import : pkg.exports[subpath][source === 'cjs' ? 'require' : 'import']);
  const file = (subpath) => join(repo, target(subpath).default);
  if (!existsSync(file('.'))) {
    throw new Error(`${file('.')} is missing: run \`npm run build\` first`);
  }
  if (source === 'cjs') {
    const require = createRequire(import.meta.url);
    return Object.fromEntries([['core', require(file('.'))], ...names.map((n) => [n, require(file(`./${n}`))])]);
  }
  return Object.fromEntries(
    await Promise.all([
      load('core', import(pathToFileURL(file('.')).href)),
      ...names.map((n) => load(n, import(pathToFileURL(file(`./${n}`)).href))),
    ]),
  );
}

async function main() {
  const env = {
    runtime,
    secureContext: typeof globalThis.isSecureContext === 'boolean' ? globalThis.isSecureContext : true,
    hasSubtle: typeof globalThis.crypto?.subtle?.digest === 'function',
  };
  const on = { src: 'src/ (TypeScript)', dist: 'dist (ESM, via package.json exports)', cjs: 'dist (CJS, via package.json exports)' };
  console.log(`${runtime} ${runtimeVersion()} — scenarios on ${on[source]}`);
  const harness = createHarness({ lib: await loadLib(), vectors: await loadVectors(), env, filter });
  for (const file of await listScenarios()) {
    let mod;
    try {
      mod = await import(pathToFileURL(join(repo, 'test', 'scenarios', file)).href);
    } catch (err) {
      mod = err instanceof Error ? err : new Error(String(err));
    }
    await harness.add(file, mod);
  }
  const result = await harness.run();
  console.log(`${runtime}: ${summaryLine(result)}`);
  if (result.passed + result.failed === 0) console.log(`${runtime}: no test ran`);
  return result.failed === 0 && result.passed > 0 ? 0 : 1;
}

function runtimeVersion() {
  if (runtime === 'deno') return globalThis.Deno.version.deno;
  if (runtime === 'bun') return globalThis.Bun.version;
  return process.version;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.log(`${runtime}: 0 passed, 1 failed`);
    process.exit(1);
  },
);
