import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Whether a path exists (any file type). */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** A file's text, or undefined when it does not exist. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** A file written completely under a temporary name, not yet in place. */
export interface Staged {
  path: string;
  temp: string;
}

/**
 * Writes `text` (exactly, no newline added) to a new temporary file beside `path` with `mode`,
 * creating the directory (0700) when needed. `commit` renames staged files into place, so a
 * failure before it leaves the real files untouched.
 */
export async function stage(path: string, text: string, mode: number): Promise<Staged> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // open()'s mode is filtered by the umask; make sure the file ends up exactly `mode`.
  await chmod(temp, mode);
  return { path, temp };
}

/** Renames staged files into place, in order. */
export async function commit(files: readonly Staged[]): Promise<void> {
  for (const f of files) await rename(f.temp, f.path);
}

/** Removes staged files that were not committed. */
export async function discard(files: readonly Staged[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.temp, { force: true })));
}
