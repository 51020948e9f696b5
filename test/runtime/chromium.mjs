// Runs the scenario suite in real Chromium (Debian's /usr/bin/chromium driven by playwright-core),
// on the built single-file bundle dist/browser/opskit.js.
//
//   node test/runtime/chromium.mjs secure     # http://127.0.0.1:<port>  (a secure context)
//   node test/runtime/chromium.mjs insecure   # http://opskit.test:<port> (not secure: no crypto.subtle)
//
// Options: `--filter <text>`. Closes with `chromium-<origin>: N passed, N failed`; exits 1 on any
// failure, when no test ran, or when the page's context is not the one asked for.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const expect = args.includes('insecure') ? 'insecure' : 'secure';
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const label = `chromium-${expect}`;
const INSECURE_HOST = 'opskit.test';
const RUN_TIMEOUT_MS = 5 * 60_000;

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
// Only these trees are served; everything else is a 404.
const ROOTS = ['dist/browser/', 'test/runtime/', 'test/scenarios/', 'test/vectors/'];

const page = `<!doctype html><meta charset="utf-8"><title>opskit scenarios</title>
<script type="module">import { run } from '/test/runtime/browser.mjs'; globalThis.__opskitRun = run;</script>`;

function serve() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, TYPES['.html'], page);
      if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (url.pathname === '/scenarios.json') {
        const files = (await readdir(join(repo, 'test', 'scenarios'))).filter((f) => f.endsWith('.scenario.mjs')).sort();
        return send(res, 200, TYPES['.json'], JSON.stringify(files));
      }
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      if (!ROOTS.some((r) => rel.split(sep).join('/').startsWith(r)) || rel.includes('..')) return send(res, 404, 'text/plain', 'not found');
      const file = join(repo, rel);
      if (!(await stat(file).catch(() => null))?.isFile()) return send(res, 404, 'text/plain', 'not found');
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch (err) {
      return send(res, 500, 'text/plain', String(err));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function main() {
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  if (!existsSync(join(repo, 'dist', 'browser', 'opskit.js'))) {
    throw new Error('dist/browser/opskit.js is missing: run `npm run build` first');
  }
  const server = await serve();
  const { port } = server.address();
  const origin = expect === 'secure' ? `http://127.0.0.1:${port}` : `http://${INSECURE_HOST}:${port}`;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`,
    ],
  });
  let result;
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    tab.on('console', (msg) => {
      const type = msg.type();
      console.log(type === 'log' || type === 'info' ? msg.text() : `[console.${type}] ${msg.text()}`);
    });
    tab.on('pageerror', (err) => console.log(`[pageerror] ${err.stack ?? err.message}`));
    await tab.goto(`${origin}/`);
    await tab.waitForFunction(() => typeof globalThis.__opskitRun === 'function', null, { timeout: 30_000 });
    result = await Promise.race([
      tab.evaluate((opts) => globalThis.__opskitRun(opts), { expect, filter }),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`the run did not finish in ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS).unref()),
    ]);
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  const wantSecure = expect === 'secure';
  if (result.env.secureContext !== wantSecure || result.env.hasSubtle !== wantSecure) {
    console.log(`${label}: the page was ${result.env.secureContext ? 'a secure' : 'a non-secure'} context with${result.env.hasSubtle ? '' : 'out'} crypto.subtle; expected the ${expect} case`);
    return 1;
  }
  if (result.passed + result.failed === 0) console.log(`${label}: no test ran`);
  return result.failed === 0 && result.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    console.log(`${label}: 0 passed, 1 failed`);
    process.exit(1);
  },
);
