// The Python interpreter the benches compare with, resolved once to its real executable.
//
// `python3` on PATH may be a version manager's shim (pyenv's is a bash script that picks the
// version on every start: 0.25 s per process on the development machine, more than Python's own
// start-up). Whole-process timings must measure Python, not the shim, as `process.execPath`
// measures Node without any wrapper.
import { spawnSync } from 'node:child_process';

let resolved: { path: string } | { error: string } | undefined;

/** The last line a failed spawn printed, for the reason it gives. */
const lastLine = (r: { stderr: string; error?: Error }): string | undefined => (r.stderr || String(r.error)).trim().split('\n').pop();

/**
 * The interpreter's real path, after checking it can import `module` (e.g. `requests`), or the
 * reason it cannot be used.
 */
export function pythonWith(module: string): { path: string } | { error: string } {
  resolved ??= (() => {
    const r = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
    const path = r.status === 0 ? r.stdout.trim() : '';
    return path ? { path } : { error: `python3 is not available (${lastLine(r)})` };
  })();
  if ('error' in resolved) return resolved;
  const probe = spawnSync(resolved.path, ['-c', `import ${module}`], { encoding: 'utf8' });
  if (probe.status !== 0) return { error: `python3 with ${module} is not available (${lastLine(probe)})` };
  return resolved;
}
