import { ConfigError } from '../../core/errors/config-error.js';

/** Where upstream sends requests when the key file names no `server_url`. */
export const DEFAULT_SERVER = 'https://vigiles.lynx.com';

/** What a key file holds, in {@link Llapi} option names. */
export interface KeyFileConfig {
  email: string;
  key: string;
  /** `server_url` (Enterprise), trimmed, one trailing `/` removed; the default server otherwise. */
  url: string;
}

/**
 * Parses a LinuxLink / Vigiles key file (protocols §1.1): JSON with `email` and `organization_key`
 * or `key` (in that order, as vigiles-cli prefers them), and optionally `server_url`. Other fields
 * (`"enterprise": true`) are ignored. Values are trimmed.
 *
 * Unlike upstream, a missing or empty key is an error: upstream silently signs with an empty key
 * and every call then fails with 403.
 * @throws ConfigError for malformed JSON or a missing or non-string field; the message never
 *   contains the key.
 */
export function parseKeyFile(text: string): KeyFileConfig {
  const data = parseJsonObject(text, 'key file');
  const email = data.email;
  if (typeof email !== 'string' || email.trim() === '') throw new ConfigError("Invalid or missing data in key file: 'email' must be a non-empty string");
  const field = 'organization_key' in data ? 'organization_key' : 'key';
  const key = data[field];
  if (key === undefined) throw new ConfigError("Invalid or missing data in key file: no 'organization_key' or 'key'");
  if (typeof key !== 'string') throw new ConfigError(`Invalid or missing data in key file: '${field}' must be a string`);
  if (key.trim() === '') throw new ConfigError(`Invalid or missing data in key file: '${field}' is empty`);
  const server = data.server_url;
  if (server !== undefined && server !== null && typeof server !== 'string') {
    throw new ConfigError("Invalid or missing data in key file: 'server_url' must be a string");
  }
  const url = typeof server === 'string' && server.trim() !== '' ? server.trim().replace(/\/$/, '') : DEFAULT_SERVER;
  return { email: email.trim(), key: key.trim(), url };
}

/** A JSON object, or a ConfigError that says which file was malformed (without echoing its text). */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // SyntaxError messages quote the input, which may hold the key: keep only the position.
    const at = /position \d+/.exec((e as Error).message)?.[0];
    throw new ConfigError(`Unable to parse ${what}: not valid JSON${at ? ` (at ${at})` : ''}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`Unable to parse ${what}: expected a JSON object`);
  return data as Record<string, unknown>;
}
