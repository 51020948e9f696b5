// Build: ESM + CJS + types for every subpath export, one browser bundle, the CLI.
//
// `entries` is the single table of subpath exports. Adding an API family is one line here;
// `node scripts/exports.mjs --write` then regenerates package.json "exports" (the build refuses
// to run while they disagree, and `npm test` checks it too).
import { builtinModules } from 'node:module';
import { chmod } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve, sep } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

/**
 * subpath → source. `platform: 'node'` entries may import node:* (everything else must not).
 * `bundle` names a single self-contained ESM file instead of the per-module ESM + CJS builds: such
 * an export is import-only (there is no CJS bundle) and its types come from the declaration build.
 * `node` names a second source for the `node` export condition (Node, Deno and Bun resolve it;
 * browser bundlers do not): the same API with the same types, e.g. Fernet on node:crypto. It must
 * live under src/node/ (the only place, with src/cli, that may import node:*).
 * `sideEffects: true` marks a module imported for its effect (it installs something, e.g. the
 * decryptors of encrypted keys): package.json "sideEffects" lists its files so bundlers keep it.
 */
export const entries = [
  { subpath: '.', input: 'src/index.ts' },
  { subpath: './crypto', input: 'src/crypto/index.ts', node: 'src/node/crypto/index.ts' },
  // Encrypted key formats, out of the default parser so browser bundles that never meet one leave
  // out AES, bcrypt_pbkdf and PBKDF2 (docs/architecture.md, "Key formats behind their own import").
  { subpath: './crypto/encrypted-keys', input: 'src/crypto/encrypted-keys/index.ts', sideEffects: true },
  // ECDSA private keys (noble's Weierstrass arithmetic), out of the default path for the same reason.
  { subpath: './crypto/ecdsa', input: 'src/crypto/ecdsa/index.ts', sideEffects: true },
  { subpath: './sim', input: 'src/sim/index.ts' },
  { subpath: './node', input: 'src/node/index.ts', platform: 'node' },
  { subpath: './mist', input: 'src/mist/index.ts' },
  { subpath: './synnefo', input: 'src/synnefo/index.ts' },
  { subpath: './timesys', input: 'src/timesys/index.ts' },
  { subpath: './triton', input: 'src/triton/index.ts', node: 'src/node/triton/opskit-triton.ts' },
  { subpath: './turbonomic', input: 'src/turbonomic/index.ts' },
  // Everything that runs in a browser in one file, for a <script type="module"> or an import map.
  { subpath: './browser', input: 'src/browser.ts', bundle: 'dist/browser/opskit.js' },
];

/** The entries built per module as ESM and CJS (all but the single-file bundles). */
const moduleEntries = entries.filter((e) => !e.bundle);

/** CJS output name of an entry's `node` variant: './crypto' → crypto.node (dist/cjs/crypto.node.cjs). */
const nodeVariantName = (subpath) => `${entryName(subpath)}.node`;

