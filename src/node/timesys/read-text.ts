import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors/config-error.js';

/** Reads a whole file (injectable so the CLI can route reads through its I/O). */
export type ReadFile = (path: string) => Promise<Uint8Array>;

const fsRead: ReadFile = async (path) => new Uint8Array(await readFile(path));

/** `~/…` → the home directory, as Python's `os.path.expanduser`. */
export function expandHome(path: string, home: string = homedir()): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/**
 * Decodes a file the way the upstream CLI opens it (text mode, universal newlines): UTF-8, with
 * CRLF and lone CR turned into LF. That text is what is sent and signed, so an upload of a file
 * with Windows line endings matches the Python CLI's byte for byte.
 */
export function textModeDecode(bytes: Uint8Array, path: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ConfigError(`Unable to read file: ${path} (not UTF-8 text)`);
  }
  return text.replace(/\r\n?/g, '\n');
}

async function read(path: string, what: string, readFileFn: ReadFile): Promise<Uint8Array> {
  try {
    return await readFileFn(path);
  } catch (e) {
    throw new ConfigError(`Unable to read ${what}: ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  }
}

/**
 * A manifest (or kernel / U-Boot config) file as upstream's CLI reads it: see {@link textModeDecode}.
 * `~/` is expanded.
 * @throws ConfigError naming the path when the file cannot be read or is not UTF-8.
 */
export async function readManifestText(path: string, readFileFn: ReadFile = fsRead): Promise<string> {
  return textModeDecode(await read(expandHome(path), 'file', readFileFn), path);
}

/** A config file's text (the path already expanded), or upstream's "Unable to read <what>: <path>" as a ConfigError. */
export async function readConfigFile(path: string, what: string, readFileFn: ReadFile = fsRead): Promise<string> {
  const bytes = await read(path, what, readFileFn);
  return new TextDecoder().decode(bytes);
}
