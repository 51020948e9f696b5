// Runs the Fernet scenario (test/scenarios/fernet.scenario.mjs: the official vectors, round trips,
// tampering) on BOTH engines of opskit/crypto's Fernet, in whichever runtime runs this file:
// the portable one (src/crypto, what browsers get) and the node:crypto one (src/node/crypto, what
// the `node` export condition gives Node, Deno and Bun). test/interop/fernet-runtimes.test.ts
// starts it in Node, Deno and Bun.
//
//   node --import tsx test/interop/fernet-engines.mjs
//   deno run --allow-read --no-prompt --no-lock --unstable-sloppy-imports test/interop/fernet-engines.mjs
//   bun test/interop/fernet-engines.mjs
//
// Prints one summary line per engine and exits 1 on any failure or when no test ran.
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { createHarness, summaryLine } from '../runtime/harness.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const here = (rel) => new URL(rel, import.meta.url);
const read = async (name) => JSON.parse(await readFile(here(`../vectors/fernet/${name}.json`), 'utf8'));
const vectors = { fernet: { generate: await read('generate'), verify: await read('verify'), invalid: await read('invalid') } };
const env = { runtime, secureContext: true, hasSubtle: typeof globalThis.crypto?.subtle?.digest === 'function' };
const scenario = await import(here('../scenarios/fernet.scenario.mjs').href);

const ENGINES = [
  ['portable', '../../src/crypto/index.ts'],
  ['node:crypto', '../../src/node/crypto/index.ts'],
  // The node build keeps small messages on the portable primitives; this runs every vector on OpenSSL too.
  ['node:crypto at every size', '../../src/node/crypto/index.ts', true],
];
const { ENGINE } = await import(here('../../src/crypto/fernet/engine.ts').href);
const { nativeFernetEngine } = await import(here('../../src/node/crypto/fernet-engine.ts').href);

let failed = 0;
let passed = 0;
for (const [engine, path, nativeOnly] of ENGINES) {
  let crypto = await import(here(path).href);
  // The node build subclasses the portable Fernet; the portable one subclasses nothing.
  const isNodeBuild = Object.getPrototypeOf(crypto.Fernet) !== Function.prototype;
  if (isNodeBuild !== engine.startsWith('node:crypto')) throw new Error(`${path} is not the ${engine} engine`);
  if (nativeOnly) crypto = { ...crypto, Fernet: class extends crypto.Fernet { static [ENGINE] = nativeFernetEngine; } };
  const harness = createHarness({ lib: { crypto }, vectors, env, print: (line) => console.log(`  ${engine}: ${line}`) });
  await harness.add('fernet.scenario.mjs', scenario);
  const result = await harness.run();
  console.log(`${runtime} ${engine}: ${summaryLine(result)}`);
  passed += result.passed;
  failed += result.failed;
  if (result.passed === 0) failed++;
}
process.exit(failed === 0 && passed > 0 ? 0 : 1);
