#!/usr/bin/env node
// `npm run console`: the browser admin console (examples/admin-console) against every family's
// simulator, all on 127.0.0.1. Builds dist/ first when it is missing.
//
//   npm run console                               # a free port
//   npm run console -- --port 8080
//   npm run console -- --host-name console.test  # also allow http://console.test:PORT (see docs)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run console -- [--port N] [--host-name NAME]…';

function parseArgs(argv) {
  const out = { port: 0, hostNames: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) fail('--port must be an integer from 0 to 65535');
      out.port = n;
    } else if (a === '--host-name') out.hostNames.push(value());
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  return out;
}

function fail(message) {
  console.error(`console: ${message}\n${USAGE}`);
  process.exit(2);
}

const args = parseArgs(process.argv.slice(2));
const needed = ['dist/browser/opskit.js', 'dist/esm/node/index.js', 'dist/esm/sim/index.js'];
if (needed.some((f) => !existsSync(join(root, f)))) {
  console.log('dist/ is missing: building it first (npm run build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('console: the build failed');
    process.exit(1);
  }
}

const { startConsole } = await import('../examples/admin-console/server/index.mjs');
const app = await startConsole(args);
console.log(`opskit admin console: ${app.url}`);
for (const name of args.hostNames) console.log(`                 also: http://${name}:${app.port}/ (map ${name} to 127.0.0.1)`);
console.log('simulators:');
for (const [name, s] of Object.entries(app.sims)) console.log(`  ${name.padEnd(11)} ${s.url}${s.path}`);
console.log('Sign in on each tab; "Fill in the simulator’s credentials" puts the demo credentials in the form.');
console.log('Ctrl-C stops everything.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
