#!/usr/bin/env node
// Checks the package as a user receives it: `npm pack` (its `prepack` builds dist/ from scratch,
// as on a fresh clone), the tarball installed into a scratch project in a temp dir, then one ESM,
// one CommonJS and one TypeScript consumer (tsc, module node16, against the installed types), the
// bin from node_modules/.bin, the files and source maps the tarball ships, and attw + publint on
// that same tarball. Prints `N passed, N failed` last; exits 1 on any failure.
//
//   node scripts/pack-check.mjs                  # everything (one npm pack, one npm install)
//   node scripts/pack-check.mjs --prebuilt       # pack the dist/ there is (npm pack --ignore-scripts):
//                                                # quicker, but proves nothing about prepack
//   node scripts/pack-check.mjs --keep           # keep the temp dir and print its path
//   node scripts/pack-check.mjs --publish-ready  # prepublishOnly: refuse placeholder metadata
//
// `npm install` reaches the npm registry for opskit's dependencies (--prefer-offline: the cache
// first). Nothing here touches the repository except dist/, which the build rewrites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const args = process.argv.slice(2);

// Until the project has a public home, repository/homepage/bugs name a reserved `.invalid` host
// (RFC 6761) that publint accepts and nobody can mistake for a real one. Publishing must wait.
const placeholders = ['homepage', 'repository', 'bugs'].filter((k) => /\.invalid\b/.test(JSON.stringify(pkg[k] ?? '')));
if (args.includes('--publish-ready')) {
  if (placeholders.length) {
    console.error(`package.json ${placeholders.join(', ')} still point at a placeholder (.invalid) host.`);
    console.error('Set them to the public repository before publishing.');
    process.exit(1);
  }
  process.exit(0);
}

