import { randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';

/** What the credential store needs to know about a path. */
export interface FileInfo {
  isFile(): boolean;
  dev: number;
  ino: number;
}

/**
 * The file operations of the credential store, one per step, so a test can make any single
 * step fail (`Credential({ files })`). Errors are Node's (`code` such as `EEXIST`, `EISDIR`);
 * the store turns them into `CredentialError`s.
 */
export interface CredentialFiles {
  /** UTF-8 text of a file. */
  readFile(path: string): Promise<string>;
  stat(path: string): Promise<FileInfo>;
  /** `mkdir -p` with `mode` for the folders it creates. */
  mkdir(path: string, mode: number): Promise<void>;
  /** Creates `path`, which must not exist, with exactly `text` and `mode`, flushed to disk. */
  writeNew(path: string, text: string, mode: number): Promise<void>;
  /** Hard link: fails with `EEXIST` when `to` exists, which makes it an exclusive create. */
  link(from: string, to: string): Promise<void>;
  /** Atomic replace of `to`. */
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** The real file system. */
export const nodeFiles: CredentialFiles = Object.freeze({
  readFile: (path: string) => readFile(path, 'utf8'),
  stat: (path: string) => stat(path),
  mkdir: async (path: string, mode: number) => void (await mkdir(path, { recursive: true, mode })),
  async writeNew(path: string, text: string, mode: number) {
    const handle = await open(path, 'wx', mode);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open()'s mode is filtered by the umask; make sure the file ends up exactly `mode`.
    await chmod(path, mode);
  },
  link: (from: string, to: string) => link(from, to),
  rename: (from: string, to: string) => rename(from, to),
  unlink: (path: string) => unlink(path),
});

/** The `code` of a Node error (`ENOENT`, …), if it has one. */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A fresh name beside `path` for a file that is not in place yet (unique across processes and calls). */
export function siblingName(path: string, suffix: string): string {
  return `${path}.${randomUUID().slice(0, 13)}.${suffix}`;
}

/** Stat of `path`, or undefined when it does not exist. */
export async function statOrNone(files: CredentialFiles, path: string): Promise<FileInfo | undefined> {
  try {
    return await files.stat(path);
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return undefined;
    throw e;
  }
}

/** Removes `path`, ignoring every failure (clean-up of temporary files after an error or success). */
export async function removeQuietly(files: CredentialFiles, path: string | undefined): Promise<void> {
  if (path === undefined) return;
  try {
    await files.unlink(path);
  } catch {
    // Already gone, or not removable: nothing useful can be done about a temporary file here.
  }
}

/** True when both infos name the same file (so a clean-up removes only what this process wrote). */
export function sameFile(a: FileInfo | undefined, b: FileInfo | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}
