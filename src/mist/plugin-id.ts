import { ConfigError } from '../core/errors/config-error.js';

/**
 * The plugin id mist.io derives from a plugin name: lower-cased, every character outside
 * `[a-z0-9_]` replaced by `_`, runs of `_` collapsed, and a leading or trailing `_` dropped (the
 * server refuses both). mist.client 0.1.1 dropped TWO characters after a trailing `_` ("My
 * Plugin!" became `my_plugi`); this drops the underscore alone (see docs/compat.md).
 * @throws ConfigError when nothing usable is left (an empty name, or only punctuation).
 */
export function pluginIdFromName(name: string): string {
  if (typeof name !== 'string') throw new ConfigError('plugin name must be a string');
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (id === '') throw new ConfigError(`plugin name ${JSON.stringify(name)} has no letter or digit to make a plugin id from`);
  return id;
}

/**
 * mist.client 0.1.1's derivation, bug included, for matching plugins it deployed: a trailing `_`
 * takes the character before it along. Only for comparison; {@link pluginIdFromName} is what
 * opskit sends.
 */
export function upstreamPluginId(name: string): string {
  let id = name.toLowerCase().replace(/[^A-Za-z0-9_]/g, '_');
  while (id.includes('__')) id = id.replace(/\r?__/g, '_');
  if (id.endsWith('_')) id = id.slice(0, -2);
  if (id.startsWith('_')) id = id.slice(1);
  return id;
}

/** Whether the server accepts `id` as a plugin id (`[a-z0-9_]`, neither first nor last `_`). */
export function isValidPluginId(id: string): boolean {
  return /^[a-z0-9](?:[a-z0-9_]*[a-z0-9])?$/.test(id);
}