let passed = 0;
let failed = 0;
function test(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}`);
    for (const p of problems.slice(0, 30)) console.log(`       ${String(p).replace(/\n/g, '\n       ')}`);
    if (problems.length > 30) console.log(`       … and ${problems.length - 30} more`);
  }
}
const tail = (text, lines = 25) => text.trim().split('\n').slice(-lines).join('\n');

/** Runs a command (no shell); returns { ok, out } with stdout+stderr, and logs a timing line. */
function run(argv, options = {}) {
  const t0 = Date.now();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`;
  console.log(`     $ ${argv.map((a) => (a === process.execPath ? 'node' : a.startsWith(root) ? relative(root, a) || '.' : a)).join(' ')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return { ok: r.status === 0, out };
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const bin = (name) => join(root, 'node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'opskit-pack-'));
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, FORCE_COLOR: '0', NO_COLOR: '1' };

async function main() {
  // 1. npm pack, scripts on: prepack runs the build (rollup.config.mjs empties dist/ first), so
  //    the tarball is what a fresh clone produces.
  const prebuilt = args.includes('--prebuilt');
  const pack = run([npm, 'pack', '--pack-destination', work, ...(prebuilt ? ['--ignore-scripts'] : [])], { cwd: root, env });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  test(prebuilt ? 'npm pack --ignore-scripts writes a tarball of the current dist/' : 'npm pack builds (prepack) and writes a tarball', pack.ok && tarball ? [] : [tail(pack.out)]);
  if (!tarball) return finish();
  const tgz = join(work, tarball);
  console.log(`     ${tarball}: ${(statSync(tgz).size / 1e6).toFixed(2)} MB`);

  // 2. A scratch project installs the tarball (CommonJS by default, as a package without "type").
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'opskit-consumer', version: '0.0.0', private: true }, null, 2)}\n`);
  const install = run([npm, 'install', tgz, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, env });
  const installed = join(app, 'node_modules', pkg.name);
  test('npm install <tarball> into a scratch project', install.ok && existsSync(installed) ? [] : [tail(install.out)]);
  if (!existsSync(installed)) return finish();

  checkFiles(installed);
  checkSourceMaps(installed);

  // 3. Consumers, each run from the scratch project so `opskit` resolves to the installed copy.
  writeFileSync(join(app, 'esm.mjs'), ESM_CONSUMER);
  const esm = run([process.execPath, 'esm.mjs'], { cwd: app, env });
  test('ESM consumer: import opskit/sim, opskit/triton, opskit/browser; a call; instanceof', esm.ok && esm.out.includes('esm ok') ? [] : [tail(esm.out)]);

  writeFileSync(join(app, 'cjs.cjs'), CJS_CONSUMER);
  const cjs = run([process.execPath, 'cjs.cjs'], { cwd: app, env });
  test('CJS consumer: require opskit/sim, opskit/timesys; a call; instanceof across ESM and CJS', cjs.ok && cjs.out.includes('cjs ok') ? [] : [tail(cjs.out)]);

  writeFileSync(join(app, 'ts-esm.mts'), TS_ESM_CONSUMER);
  writeFileSync(join(app, 'ts-cjs.cts'), TS_CJS_CONSUMER);
  writeFileSync(join(app, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  // skipLibCheck off: the consumers' own errors, and any error inside the installed declarations
  // (a user with skipLibCheck: false sees those too), each fail their own test.
  const tsc = run([process.execPath, join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: app, env });
  const diagnostics = tsc.out.split(/\n(?=\S)/).filter((d) => /error TS\d+/.test(d));
  const inPackage = diagnostics.filter((d) => d.startsWith('node_modules/'));
  const inConsumer = diagnostics.filter((d) => !d.startsWith('node_modules/'));
  test('TypeScript consumer typechecks against the installed types (module node16: .mts and .cts)', tsc.ok || (diagnostics.length && !inConsumer.length) ? [] : inConsumer.length ? inConsumer : [tail(tsc.out, 40)]);
  test('the installed declarations compile with skipLibCheck: false', inPackage);
  if (tsc.ok || !inConsumer.length) {
    const tsRuns = [run([process.execPath, 'out/ts-esm.mjs'], { cwd: app, env }), run([process.execPath, 'out/ts-cjs.cjs'], { cwd: app, env })];
    test('TypeScript consumer runs (compiled .mjs and .cjs)', tsRuns.every((r) => r.ok && r.out.includes('ts ok')) ? [] : tsRuns.map((r) => tail(r.out)));
  }

  // 4. The bin, as npm linked it.
  const cli = run([join(app, 'node_modules', '.bin', 'opskit'), '--version'], { cwd: app, env });
  test(`node_modules/.bin/opskit --version prints ${pkg.version}`, cli.ok && cli.out.trim() === pkg.version ? [] : [`exit ${cli.ok ? 0 : 'non-zero'}: ${tail(cli.out)}`]);

  // 5. attw and publint on this very tarball. attw reads .attw.json (which leaves out the
  //    import-only ./browser), then checks ./browser alone with the esm-only profile.
  const attw = run([bin('attw'), tgz, '--profile', 'node16', '--format', 'table-flipped', '--no-color'], { cwd: root, env });
  test('attw (node16) on the tarball', attw.ok ? [] : [tail(attw.out, 40)]);
  const importOnly = Object.keys(pkg.exports).filter((k) => typeof pkg.exports[k] === 'object' && !('require' in pkg.exports[k]));
  if (importOnly.length) {
    const esmOnly = run([bin('attw'), tgz, '--profile', 'esm-only', '--entrypoints', ...importOnly, '--format', 'table-flipped', '--no-color'], { cwd: root, env });
    test(`attw (esm-only) on the import-only export(s) ${importOnly.join(', ')}`, esmOnly.ok ? [] : [tail(esmOnly.out, 40)]);
  }
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  // The installed copy is exactly the tarball's content, so publint needs no packing of its own.
  const result = await publint({ pkgDir: installed, pack: false, strict: true });
  const publintPkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  test('publint --strict on the tarball', result.messages.map((m) => `${m.type}: ${formatMessage(m, publintPkg) ?? m.code}`));

  if (placeholders.length) {
    console.log(`note package.json ${placeholders.join(', ')} are placeholders (.invalid): set them before publishing (prepublishOnly refuses until then)`);
  }
  return finish();
}

function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/** Every file package.json points at is in the package; nothing that should stay home is. */
function checkFiles(dir) {
  const targets = new Set(['package.json', 'README.md', 'LICENSE']);
  const collect = (v) => {
    if (typeof v === 'string') targets.add(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(pkg.exports);
  collect(pkg.bin);
  for (const k of ['main', 'module', 'types']) collect(pkg[k]);
  const missing = [...targets].filter((f) => !existsSync(join(dir, f)));
  const present = listFiles(dir).map((f) => relative(dir, f).split(sep).join('/'));
  const strays = present.filter((f) => /^(test|scripts|bench|examples|openapi|node_modules|src\/cli|docs\/api)\//.test(f) || /^\.|\/\./.test(f));
  test(`the package holds every file package.json names (${targets.size}) and nothing private (${present.length} files)`, [
    ...missing.map((f) => `missing: ${f}`),
    ...strays.map((f) => `should not be packed: ${f}`),
  ]);
}

/** Every map next to a built file is referenced, and each source it names is shipped or inline. */
function checkSourceMaps(dir) {
  const problems = [];
  let maps = 0;
  let sources = 0;
  for (const file of listFiles(join(dir, 'dist'))) {
    if (!/\.(c?js)$/.test(file)) continue;
    const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
    if (!ref) {
      if (!file.includes(`${sep}cli${sep}`)) problems.push(`${relative(dir, file)}: no sourceMappingURL`);
      continue;
    }
    const mapFile = resolve(dirname(file), ref);
    if (!existsSync(mapFile)) {
      problems.push(`${relative(dir, file)}: its map ${ref} is not in the package`);
      continue;
    }
    maps++;
    const map = JSON.parse(readFileSync(mapFile, 'utf8'));
    map.sources.forEach((s, i) => {
      sources++;
      if (map.sourcesContent?.[i] != null) return;
      const target = resolve(dirname(mapFile), map.sourceRoot ?? '', s);
      if (!target.startsWith(dir + sep) || !existsSync(target)) problems.push(`${relative(dir, mapFile)}: source ${s} is neither inline nor in the package`);
    });
  }
  test(`source maps: every built file has one, every source resolves (${maps} maps, ${sources} sources)`, [...new Set(problems)]);
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

// The consumers: a simulator from opskit/sim, a family client with `fetch: sim.fetch`, one call
// that works, one that fails with a typed error recognised by `instanceof` and the guards.
const ESM_CONSUMER = `import assert from 'node:assert/strict';
import { createSim } from 'opskit/sim';
import { DataCenter } from 'opskit/triton';
import { ClientError, OpsError, isHttpError } from 'opskit';
import * as browser from 'opskit/browser';

const sim = createSim('triton');
const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
const packages = await dc.listPackages();
assert.ok(Array.isArray(packages) && packages.length > 0, 'listPackages returned no packages');
const err = await dc.getMachine('00000000-0000-4000-8000-000000000000').then(() => null, (e) => e);
assert.ok(err instanceof ClientError && err instanceof OpsError && isHttpError(err), 'a 404 is not a ClientError');
assert.equal(err.status, 404);

// The single-file browser bundle is one more copy of opskit: its errors are recognised too.
const bdc = new browser.triton.DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
assert.equal((await bdc.listPackages()).length, packages.length);
const berr = await bdc.getMachine('00000000-0000-4000-8000-000000000000').then(() => null, (e) => e);
assert.ok(berr instanceof ClientError && berr instanceof browser.ClientError, 'a browser-bundle error is not a ClientError');
console.log('esm ok');
`;

const CJS_CONSUMER = `const assert = require('node:assert/strict');
const { createSim } = require('opskit/sim');
const { Llapi } = require('opskit/timesys');
const { ClientError, isHttpError } = require('opskit');

(async () => {
  const sim = createSim('timesys');
  const llapi = new Llapi({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  assert.deepEqual(await llapi.heartbeat(), { ok: true });
  const err = await llapi.getManifestInfo('no-such-manifest').then(() => null, (e) => e);
  assert.ok(err instanceof ClientError && isHttpError(err), 'an unknown manifest is not a ClientError');
  // The dual-package hazard: the ESM build's classes recognise the CJS build's errors.
  const esm = await import('opskit');
  assert.ok(err instanceof esm.ClientError && esm.isOpsError(err), 'a CJS error is not instanceof the ESM ClientError');
  console.log('cjs ok');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
`;

// Types are checked, not just present: each @ts-expect-error fails the build if the line compiles.
const TS_ESM_CONSUMER = `import { createSim } from 'opskit/sim';
import { DataCenter } from 'opskit/triton';
import { ClientError, isHttpError } from 'opskit';
import * as browser from 'opskit/browser';

const sim = createSim('triton');
const dc = new DataCenter({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
const packages = await dc.listPackages();
const first: string | undefined = packages[0]?.name;
/** Never called: only the compiler reads these lines. */
function mustNotCompile(): void {
  // @ts-expect-error DataCenter has no such method
  dc.noSuchMethod();
  // @ts-expect-error a package name is a string, not a number
  const wrong: number = packages[0]!.name;
  // @ts-expect-error an unknown option is refused by the options type
  new DataCenter({ url: sim.url, fetch: sim.fetch, noSuchOption: true });
  void wrong;
}
void mustNotCompile;
const err: unknown = await dc.getMachine('00000000-0000-4000-8000-000000000000').then(() => null, (e: unknown) => e);
if (!(err instanceof ClientError) || !isHttpError(err) || err.status !== 404) throw new Error('a 404 is not a ClientError');
const status: number = err.status;
const fromBundle: typeof DataCenter = browser.triton.DataCenter; // the bundle's types are the package's
if (typeof fromBundle !== 'function') throw new Error('opskit/browser has no triton.DataCenter');
console.log('ts ok', first, status);
`;

const TS_CJS_CONSUMER = `import { createSim } from 'opskit/sim';
import { Llapi } from 'opskit/timesys';
import { ClientError } from 'opskit';

async function main(): Promise<void> {
  const sim = createSim('timesys');
  const llapi = new Llapi({ url: sim.url, fetch: sim.fetch, ...sim.credentials });
  const beat = await llapi.heartbeat();
  /** Never called: only the compiler reads these lines. */
  const mustNotCompile = (): void => {
    // @ts-expect-error Llapi has no such method
    llapi.noSuchMethod();
    // @ts-expect-error heartbeat takes an options object, not a string
    void llapi.heartbeat('now');
  };
  void mustNotCompile;
  const err: unknown = await llapi.getManifestInfo('no-such-manifest').then(() => null, (e: unknown) => e);
  if (!(err instanceof ClientError)) throw new Error('an unknown manifest is not a ClientError');
  console.log('ts ok', JSON.stringify(beat));
}
main().catch((e: unknown) => {
  console.error(e);
  throw e;
});
`;

const TSCONFIG = {
  compilerOptions: {
    module: 'node16',
    moduleResolution: 'node16',
    target: 'es2022',
    lib: ['es2023', 'dom', 'dom.iterable'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    outDir: 'out',
    rootDir: '.',
  },
  files: ['ts-esm.mts', 'ts-cjs.cts'],
};

// Last, so the consumer sources above are initialised.
let exitCode = 1;
try {
  exitCode = await main();
} finally {
  if (args.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
