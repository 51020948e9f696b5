// The Fernet scenario on both engines (portable and node:crypto) in Node, Deno and Bun, from the
// TypeScript sources (test/interop/fernet-engines.mjs). Deno and Bun resolve opskit/crypto's `node`
// export condition like Node does, so the node:crypto engine is the one their users get; Chromium
// (test/runtime/chromium.mjs, with and without crypto.subtle) gets the portable one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const script = 'test/interop/fernet-engines.mjs';

const RUNTIMES: ReadonlyArray<[string, string, string[]]> = [
  ['node', process.execPath, ['--import', 'tsx', script]],
  // Sloppy imports: the sources import `./x.js` for `./x.ts`, which Node (tsx) and Bun map themselves.
  ['deno', bin('deno'), ['run', '--allow-read', '--allow-env', '--no-prompt', '--no-lock', '--unstable-sloppy-imports', script]],
  ['bun', bin('bun'), [script]],
];

for (const [runtime, command, args] of RUNTIMES) {
  test(`${runtime}: the Fernet scenario passes on the portable and the node:crypto engine, and on node:crypto at every size`, () => {
    const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, `${runtime} exited ${r.status ?? r.signal}:\n${out.slice(-3000)}`);
    for (const engine of ['portable', 'node:crypto', 'node:crypto at every size']) {
      const m = new RegExp(`^${runtime} ${engine}: (\\d+) passed, (\\d+) failed$`, 'm').exec(r.stdout);
      assert.ok(m, `${runtime} printed no summary for ${engine}:\n${out.slice(-3000)}`);
      assert.ok(Number(m[1]) >= 9 && Number(m[2]) === 0, m[0]);
    }
  });
}
