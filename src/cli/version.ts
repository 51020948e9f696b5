import { readFileSync } from 'node:fs';

// Replaced by the build with the package version (a string literal); absent when the
// sources run directly under tsx, where package.json is read instead.
declare const __OPSKIT_VERSION__: string | undefined;

/** The opskit version, or `'unknown'` when it cannot be determined. */
export function version(): string {
  if (typeof __OPSKIT_VERSION__ === 'string') return __OPSKIT_VERSION__;
  try {
    // src/cli/version.ts and dist/cli/opskit.cjs both sit two levels below the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
