import { dirname } from 'node:path';
import { CredentialError } from './credential-error.js';
import { errnoOf, removeQuietly, sameFile, siblingName, statOrNone, type CredentialFiles } from './files.js';

/** Where a key + credential pair lives. */
export interface PairTarget {
  keyPath: string;
  credPath: string;
  /** Mode of the files written. */
  mode: number;
  files: CredentialFiles;
}

// Hard links are how a file is created exclusively AND whole; these file systems have none.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** A Node error as a one-line reason (its code; never file contents). */
function reason(e: unknown): string {
  return errnoOf(e) ?? (e instanceof Error ? e.message : String(e));
}

/** Wraps a file-system failure in a CredentialError that says what was (not) changed. */
function failure(action: string, path: string, e: unknown, outcome: string): CredentialError {
  if (e instanceof CredentialError) return e;
  return new CredentialError(`cannot ${action} ${path} (${reason(e)}); ${outcome}`, { cause: e });
}

/** The refusal to replace an existing file without `overwrite`. */
export function refuseExisting(path: string): CredentialError {
  return new CredentialError(`${path} exists; pass overwrite: true (CLI: --force) to replace it`);
}

async function ensureFolders(t: PairTarget): Promise<void> {
  for (const dir of new Set([dirname(t.keyPath), dirname(t.credPath)])) {
    try {
      await t.files.mkdir(dir, 0o700);
    } catch (e) {
      throw failure('create folder', dir, e, 'nothing was written');
    }
  }
}

/** Writes `text` under a fresh temporary name beside `path`; the name is pushed to `staged` for clean-up. */
async function stage(t: PairTarget, path: string, text: string, staged: string[]): Promise<string> {
  const temp = siblingName(path, 'tmp');
  staged.push(temp);
  await t.files.writeNew(temp, text, t.mode);
  return temp;
}

/** Puts the complete file `temp` at `path` only if nothing is there (EEXIST otherwise). */
async function placeExclusively(t: PairTarget, temp: string, path: string, text: string): Promise<void> {
  try {
    await t.files.link(temp, path);
  } catch (e) {
    if (!NO_HARD_LINKS.has(errnoOf(e) ?? '')) throw e;
    // Still exclusive ('wx'), though a reader could see the file before it is whole.
    await t.files.writeNew(path, text, t.mode);
  }
}

/**
 * Creates the credential file, and the key file when `key` is given, where none exists. The
 * credential is created first, exclusively (a hard link of a complete temporary file): of any
 * number of concurrent creators exactly one gets past that step, and only that one writes the
 * key. Nothing is left behind by a creator that loses or fails.
 * @throws CredentialError naming the file that exists, or the step that failed.
 */
export async function createPair(t: PairTarget, key: string | undefined, token: string): Promise<void> {
  await ensureFolders(t);
  const staged: string[] = [];
  try {
    let credTemp: string;
    let keyTemp: string | undefined;
    try {
      credTemp = await stage(t, t.credPath, token, staged);
      keyTemp = key === undefined ? undefined : await stage(t, t.keyPath, key, staged);
    } catch (e) {
      throw failure('write a temporary file beside', t.credPath, e, 'nothing was written');
    }
    try {
      await placeExclusively(t, credTemp, t.credPath, token);
    } catch (e) {
      if (errnoOf(e) === 'EEXIST') throw refuseExisting(t.credPath);
      throw failure('create', t.credPath, e, 'nothing was written');
    }
    if (keyTemp === undefined || key === undefined) return;
    try {
      await placeExclusively(t, keyTemp, t.keyPath, key);
    } catch (e) {
      // Take our credential back (only if it is still ours): it is useless without its key.
      const [mine, placed] = await Promise.all([statOrNone(t.files, credTemp), statOrNone(t.files, t.credPath)]);
      let undone = true;
      if (sameFile(mine, placed)) {
        try {
          await t.files.unlink(t.credPath);
        } catch {
          undone = false;
        }
      }
      const outcome = undone ? 'nothing was written' : `remove ${t.credPath} by hand: its key could not be written`;
      if (errnoOf(e) === 'EEXIST') throw new CredentialError(`${t.keyPath} was created by someone else meanwhile; ${outcome}`, { cause: e });
      throw failure('create', t.keyPath, e, outcome);
    }
  } finally {
    for (const temp of staged) await removeQuietly(t.files, temp);
  }
}

