// Benches that measure the package as an app loads it (whole processes, bundles) need dist/ to be
// there and current: this builds it when a file is missing or older than the newest file in src/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time under a directory. */
function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) t = Math.max(t, statSync(join(dir, name)).mtimeMs);
  return t;
}

/** Runs `npm run build` (rollup) unless every one of `files` (absolute) exists and is newer than src/. */
export function ensureDist(who: string, files: readonly string[]): void {
  const src = newest(join(root, 'src'));
  if (files.every((f) => existsSync(f) && statSync(f).mtimeMs >= src)) return;
  console.error(`${who}: dist is missing or older than src/; running \`npm run build\` first`);
  const r = spawnSync(join(root, 'node_modules', '.bin', 'rollup'), ['-c', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}
