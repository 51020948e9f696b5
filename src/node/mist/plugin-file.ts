import { readFile, stat } from 'node:fs/promises';
import { ConfigError } from '../../core/errors/config-error.js';
import type { Machine, PluginReply, PythonPluginOptions } from '../../mist/index.js';

/**
 * Reads a python plugin file for `Machine.addPythonPlugin` (mist.client's `add_python_plugin` took
 * a path and read it itself).
 * @throws ConfigError when the path is not a readable file, or not UTF-8 text.
 */
export async function readPythonPlugin(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new ConfigError(`${path} is not a file or could not be found`);
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read ${path} (${e.code ?? e.message})`);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${path} is not UTF-8 text`);
  }
}

/** `machine.addPythonPlugin(name, <the file's text>, options)`: mist.client's call with a file path. */
export async function addPythonPluginFromFile(machine: Machine, name: string, path: string, options: PythonPluginOptions = {}): Promise<PluginReply> {
  return machine.addPythonPlugin(name, await readPythonPlugin(path), options);
}
