import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../../usage-error.js';
import type { CredentialFile } from './credential-files.js';

/** Why a credentials folder cannot be written; nothing was changed in it. A setup mistake: exit 2. */
export class CredentialFilesError extends UsageError {
  override name = 'CredentialFilesError';
}

/**
 * The files that would be replaced, so a run can refuse before it starts a server. Anything that
 * is not a regular file where a file belongs (a folder, a socket) is refused even with `force`.
 */
export async function existingFiles(dir: string, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = await lstat(path);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') continue;
      throw new CredentialFilesError(`cannot inspect ${path} (${(e as { code?: string }).code ?? 'unreadable'}); nothing was written`);
    }
    if (!info.isFile()) throw new CredentialFilesError(`${path} exists and is not a regular file; nothing was written`);
    found.push(path);
  }
  return found;
}

/**
 * Writes every file, mode 0600 (they hold keys and passwords), in folders created 0700. All or
 * nothing: each file is written completely under a temporary name first, and only when every one
 * is written are they renamed into place. Without `force` an existing file is refused (and
 * nothing is written).
 * @returns the absolute paths written.
 */
export async function writeCredentialFiles(dir: string, files: readonly CredentialFile[], force: boolean): Promise<string[]> {
  const present = await existingFiles(dir, files.map((f) => f.name));
  if (present.length > 0 && !force) {
    throw new CredentialFilesError(`${present.join(', ')} ${present.length === 1 ? 'exists' : 'exist'}; pass --force to replace ${present.length === 1 ? 'it' : 'them'} (nothing was written)`);
  }
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      const path = join(dir, file.name);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      staged.push({ temp, path });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(file.text);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (e) {
    await Promise.all(staged.map((s) => unlink(s.temp).catch(() => {})));
    throw new CredentialFilesError(`cannot write the credential files in ${dir} (${(e as { code?: string }).code ?? (e as Error).message}); nothing was written`);
  }
  for (const { temp, path } of staged) await rename(temp, path);
  return staged.map((s) => s.path);
}
