// Starts a real OpenStack Swift (Debian's packages) on 127.0.0.1 for the StorageClient tests, with
// scripts/swift/swift-local.sh; installs it first when this is root with apt-get (as scripts/test.mjs
// does for Chromium). A missing Swift FAILS the run with the exact command to fix it: never a skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../../scripts/swift/swift-local.sh', import.meta.url));
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends swift swift-proxy swift-account swift-container swift-object memcached';

export interface RealSwift {
  authUrl: string;
  user: string;
  key: string;
  user2: string;
  key2: string;
  proxyUrl: string;
  stop(): void;
}

function installed(): boolean {
  const r = spawnSync('sh', ['-c', 'command -v swift-proxy-server && command -v memcached && /usr/bin/python3 -c "import swift.common.ring"'], { stdio: 'ignore' });
  return r.status === 0;
}

/** Installs Swift when missing (root + apt-get), or throws with the command that would. */
export function ensureSwift(): void {
  if (installed()) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    const r = spawnSync('bash', [SCRIPT, 'install'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status === 0 && installed()) return;
    throw new Error(`installing Swift failed (exit ${r.status}); run: ${INSTALL}`);
  }
  throw new Error(`OpenStack Swift is not installed, and the StorageClient tests need a real one. Install it, then run the tests again:\n  ${root ? INSTALL : `sudo sh -c '${INSTALL}'`}`);
}

/** Starts Swift in a fresh temporary state directory; `stop()` ends every daemon and removes the directory. */
export function startSwift(): RealSwift {
  ensureSwift();
  const state = mkdtempSync(join(tmpdir(), 'opskit-swift-'));
  const r = spawnSync('bash', [SCRIPT, 'start', state], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
  if (r.status !== 0) {
    spawnSync('bash', [SCRIPT, 'stop', state], { stdio: 'ignore' });
    throw new Error(`Swift did not start (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const env = Object.fromEntries(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  let stopped = false;
  return {
    authUrl: env.SWIFT_AUTH_URL!,
    user: env.SWIFT_USER!,
    key: env.SWIFT_KEY!,
    user2: env.SWIFT_USER2!,
    key2: env.SWIFT_KEY2!,
    proxyUrl: env.SWIFT_PROXY_URL!,
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync('bash', [SCRIPT, 'stop', state], { stdio: 'ignore', timeout: 30_000 });
      rmSync(state, { recursive: true, force: true });
    },
  };
}
