// A plain `git clone` must install, build and test on its own: nothing tracked may reach outside
// the repository (the maintainers' reference folder beside it is not part of the product), and the
// lockfile must let `npm ci` install on any platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Built at run time so this file does not match its own search.
const OUTSIDE = ['..', 'shared'].join('/');

function tracked(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
}

test('no tracked file outside .ci/ mentions the folder beside the repository', () => {
  const files = tracked().filter((f) => !f.startsWith('.ci/') && f !== 'package-lock.json');
  assert.ok(files.length > 100, `git ls-files listed only ${files.length} files`);
  const hits: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(`${root}/${file}`, 'utf8');
    } catch {
      continue; // deleted in the work tree
    }
    text.split('\n').forEach((line, i) => {
      if (line.includes(OUTSIDE)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(hits, [], `these lines reach outside the repository:\n${hits.join('\n')}`);
});

interface Lock {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>;
}

test('package-lock.json agrees with package.json', () => {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8')) as Lock;
  const rootEntry = lock.packages[''];
  assert.ok(rootEntry, 'the lockfile has no root package entry');
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
    assert.deepEqual(rootEntry[field] ?? {}, pkg[field] ?? {}, `${field} differ between package.json and package-lock.json: run npm install`);
  }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    for (const name of Object.keys(pkg[field] ?? {})) {
      assert.ok(lock.packages[`node_modules/${name}`], `${name} is missing from package-lock.json`);
    }
  }
});

test("package-lock.json lists every platform's optional binaries (npm ci refuses it otherwise)", () => {
  const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8')) as Lock;
  const missing: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      const nested = `${where ? `${where}/` : ''}node_modules/${name}`;
      if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) missing.push(`${name} (wanted by ${where || 'the root'})`);
    }
  }
  assert.deepEqual(missing, [], `optional dependencies absent from the lockfile:\n${missing.join('\n')}`);
});