/** Output base name of an entry: '.' → index, './crypto' → crypto. */
export const entryName = (subpath) => (subpath === '.' ? 'index' : subpath.slice(2).replace(/\//g, '-'));

/** Where the ESM build puts an entry: it mirrors src/ (preserveModules), e.g. dist/esm/crypto/index.js. */
export const esmFile = (input) => `./dist/esm/${input.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;

/** Where the Node build puts an entry: one file per entry, e.g. dist/node/timesys.js (see the build below). */
export const nodeFile = (subpath) => `./dist/node/${entryName(subpath)}.js`;

/** The package.json "exports" the table implies. */
export function packageExports() {
  const out = {};
  for (const { subpath, input, bundle, node } of entries) {
    const name = entryName(subpath);
    if (bundle) {
      out[subpath] = { import: { types: `./dist/types/${name}.d.ts`, default: `./${bundle}` } };
      continue;
    }
    out[subpath] = {
      // First, so the runtimes that set it (Node, Deno, Bun) pick it: the Node build, with the
      // entry's `node` variant where it has one; same declarations as the default build.
      node: {
        import: { types: `./dist/types/${name}.d.ts`, default: nodeFile(subpath) },
        require: { types: `./dist/cjs/${name}.d.cts`, default: `./dist/cjs/${node ? nodeVariantName(subpath) : name}.cjs` },
      },
      import: { types: `./dist/types/${name}.d.ts`, default: esmFile(input) },
      require: { types: `./dist/cjs/${name}.d.cts`, default: `./dist/cjs/${name}.cjs` },
    };
  }
  out['./package.json'] = './package.json';
  return out;
}

/**
 * The package.json "sideEffects" the table implies: the files of `sideEffects` entries, and the
 * Node-build files of entries with a `node` variant (each installs every key format at load: a
 * bundler that sees only re-exports used must not drop that call). Everything else is free of
 * side effects, so bundlers drop whole unused modules.
 */
export function packageSideEffects() {
  const out = [];
  for (const { subpath, input, node, sideEffects } of entries.filter((e) => !e.bundle)) {
    if (sideEffects) out.push(esmFile(input), nodeFile(subpath), `./dist/cjs/${entryName(subpath)}.cjs`);
    if (node) out.push(nodeFile(subpath), `./dist/cjs/${nodeVariantName(subpath)}.cjs`);
  }
  return out;
}

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const deps = Object.keys(pkg.dependencies ?? {});
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isBuiltin = (id) => id.startsWith('node:') || builtins.has(id);
const isDep = (list) => (id) => list.some((d) => id === d || id.startsWith(`${d}/`));

// The CLI may say `__OPSKIT_VERSION__` (declared in src/cli) or `globalThis.__OPSKIT_VERSION__`.
const define = {
  __OPSKIT_VERSION__: JSON.stringify(pkg.version),
  'globalThis.__OPSKIT_VERSION__': JSON.stringify(pkg.version),
};

const input = Object.fromEntries(moduleEntries.map((e) => [entryName(e.subpath), e.input]));
// The `node` variants are code only: their types are the default build's (see packageExports).
const nodeVariants = Object.fromEntries(moduleEntries.filter((e) => e.node).map((e) => [nodeVariantName(e.subpath), e.node]));
const bundles = entries.filter((e) => e.bundle);
const ts = () => esbuild({ target: 'es2022', sourceMap: true, define });

// Source maps for what consumers debug (ESM, CJS, browser bundle); the CLI, a bundled program,
// ships without one. The package ships src/ (package.json "files"), so a map points at
// ../../src/….ts instead of carrying a copy of each source three times (ESM, CJS, browser);
// bundled dependencies (@noble/* in CJS, everything in the browser file) are not in the package,
// so their maps keep their source text inline. See shippedSources().
const sourcemap = { sourcemap: true, sourcemapExcludeSources: false };

/** Fails the build when a module outside the node-only entries pulls in node:*. */
function noNodeBuiltins(allowedImporters = () => false) {
  return {
    name: 'opskit:no-node-builtins',
    resolveId(id, importer) {
      if (isBuiltin(id) && !allowedImporters(importer ?? '')) {
        this.error(`"${id}" imported by ${importer} — node:* is only allowed in src/node and src/cli`);
      }
      return null;
    },
  };
}
// Modules under the folder of a `platform: 'node'` entry, or under src/cli, may import node:*.
const nodeDirs = [...entries.filter((e) => e.platform === 'node').map((e) => e.input.replace(/[^/]+$/, '')), 'src/cli/'];
const nodeOnly = (importer) => nodeDirs.some((d) => importer.replace(/\\/g, '/').startsWith(`${root}${d}`));

/** In each source map, drops the inline text of sources the package ships itself (under src/). */
function shippedSources() {
  const src = resolve(root, 'src') + sep;
  return {
    name: 'opskit:shipped-sources',
    generateBundle(opts, bundle) {
      const outDir = resolve(root, opts.dir ?? dirname(opts.file));
      // Rollup emits each map as an asset `<chunk>.map` beside its chunk.
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.map')) continue;
        const map = JSON.parse(String(asset.source));
        const from = dirname(resolve(outDir, asset.fileName));
        map.sourcesContent = map.sources.map((s, i) => (resolve(from, s).startsWith(src) ? null : (map.sourcesContent?.[i] ?? null)));
        asset.source = JSON.stringify(map);
      }
    },
  };
}

/**
 * dist/types/<bundle>.d.ts for each single-file bundle. A bundle's source only re-exports other
 * entries (`export * from './index.js'`, `export * as triton from './triton/index.js'`), so its
 * declarations re-export theirs; declaring it as one more input of the declaration build instead
 * would let rollup hoist shared declarations into it and make the other entries import from it.
 */
function bundleTypes() {
  const byInput = new Map(moduleEntries.map((e) => [e.input, entryName(e.subpath)]));
  return {
    name: 'opskit:bundle-types',
    generateBundle() {
      for (const e of bundles) {
        const text = readFileSync(`${root}${e.input}`, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
        const lines = text.split(';').map((l) => l.trim()).filter(Boolean).map((statement) => {
          const m = /^export \*(\s+as\s+\w+)?\s+from\s+'(\.\/[^']+)\.js'$/.exec(statement.replace(/\s+/g, ' '));
          const target = m && byInput.get(`src/${m[2].slice(2)}.ts`);
          if (!target) this.error(`${e.input}: "${statement}" is not a re-export of another entry (export * [as x] from './<entry>.js')`);
          return `export *${m[1] ?? ''} from './${target}.js';`;
        });
        this.emitFile({ type: 'asset', fileName: `${entryName(e.subpath)}.d.ts`, source: `${lines.join('\n')}\n` });
      }
    },
  };
}

/** rollup-plugin-dts writes `./x.d.ts` specifiers between chunks; consumers resolve `./x.js`. */
function dtsSpecifiers(jsExt) {
  return {
    name: 'opskit:dts-specifiers',
    renderChunk(code) {
      return code.replace(/(from\s+|import\s*\(\s*)(['"])(\.\.?\/[^'"]+?)\.d\.c?ts\2/g, `$1$2$3${jsExt}$2`);
    },
  };
}

function executable() {
  return {
    name: 'opskit:executable',
    renderChunk(code) {
      return `#!/usr/bin/env node\n${code.replace(/^#![^\n]*\n/, '')}`;
    },
    async writeBundle(opts, bundle) {
      for (const file of Object.keys(bundle)) await chmod(`${opts.dir ?? ''}/${file}`.replace(/^\//, ''), 0o755);
    },
  };
}

function checkExports() {
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(packageExports(), pkg.exports) || !same(packageSideEffects(), pkg.sideEffects)) {
    throw new Error(
      'package.json "exports" or "sideEffects" does not match the entry table in rollup.config.mjs; run: node scripts/exports.mjs --write',
    );
  }
}

