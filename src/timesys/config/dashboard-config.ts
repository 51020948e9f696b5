import { ConfigError } from '../../core/errors/config-error.js';
import { parseJsonObject } from './key-file.js';

/** What a dashboard config holds, in {@link Llapi} option names. */
export interface DashboardConfig {
  groupToken: string;
  /** Present only when the config names a folder. */
  folderToken?: string;
}

/**
 * Parses a dashboard config downloaded from a Group or Folder page (protocols §1.2). The group
 * token is `group` when that key exists, else the legacy `product`; `"group": ""` does not fall
 * back to `product`. The folder token is `folder`, when present. Values are trimmed.
 * @throws ConfigError for malformed JSON or an empty group token.
 */
export function parseDashboardConfig(text: string): DashboardConfig {
  const data = parseJsonObject(text, 'dashboard config');
  const raw = 'group' in data ? data.group : 'product' in data ? data.product : '';
  if (typeof raw !== 'string' || raw.trim() === '') throw new ConfigError("Invalid or missing 'group' or 'product' data in dashboard config");
  const folder = data.folder;
  if (folder !== undefined && folder !== null && typeof folder !== 'string') {
    throw new ConfigError("Invalid 'folder' data in dashboard config: expected a string");
  }
  const folderToken = typeof folder === 'string' && folder.trim() !== '' ? folder.trim() : undefined;
  return folderToken === undefined ? { groupToken: raw.trim() } : { groupToken: raw.trim(), folderToken };
}
