#!/usr/bin/env node
// Checks (default) or rewrites (--write) package.json "exports" from the entry table in rollup.config.mjs.
import { readFile, writeFile } from 'node:fs/promises';
import { packageExports } from '../rollup.config.mjs';

const file = new URL('../package.json', import.meta.url);
const text = await readFile(file, 'utf8');
const pkg = JSON.parse(text);
const want = packageExports();

if (JSON.stringify(pkg.exports) === JSON.stringify(want)) {
  console.log('package.json exports match rollup.config.mjs entries');
} else if (process.argv.includes('--write')) {
  pkg.exports = want;
  await writeFile(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log('package.json exports rewritten from rollup.config.mjs entries');
} else {
  console.error('package.json "exports" is out of date with the entries in rollup.config.mjs.');
  console.error('Run: node scripts/exports.mjs --write');
  process.exit(1);
}
