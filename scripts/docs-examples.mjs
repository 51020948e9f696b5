#!/usr/bin/env node
// Runs every code example of README.md and docs/*.md (not docs/api/), so none rots:
//
// - ```ts blocks are typechecked against the sources (tsc, with `opskit/*` mapped to `src/*`)
//   and run with tsx against the in-process simulators;
// - ```js blocks are run with node as ES modules;
// - ```sh blocks are run with bash (`set -euo pipefail`), `opskit` and `npx opskit` being the
//   built CLI (dist/cli/opskit.cjs; `--src` runs the sources instead), `node` resolving `opskit`
//   to this package's build;
// - other blocks (output, ini, python, synopses without a language) are text and are not run.
//
// Each document's blocks run in order in one work folder, test-results/docs-examples/<doc>/,
// which is also HOME (so ~/.turbo_services_api_creds, ~/.triton, ~/timesys stay in it).
//
// A block may be annotated by HTML comments on the lines right above its fence, visible in the
// Markdown source:
//
//   <!-- docs-examples: skip (why) -->            not run; counted and listed as skipped
//   <!-- docs-examples: setup NAME (a, b) -->     ts/js: SETUPS.NAME() of
//                                                 scripts/docs-examples/setups.ts runs first and
//                                                 provides the names a, b (secrets, clients, …);
//                                                 sh: `setup serve FAMILY` serves that simulator
//                                                 (`opskit sim serve FAMILY --detach
//                                                 --write-credentials sim`), sources its env
//                                                 file and stops it afterwards;
//                                                 `setup copy SRC DEST` copies a file of the
//                                                 repository into the work folder first
//   <!-- docs-examples: file NAME -->             saved as NAME in the work folder for a later
//                                                 block to run (`node walk.mjs`), not run alone
//
//   node scripts/docs-examples.mjs [--src] [README.md docs/triton.md …]
//
// Prints one line per block, the skipped ones again at the end, and last `N passed, N failed`.
// Exits 1 when any block failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, copyFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const fromSources = args.includes('--src');
const only = args.filter((a) => !a.startsWith('--'));
const out = join(root, 'test-results', 'docs-examples');
const TIMEOUT = { ts: 90_000, js: 90_000, sh: 180_000 };
const LANGS = { ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js', mjs: 'js', sh: 'sh', bash: 'sh', shell: 'sh' };
const ENV_FILES = { triton: 'triton.env', timesys: 'timesys.env', turbonomic: 'turbo.env', mist: 'mist.env', synnefo: 'kamaki.env', pithos: 'kamaki.env' };

/** The documents: README.md and docs/*.md, or the ones named on the command line. */
function documents() {
  if (only.length) return only.map((f) => relative(root, join(process.cwd(), f)));
  const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** Fenced blocks of a Markdown file, with the annotations on the lines right above each fence. */
function blocks(doc) {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const start = i;
    const code = [];
    for (i++; i < lines.length && !lines[i].startsWith(`${indent}${fence}`); i++) code.push(lines[i].slice(indent.length));
    const notes = [];
    for (let j = start - 1; j >= 0; j--) {
      const m = /^\s*<!--\s*docs-examples:\s*(.*?)\s*-->\s*$/.exec(lines[j]);
      if (!m) break;
      notes.unshift(m[1]);
    }
    found.push({ doc, line: start + 1, lang: LANGS[lang.toLowerCase()] ?? null, code: `${code.join('\n')}\n`, notes });
  }
  return found;
}

/** Reads the annotations of a block: skip, setup, file. */
function annotations(block) {
  const a = { skip: undefined, setups: [], file: undefined, errors: [] };
  for (const note of block.notes) {
    let m;
    if ((m = /^skip\s*\((.+)\)$/.exec(note))) a.skip = m[1];
    else if ((m = /^setup\s+([\w-]+)(?:\s+([^()]*?))?\s*(?:\(([^)]*)\))?$/.exec(note))) a.setups.push({ name: m[1], arg: m[2]?.trim() ?? '', names: (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean) });
    else if ((m = /^file\s+([\w./-]+)$/.exec(note))) a.file = m[1];
    else a.errors.push(`unknown annotation "${note}" (skip (why), setup NAME [ARG] (names), file NAME)`);
  }
  return a;
}

const slug = (doc) => doc.replace(/\.md$/, '').replace(/[^\w]+/g, '-');
const label = (b) => `${b.doc}:${b.line} ${b.lang}`;

/** The ts/js module of a block: the setups' names first, then the block, as a module. */
function moduleText(block, a, file) {
  const head = [];
  if (a.setups.length) {
    const setups = relative(dirname(file), join(root, 'scripts', 'docs-examples', 'setups.js'));
    head.push(`import { SETUPS as __SETUPS } from '${setups.startsWith('.') ? setups : `./${setups}`}';`);
    for (const s of a.setups) head.push(`const { ${s.names.join(', ')} } = await __SETUPS[${JSON.stringify(s.name)}]();`);
  }
  return { text: `${head.join('\n')}${head.length ? '\n' : ''}${block.code}export {};\n`, offset: head.length };
}

