// The console's own web server: the static app, the browser bundle, and two small JSON documents
// (where the simulators are, and — simulators only — their demo credentials).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * @param {{
 *   appDir: string,
 *   bundle: string,
 *   host: string,
 *   port: number,
 *   config: () => object,
 *   credentials: () => object,
 *   simPorts: () => number[],
 *   allowHost: (hostname: string) => boolean,
 * }} options
 */
export async function startStaticServer({ appDir, bundle, host, port, config, credentials, simPorts, allowHost }) {
  const readBundle = () => readKeepingLastGood(bundle);
  await readBundle();
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed', { allow: 'GET, HEAD' });
      const url = new URL(req.url ?? '/', 'http://console.invalid');
      const pageHost = hostnameOf(req.headers.host);
      // Only the console's own host names: a page elsewhere that rebinds its DNS name to
      // 127.0.0.1 must not read the simulators' credentials.
      if (!allowHost(pageHost)) return send(res, 421, 'text/plain', 'unknown host name');
      const headers = securityHeaders(pageHost, simPorts());
      if (url.pathname === '/config.json') return send(res, 200, TYPES['.json'], JSON.stringify(config()), headers);
      if (url.pathname === '/sim-credentials.json') return send(res, 200, TYPES['.json'], JSON.stringify(credentials()), headers);
      if (url.pathname === '/opskit.js') return send(res, 200, TYPES['.js'], await readBundle(), headers);
      const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^[/\\]+/, '');
      if (rel.split(sep).includes('..')) return send(res, 404, 'text/plain', 'not found', headers);
      const file = join(appDir, rel);
      if (!(await stat(file).catch(() => null))?.isFile()) return send(res, 404, 'text/plain', 'not found', headers);
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), headers);
    } catch (err) {
      return send(res, 500, 'text/plain', err instanceof Error ? err.message : String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The bundle is read on every request (a rebuild shows on reload), but the last good copy is kept:
 * while `npm run build` rewrites dist/ the file is briefly missing.
 */
const lastGood = new Map();
async function readKeepingLastGood(file) {
  try {
    lastGood.set(file, await readFile(file));
  } catch (err) {
    if (!lastGood.has(file)) throw err;
  }
  return lastGood.get(file);
}

function hostnameOf(hostHeader) {
  try {
    return new URL(`http://${hostHeader ?? ''}`).hostname;
  } catch {
    return '';
  }
}

/**
 * A strict Content-Security-Policy: scripts and styles only from this origin (no inline code),
 * network access only to this origin and the simulators on the host the page was loaded from.
 */
function securityHeaders(pageHost, ports) {
  const connect = ports.map((p) => `http://${pageHost.includes(':') ? `[${pageHost}]` : pageHost}:${p}`).join(' ');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      `connect-src 'self' ${connect}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}
