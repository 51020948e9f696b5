#!/usr/bin/env node
// Lints every openapi/<api>.yaml with Redocly (rules in openapi/redocly.yaml). Errors fail; warnings print.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const specs = readdirSync(join(root, 'openapi'))
  .filter((f) => /\.ya?ml$/.test(f) && !/^redocly\.ya?ml$/.test(f))
  .sort()
  .map((f) => `openapi/${f}`);
if (specs.length === 0) {
  console.log('no specs in openapi/ to lint');
  process.exit(0);
}
const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'redocly.cmd' : 'redocly');
const r = spawnSync(bin, ['lint', '--config', 'openapi/redocly.yaml', ...specs], {
  cwd: root,
  stdio: 'inherit',
  // No network here and nothing to report to: keep Redocly from phoning home or nagging.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
if (r.error) throw r.error;
process.exit(r.status ?? 1);