const quiet = (warning, warn) => {
  // Circular imports inside hono / our own barrel files are harmless for ESM.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  warn(warning);
};

export default function config() {
  checkExports();
  // Start from an empty dist/ so no stale chunk from an earlier build is ever packed.
  rmSync(`${root}dist`, { recursive: true, force: true });
  const shared = { onwarn: quiet };
  return [
    // ESM: one file per source module (preserveModules) with every dependency external, so a
    // consumer's bundler drops whole unused modules (sideEffects: false) instead of having to
    // prove each statement of a flattened chunk unused: "Fernet alone" stays small.
    {
      ...shared,
      // An array, so entries are named by their path like every other module (esmFile()).
      input: moduleEntries.flatMap((e) => (e.node ? [e.input, e.node] : [e.input])),
      external: (id) => isBuiltin(id) || isDep(deps)(id),
      plugins: [noNodeBuiltins(nodeOnly), ts()],
      output: {
        dir: 'dist/esm',
        format: 'es',
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        generatedCode: 'es2015',
        ...sourcemap,
        plugins: [shippedSources()],
      },
    },
    // Node (the `node` export condition, which Node, Deno and Bun set): one ESM file per entry plus
    // shared chunks, @noble/* bundled in. Loading opskit/timesys as some 150 separate modules took
    // 30–40 ms of a short script's start; a runtime gains nothing from per-module files, which only
    // a bundler's tree shaking needs (it keeps dist/esm). Every entry is an input of this one build,
    // so the entries share one copy of each class (an OpsError from opskit/timesys is an OpsError
    // of opskit).
    {
      ...shared,
      input: Object.fromEntries(moduleEntries.map((e) => [entryName(e.subpath), e.node ?? e.input])),
      external: (id) => isBuiltin(id) || isDep(deps.filter((d) => !d.startsWith('@noble/')))(id),
      plugins: [noNodeBuiltins(nodeOnly), nodeResolve({ exportConditions: ['node'] }), ts()],
      output: {
        dir: 'dist/node',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'shared/[name]-[hash].js',
        generatedCode: 'es2015',
        ...sourcemap,
        plugins: [shippedSources()],
      },
    },
    // CJS: @noble/* is ESM-only, so it is bundled in; the rest ships working CJS of its own.
    {
      ...shared,
      input: { ...input, ...nodeVariants },
      external: (id) => isBuiltin(id) || isDep(deps.filter((d) => !d.startsWith('@noble/')))(id),
      plugins: [noNodeBuiltins(nodeOnly), nodeResolve({ exportConditions: ['node'] }), ts()],
      output: {
        dir: 'dist/cjs',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'shared/[name]-[hash].cjs',
        exports: 'named',
        interop: 'auto',
        generatedCode: 'es2015',
        ...sourcemap,
        plugins: [shippedSources()],
      },
    },
    // Types: one declaration program, written once per module system (.d.ts in dist/types for
    // import, .d.cts beside the CJS for require) so each side's declarations only ever import
    // their own format.
    {
      input,
      external: (id) => isBuiltin(id) || isDep(deps)(id),
      plugins: [dts({ tsconfig: `${root}tsconfig.json` })],
      output: [
        {
          dir: 'dist/types',
          format: 'es',
          entryFileNames: '[name].d.ts',
          chunkFileNames: 'shared/[name]-[hash].d.ts',
          plugins: [dtsSpecifiers('.js'), bundleTypes()],
        },
        {
          dir: 'dist/cjs',
          format: 'es',
          entryFileNames: '[name].d.cts',
          chunkFileNames: 'shared/[name]-[hash].d.cts',
          plugins: [dtsSpecifiers('.cjs')],
        },
      ],
    },
    // Browser (`opskit/browser`): one self-contained, minified ESM file; node:* anywhere in it fails the build.
    ...bundles.map((e) => ({
      ...shared,
      input: e.input,
      plugins: [noNodeBuiltins(), nodeResolve({ browser: true, exportConditions: ['browser'] }), ts()],
      output: {
        file: e.bundle,
        format: 'es',
        inlineDynamicImports: true,
        plugins: [minify({ target: 'es2022', legalComments: 'none', sourceMap: true }), shippedSources()],
        ...sourcemap,
      },
    })),
    // CLI: one CJS file, self-contained except node builtins.
    {
      ...shared,
      input: 'src/cli/main.ts',
      external: isBuiltin,
      plugins: [nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }), ts(), executable()],
      output: { dir: 'dist/cli', format: 'cjs', entryFileNames: 'opskit.cjs', inlineDynamicImports: true, generatedCode: 'es2015' },
    },
  ];
}
