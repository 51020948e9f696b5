import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** Why a file could not be read, in words (Node's codes mean little to most people). */
export function fileProblem(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return typeof code === 'string' ? `unreadable (${code})` : 'unreadable';
  }
}

/**
 * Reads a file named on the command line; a missing or unreadable file is one clear usage error
 * (exit 2) that names it and says why, never a raw `ENOENT`.
 * @param what what the file is, for the message (`key file`, `metadata file`)
 */
export async function readInputFile(io: CliIo, path: string, what: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${fileProblem(e)}`);
  }
}