/**
 * Replaces the credential file, and the key file when `key` is given, as one transaction:
 * both new files are written completely first; the old key is kept under a backup name while the
 * new one goes in; if putting the credential in place then fails, the old key is put back, so
 * the old pair still decrypts whatever step failed. Concurrent replacements are serialised by a
 * lock file beside the credential.
 * @throws CredentialError naming the step that failed and what state the files are in.
 */
export async function replacePair(t: PairTarget, key: string | undefined, token: string): Promise<void> {
  await ensureFolders(t);
  await withLock(t, async () => {
    const staged: string[] = [];
    let backup: string | undefined;
    let keepBackup = false;
    let newKey: string | undefined; // the key file we put in place, until the credential follows
    try {
      let keyTemp: string | undefined;
      let credTemp: string;
      try {
        keyTemp = key === undefined ? undefined : await stage(t, t.keyPath, key, staged);
        credTemp = await stage(t, t.credPath, token, staged);
      } catch (e) {
        throw failure('write a temporary file beside', t.credPath, e, 'the old key and credential are unchanged');
      }
      if (keyTemp !== undefined) {
        try {
          if ((await statOrNone(t.files, t.keyPath)) !== undefined) {
            backup = siblingName(t.keyPath, 'bak');
            await keepCopy(t, t.keyPath, backup);
          }
        } catch (e) {
          throw failure('back up', t.keyPath, e, 'the old key and credential are unchanged');
        }
        try {
          await t.files.rename(keyTemp, t.keyPath);
        } catch (e) {
          throw failure('replace', t.keyPath, e, 'the old key and credential are unchanged');
        }
        newKey = t.keyPath;
      }
      try {
        await t.files.rename(credTemp, t.credPath);
        newKey = undefined;
      } catch (e) {
        if (newKey === undefined) throw failure('replace', t.credPath, e, 'the old key and credential are unchanged');
        const restored = await restoreKey(t, backup);
        if (restored === true) throw failure('replace', t.credPath, e, 'the old key was put back: the old key and credential are unchanged');
        keepBackup = backup !== undefined;
        const where = backup === undefined ? `remove ${t.keyPath}` : `the old key is in ${backup}: rename it to ${t.keyPath}`;
        throw new CredentialError(`cannot replace ${t.credPath} (${reason(e)}), and the old key could not be put back (${restored}); ${where}`, { cause: e });
      }
    } finally {
      for (const temp of staged) await removeQuietly(t.files, temp);
      if (!keepBackup) await removeQuietly(t.files, backup);
    }
  });
}

/** A second name for the old key (hard link; a copy where the file system has no links). */
async function keepCopy(t: PairTarget, path: string, copy: string): Promise<void> {
  try {
    await t.files.link(path, copy);
  } catch (e) {
    if (!NO_HARD_LINKS.has(errnoOf(e) ?? '')) throw e;
    await t.files.writeNew(copy, await t.files.readFile(path), t.mode);
  }
}

/** Puts the old key back (or removes the new one when there was none): true, or why not. */
async function restoreKey(t: PairTarget, backup: string | undefined): Promise<true | string> {
  try {
    if (backup !== undefined) await t.files.rename(backup, t.keyPath);
    else await t.files.unlink(t.keyPath);
    return true;
  } catch (e) {
    return reason(e);
  }
}

/**
 * Runs `fn` holding `<credPath>.lock` (created exclusively, holding the pid). A lock whose
 * process is gone is stale and taken over; one held by a live process is a CredentialError.
 */
async function withLock(t: PairTarget, fn: () => Promise<void>): Promise<void> {
  const lock = `${t.credPath}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      await t.files.writeNew(lock, String(process.pid), 0o600);
      break;
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw failure('create lock file', lock, e, 'the old key and credential are unchanged');
      if (attempt > 0 || !(await lockIsStale(t, lock))) {
        throw new CredentialError(`another process is replacing ${t.credPath} (lock file ${lock}); try again, or remove the lock file if no opskit is running`);
      }
      await removeQuietly(t.files, lock);
    }
  }
  try {
    await fn();
  } finally {
    await removeQuietly(t.files, lock);
  }
}

/** A lock left by a process that no longer runs. An empty lock is being written: not stale. */
async function lockIsStale(t: PairTarget, lock: string): Promise<boolean> {
  let text: string;
  try {
    text = await t.files.readFile(lock);
  } catch (e) {
    return errnoOf(e) === 'ENOENT';
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return errnoOf(e) === 'ESRCH';
  }
}