/** tsconfig of the ts blocks: strict, Node 20, `opskit` and its subpaths mapped to the sources. */
function writeTsconfig(files) {
  const src = (p) => relative(out, join(root, 'src', p));
  const subpaths = ['crypto', 'crypto/encrypted-keys', 'crypto/ecdsa', 'sim', 'node', 'mist', 'synnefo', 'timesys', 'triton', 'turbonomic'];
  const paths = { opskit: [src('index.ts')], 'opskit/browser': [src('browser.ts')] };
  for (const s of subpaths) paths[`opskit/${s}`] = [src(`${s}/index.ts`)];
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      allowImportingTsExtensions: false,
      paths,
    },
    files: files.map((f) => relative(out, f)),
  };
  writeFileSync(join(out, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * Runs a command with a deadline in its own process group; once it exits, whatever it left in
 * that group (a server started with `&`) is ended too, so no block outlives itself.
 */
function exec(argv, options) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let done = false;
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    const group = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {}
    };
    const finish = (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      group('SIGTERM');
      setTimeout(() => {
        group('SIGKILL');
        child.stdout.destroy();
        child.stderr.destroy();
        resolve({ code, output });
      }, 300);
    };
    const timer = setTimeout(() => {
      output += `\n(killed after ${options.timeout / 1000} s)`;
      group('SIGKILL');
      finish(124);
    }, options.timeout);
    child.on('error', (e) => {
      output += e.message;
      finish(127);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** `opskit` and `npx opskit` for sh blocks: the built CLI, or the sources with --src. */
function writeShims(bin) {
  mkdirSync(bin, { recursive: true });
  const cli = fromSources
    ? `exec node --import ${JSON.stringify(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs'))} ${JSON.stringify(join(root, 'src', 'cli', 'main.ts'))} "$@"`
    : `exec node ${JSON.stringify(join(root, 'dist', 'cli', 'opskit.cjs'))} "$@"`;
  writeFileSync(join(bin, 'opskit'), `#!/bin/sh\n${cli}\n`);
  const npx = spawnSync('sh', ['-c', 'command -v npx'], { encoding: 'utf8' }).stdout.trim();
  // `npx opskit …` as a reader types it after `npm install opskit`; anything else is npx itself.
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nif [ "$1" = opskit ]; then shift; ${cli}; fi\nexec ${JSON.stringify(npx)} "$@"\n`);
  for (const f of ['opskit', 'npx']) chmodSync(join(bin, f), 0o755);
}

/** Environment of a block: HOME is the work folder; no credentials of the machine leak in. */
function environment(work, bin) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(TRITON_|SDC_|OPSKIT_|TURBO_|VIGILES_|LINUXLINK_|MIST_|KAMAKI_|SSH_AUTH_SOCK$|XDG_CONFIG_HOME$|NODE_OPTIONS$)/.test(k)) delete env[k];
  return {
    ...env,
    HOME: work,
    PATH: `${bin}:${join(root, 'node_modules', '.bin')}:${env.PATH}`,
    TSX_TSCONFIG_PATH: join(out, 'tsconfig.json'),
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
}

/** The script of an sh block: its setups, then the block. */
function shellScript(block, a) {
  const pre = ['set -euo pipefail'];
  for (const s of a.setups) {
    if (s.name === 'serve') {
      const env = ENV_FILES[s.arg];
      if (!env) throw new Error(`setup serve: unknown family "${s.arg}"`);
      pre.push(`opskit sim serve ${s.arg} --detach --write-credentials sim --force > /dev/null`, "trap 'opskit sim stop sim > /dev/null 2>&1 || true' EXIT", `. sim/${env}`);
    } else if (s.name === 'copy') {
      const [from, to] = s.arg.split(/\s+/);
      pre.push(`mkdir -p "$(dirname ${JSON.stringify(to)})" && cp ${JSON.stringify(join(root, from))} ${JSON.stringify(to)}`);
    } else throw new Error(`sh blocks know the setups serve FAMILY and copy SRC DEST, not "${s.name}"`);
  }
  return `${pre.join('\n')}\n${block.code}`;
}

/** Ends any simulator a block left running (their pids are in sim.pid files). */
function stopLeftovers(dir) {
  const walk = (d) => {
    for (const name of existsSync(d) ? readdirSync(d) : []) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'sim.pid') {
        const pid = Number(readFileSync(p, 'utf8').trim());
        try {
          if (pid > 1) process.kill(pid, 'SIGTERM');
        } catch {}
      }
    }
  };
  walk(dir);
}

async function main() {
  if (!fromSources && !existsSync(join(root, 'dist', 'cli', 'opskit.cjs'))) {
    console.log('dist/cli/opskit.cjs is missing: run `npm run build` first (or pass --src)');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bin = join(out, '.bin');
  writeShims(bin);

  const all = documents().flatMap(blocks).filter((b) => b.lang !== null);
  const results = [];
  const record = (b, status, detail = '') => {
    results.push({ b, status, detail });
    console.log(`${status === 'ok' ? 'ok     ' : status === 'skip' ? 'skipped' : status === 'saved' ? 'saved  ' : 'FAILED '} ${label(b)}${detail ? `  ${status === 'FAILED' ? '\n' : ''}${detail}` : ''}`);
  };

  // Every ts module first, so one tsc run typechecks them all.
  const plans = all.map((b) => {
    const a = annotations(b);
    const work = join(out, slug(b.doc));
    mkdirSync(work, { recursive: true });
    const plan = { b, a, work };
    if (!a.skip && !a.file && b.lang !== 'sh') {
      plan.path = join(work, `${b.line}.${b.lang === 'ts' ? 'ts' : 'mjs'}`);
      const m = moduleText(b, a, plan.path);
      writeFileSync(plan.path, m.text);
      plan.offset = m.offset;
    }
    return plan;
  });
  const tsFiles = plans.filter((p) => p.path?.endsWith('.ts')).map((p) => p.path);
  const typeErrors = new Map();
  if (tsFiles.length) {
    writeTsconfig(tsFiles);
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(out, 'tsconfig.json'), '--pretty', 'false'], { cwd: out, encoding: 'utf8' });
    for (const line of `${tsc.stdout}${tsc.stderr}`.split('\n')) {
      const m = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line.trim());
      if (!m) continue;
      const plan = plans.find((p) => p.path && join(out, m[1]) === p.path);
      const where = plan ? `${plan.b.doc}:${plan.b.line + Number(m[2]) - plan.offset}` : m[1];
      const key = plan?.path ?? 'other';
      typeErrors.set(key, [...(typeErrors.get(key) ?? []), `${where}: ${m[4]}`]);
    }
    if (tsc.status !== 0 && typeErrors.size === 0) typeErrors.set('other', [`tsc exited ${tsc.status}: ${tsc.stdout}${tsc.stderr}`.trim()]);
  }
  if (typeErrors.has('other')) console.log(`tsc: ${typeErrors.get('other').join('\n')}`);

  /** tsc on one block (its own tsconfig beside the shared one); its errors, or undefined. */
  const typecheckOne = (plan) => {
    const config = JSON.parse(readFileSync(join(out, 'tsconfig.json'), 'utf8'));
    config.files = [relative(out, plan.path)];
    writeFileSync(join(out, 'tsconfig.one.json'), JSON.stringify(config));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(out, 'tsconfig.one.json'), '--pretty', 'false'], { cwd: out, encoding: 'utf8' });
    const found = `${tsc.stdout}${tsc.stderr}`.split('\n').map((l) => /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(l.trim())).filter(Boolean)
      .map((m) => `${plan.b.doc}:${plan.b.line + Number(m[2]) - plan.offset}: ${m[4]}`);
    return found.length || tsc.status !== 0 ? (found.length ? found : [`tsc exited ${tsc.status}`]) : undefined;
  };

  let doc;
  for (const plan of plans) {
    const { b, a, work } = plan;
    if (doc !== b.doc) {
      if (doc) stopLeftovers(join(out, slug(doc)));
      doc = b.doc;
    }
    if (a.errors.length) {
      record(b, 'FAILED', a.errors.join('\n'));
      continue;
    }
    if (a.skip) {
      record(b, 'skip', `(${a.skip})`);
      continue;
    }
    if (a.file) {
      mkdirSync(dirname(join(work, a.file)), { recursive: true });
      writeFileSync(join(work, a.file), b.code);
      record(b, 'saved', `as ${a.file}`);
      continue;
    }
    const env = environment(work, bin);
    let r;
    if (b.lang === 'sh') {
      let script;
      try {
        script = shellScript(b, a);
      } catch (e) {
        record(b, 'FAILED', e.message);
        continue;
      }
      r = await exec(['bash', '-c', script], { cwd: work, env, timeout: TIMEOUT.sh });
    } else {
      let errors = typeErrors.get(plan.path);
      // A block may import what an earlier block of its document generated (README's
      // generated/my-api.ts): check it again, alone, now that those blocks have run.
      if (errors?.some((e) => /Cannot find module '\.\.?\//.test(e))) errors = typecheckOne(plan);
      if (errors) {
        record(b, 'FAILED', `does not typecheck:\n${errors.join('\n')}`);
        continue;
      }
      const argv = b.lang === 'ts' ? [process.execPath, '--import', 'tsx', plan.path] : [process.execPath, plan.path];
      r = await exec(argv, { cwd: work, env, timeout: TIMEOUT[b.lang] });
    }
    if (r.code === 0) record(b, 'ok');
    else record(b, 'FAILED', `exit ${r.code}\n${r.output.trimEnd().split('\n').slice(-25).map((l) => `    ${l}`).join('\n')}`);
  }
  if (doc) stopLeftovers(join(out, slug(doc)));

  const passed = results.filter((r) => r.status === 'ok' || r.status === 'saved').length;
  const failed = results.filter((r) => r.status === 'FAILED').length;
  const skipped = results.filter((r) => r.status === 'skip');
  console.log('');
  if (skipped.length) {
    console.log(`${skipped.length} skipped, as their annotations say:`);
    for (const s of skipped) console.log(`  ${label(s.b)}  ${s.detail}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
