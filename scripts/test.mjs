#!/usr/bin/env node
// `npm test`: every check opskit makes, in order, each step streamed and timed, then a summary
// table and the closing line `N passed, N failed`.
//
//   node scripts/test.mjs                 # everything
//   node scripts/test.mjs unit deno bun   # only the named steps (see STEPS below)
//
// Exits 1 when any step fails, and when any of the runtime runs (chromium-secure,
// chromium-insecure, deno, bun) did not run or ran no test: a skipped runtime is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const node = process.execPath;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MUST_RUN = ['chromium-secure', 'chromium-insecure', 'console', 'deno', 'bun'];

/** Files under `dir` (recursively) whose name ends with `suffix`, sorted. Node 20's --test has no globs. */
function find(dir, suffix) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(suffix)) out.push(relative(root, full));
    }
  };
  walk(join(root, dir));
  return out;
}

/**
 * Each step: a command (argv, run without a shell), or a function. `counts` says how to read its
 * test counts; `needs` names steps that must have passed first.
 */
const STEPS = [
  { name: 'chromium', run: ensureChromium },
  { name: 'typecheck', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'check-generated', cmd: [node, 'scripts/generate.mjs', '--check'] },
  { name: 'lint-specs', cmd: [node, 'scripts/lint-specs.mjs'] },
  { name: 'exports', cmd: [node, 'scripts/exports.mjs'] },
  {
    name: 'unit',
    counts: 'node-test',
    cmd: () => {
      const files = [...find('test/unit', '.test.ts'), ...find('test/interop', '.test.ts')];
      if (files.length === 0) throw new Error('no test files under test/unit or test/interop');
      return [node, '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files];
    },
  },
  // API reference: typedoc → docs/api/, one page per subpath export, every internal link and anchor resolves.
  { name: 'docs', counts: 'summary', cmd: [node, 'scripts/docs.mjs'] },
  { name: 'build', cmd: [bin('rollup'), '-c'] },
  { name: 'publint', cmd: [bin('publint'), '--strict'], needs: ['build'] },
  // import + require of every subpath by the package's name, the browser bundle, the CLI binary.
  { name: 'dist', cmd: [node, 'scripts/check-dist.mjs'], needs: ['build'] },
  // Every example of README.md and docs/ typechecked and run against the simulators and the build.
  { name: 'docs-examples', counts: 'summary', cmd: [node, 'scripts/docs-examples.mjs'], needs: ['build'] },
  { name: 'node', counts: 'summary', cmd: [node, '--import', 'tsx', 'test/runtime/run.mjs', 'src'] },
  { name: 'node-esm', counts: 'summary', cmd: [node, 'test/runtime/run.mjs', 'dist'], needs: ['build'] },
  { name: 'node-build', counts: 'summary', cmd: [node, 'test/runtime/run.mjs', 'node'], needs: ['build'] },
  { name: 'node-cjs', counts: 'summary', cmd: [node, 'test/runtime/run.mjs', 'cjs'], needs: ['build'] },
  { name: 'chromium-secure', counts: 'summary', cmd: [node, 'test/runtime/chromium.mjs', 'secure'], needs: ['build', 'chromium'] },
  { name: 'chromium-insecure', counts: 'summary', cmd: [node, 'test/runtime/chromium.mjs', 'insecure'], needs: ['build', 'chromium'] },
  // The browser admin console (examples/admin-console) clicked through in Chromium, both origins.
  { name: 'console', counts: 'summary', cmd: [node, 'test/console/console.test.mjs'], needs: ['build', 'chromium'] },
  {
    name: 'deno',
    counts: 'summary',
    // --allow-read only: the scenarios use in-process simulators. Bare imports (openapi-fetch, hono,
    // @noble/*) resolve from node_modules because package.json is present (Deno's "manual" mode).
    // The `node` condition's build: what Deno resolves for opskit/* (it sets `deno`, `node`, `import`).
    cmd: [bin('deno'), 'run', '--allow-read', '--no-prompt', '--no-lock', 'test/runtime/run.mjs', 'node'],
    needs: ['build'],
  },
  { name: 'bun', counts: 'summary', cmd: [bin('bun'), 'test/runtime/run.mjs', 'node'], needs: ['build'] },
  // npm pack (prepack rebuilds dist/) → install into a temp project → ESM, CJS and TypeScript consumers,
  // the bin, source maps, attw (node16; ESM-only for ./browser) and publint --strict on that tarball.
  // Last, because it rebuilds dist/.
  { name: 'pack', counts: 'summary', cmd: [node, 'scripts/pack-check.mjs'], needs: ['build'] },
];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

async function ensureChromium(step) {
  if (existsSync(CHROMIUM)) {
    step.log(`${CHROMIUM} is present`);
    return 0;
  }
  if (CHROMIUM === '/usr/bin/chromium' && isRoot() && hasCommand('apt-get')) {
    step.log(`${CHROMIUM} is missing; installing Debian's chromium with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let code = await exec(['apt-get', 'update'], step, env);
    if (code === 0) code = await exec(['apt-get', 'install', '-y', 'chromium'], step, env);
    if (code === 0 && existsSync(CHROMIUM)) return 0;
    step.log('apt-get could not install chromium');
    return code || 1;
  }
  step.log(`Chromium is missing at ${CHROMIUM}. Install it, then run npm test again:`);
  step.log(isRoot() ? '  apt-get update && apt-get install -y chromium' : '  sudo apt-get update && sudo apt-get install -y chromium');
  step.log('(or point CHROMIUM_PATH at an existing Chromium binary)');
  return 1;
}

/** Runs argv without a shell, streaming its output through and keeping a copy for parsing. */
function exec(argv, step, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => {
      process.stdout.write(b);
      step.output += b;
    });
    child.stderr.on('data', (b) => {
      process.stderr.write(b);
      step.output += b;
    });
    child.on('error', (err) => {
      step.log(`cannot run ${argv[0]}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

function parseCounts(kind, output) {
  const text = stripAnsi(output);
  if (kind === 'node-test') {
    // The spec reporter's closing block (`ℹ pass N`), or TAP's (`# pass N`).
    const pass = [...text.matchAll(/^[ℹ#] pass (\d+)\s*$/gm)].at(-1);
    const fail = [...text.matchAll(/^[ℹ#] fail (\d+)\s*$/gm)].at(-1);
    if (!pass || !fail) return null;
    return { passed: Number(pass[1]), failed: Number(fail[1]) };
  }
  const last = [...text.matchAll(/^(?:[\w-]+: )?(\d+) passed, (\d+) failed\s*$/gm)].at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null;
}

const fmtTime = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !STEPS.some((s) => s.name === w));
  if (unknown.length) {
    console.error(`unknown step(s): ${unknown.join(', ')}; steps are: ${STEPS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  if (!existsSync(join(root, 'node_modules'))) {
    console.error('node_modules is missing: run `npm ci` (or `npm install`) first');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const selected = wanted.length ? STEPS.filter((s) => wanted.includes(s.name)) : STEPS;
  const results = new Map();
  const started = performance.now();

  for (const def of selected) {
    const step = { output: '', log: (line) => { console.log(line); step.output += `${line}\n`; } };
    console.log(`\n━━ ${def.name} ${'━'.repeat(Math.max(0, 60 - def.name.length))}`);
    const blocked = (def.needs ?? []).filter((n) => results.has(n) && results.get(n).status !== 'ok');
    if (blocked.length) {
      console.log(`not run: ${blocked.join(', ')} failed`);
      results.set(def.name, { status: 'not run', ms: 0, note: `${blocked.join(', ')} failed` });
      continue;
    }
    const t0 = performance.now();
    let code;
    try {
      if (def.run) code = await def.run(step);
      else {
        const argv = typeof def.cmd === 'function' ? def.cmd() : def.cmd;
        console.log(`$ ${argv.map((a) => (a === node ? 'node' : a.startsWith(root) ? relative(root, a) : a)).join(' ')}`);
        code = await exec(argv, step, { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' });
      }
    } catch (err) {
      step.log(`error: ${err instanceof Error ? err.message : err}`);
      code = 1;
    }
    const ms = performance.now() - t0;
    const counts = def.counts ? parseCounts(def.counts, step.output) : null;
    let status = code === 0 ? 'ok' : 'FAILED';
    let note = code === 0 ? '' : `exit code ${code}`;
    if (def.counts && !counts) {
      status = 'FAILED';
      note = note || 'no test counts in its output';
    } else if (counts && counts.passed + counts.failed === 0) {
      status = 'FAILED';
      note = 'ran no test';
    } else if (counts && counts.failed > 0) {
      status = 'FAILED';
    }
    results.set(def.name, { status, ms, counts, note });
    console.log(`── ${def.name}: ${status}${counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : ''} in ${fmtTime(ms)}`);
  }

  // Summary.
  const total = performance.now() - started;
  console.log(`\n━━ summary ${'━'.repeat(53)}`);
  const rows = [['step', 'result', 'tests', 'time', 'note']];
  let passed = 0;
  let failed = 0;
  let failedSteps = 0;
  for (const def of selected) {
    const r = results.get(def.name);
    const tests = r.counts ? `${r.counts.passed}/${r.counts.passed + r.counts.failed}` : '';
    rows.push([def.name, r.status, tests, fmtTime(r.ms), r.note ?? '']);
    if (r.counts) {
      passed += r.counts.passed;
      failed += r.counts.failed;
    }
    if (r.status !== 'ok' && !(r.counts && r.counts.failed > 0)) failedSteps++;
  }
  // A runtime that was asked for (or implied by a full run) and did not run is a failure.
  const missing = MUST_RUN.filter((n) => selected.some((s) => s.name === n) && results.get(n)?.status !== 'ok');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(`total ${fmtTime(total)}`);
  if (missing.length) console.log(`runtimes that did not pass: ${missing.join(', ')}`);
  if (failedSteps) console.log(`${failedSteps} step(s) failed without a test count; each counts as one failed test below`);
  failed += failedSteps;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
