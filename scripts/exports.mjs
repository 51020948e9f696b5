#!/usr/bin/env node
// Checks (default) or rewrites (--write) package.json "exports" and "sideEffects" from the entry
// table in rollup.config.mjs.
import { readFile, writeFile } from 'node:fs/promises';
import { packageExports, packageSideEffects } from '../rollup.config.mjs';

const file = new URL('../package.json', import.meta.url);
const text = await readFile(file, 'utf8');
const pkg = JSON.parse(text);
const want = packageExports();
const wantSideEffects = packageSideEffects();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

if (same(pkg.exports, want) && same(pkg.sideEffects, wantSideEffects)) {
  console.log('package.json exports and sideEffects match rollup.config.mjs entries');
} else if (process.argv.includes('--write')) {
  pkg.exports = want;
  pkg.sideEffects = wantSideEffects;
  await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log('package.json exports and sideEffects rewritten from rollup.config.mjs entries');
} else {
  console.error('package.json "exports" or "sideEffects" is out of date with the entries in rollup.config.mjs.');
  console.error('Run: node scripts/exports.mjs --write');
  process.exit(1);
}
