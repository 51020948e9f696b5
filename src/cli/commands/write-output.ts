import type { CliIo } from '../io.js';
import { fileProblem } from '../read-file.js';
import { UsageError } from '../usage-error.js';

/**
 * Writes `-o FILE` (mode 0600, folders created): an existing file is kept unless `force`. Every
 * failure is a usage error naming the file, and nothing is half-written by the shell redirect
 * that `-o` replaces.
 */
export async function writeOutputFile(io: CliIo, path: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await io.writeFile(path, bytes, { mode: 0o600, exclusive: !force });
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'EEXIST') throw new UsageError(`${path} exists; pass -f/--force to replace it`);
    throw new UsageError(`cannot write ${path}: ${fileProblem(e)}`);
  }
}
