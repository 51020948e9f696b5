import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '../../core/errors/config-error.js';

/** What `~/.mist` holds (mist.client's CLI config), camelCased. */
export interface MistConfig {
  /** `[mist.io] mist_uri` (default `https://mist.io`). */
  mistUri: string;
  /** `[mist.credentials] email`. */
  email?: string | undefined;
  /** `[mist.credentials] password`. */
  password?: string | undefined;
  /** `[mist.credentials] api_token` (an opskit addition: a token instead of a password). */
  apiToken?: string | undefined;
}

/** Sections → options (lower-cased names, as Python's ConfigParser keeps them). */
export type IniSections = Record<string, Record<string, string>>;

/**
 * Reads INI text the way mist.client's Python ConfigParser does: `[section]` headers, `name = value`
 * or `name: value`, `#`/`;` comment lines, ` ;` inline comments, continuation lines indented under
 * a value, option names case-insensitive. Unlike mist.client's `ConfigParser`, `%` is not
 * interpolated (a password with `%` in it is read as written).
 * @throws ConfigError naming the line (never its content) for an option outside a section or a
 *   line that is none of these.
 */
export function parseIni(text: string, source = 'config'): IniSections {
  const out: IniSections = Object.create(null) as IniSections;
  let section: Record<string, string> | undefined;
  let last: string | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const no = i + 1;
    if (line.trim() === '' || /^[#;]/.test(line) || /^rem(\s|$)/i.test(line)) {
      last = undefined;
      return;
    }
    if (/^\s/.test(line)) {
      if (!section || last === undefined) throw new ConfigError(`${source} line ${no}: an indented line that continues no value`);
      section[last] = `${section[last]}\n${stripInline(line.trim())}`;
      return;
    }
    const header = /^\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(line);
    if (header) {
      const name = header[1] as string;
      section = out[name] ??= Object.create(null) as Record<string, string>;
      last = undefined;
      return;
    }
    const option = /^([^=:\s][^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (!option) throw new ConfigError(`${source} line ${no}: expected "[section]" or "name = value"`);
    if (!section) throw new ConfigError(`${source} line ${no}: an option before any [section] header`);
    last = (option[1] as string).toLowerCase();
    section[last] = stripInline(option[2] as string);
  });
  return out;
}

/** `value ; comment` (a `;` after whitespace) ends the value, as in Python 2's ConfigParser. */
function stripInline(value: string): string {
  const at = value.search(/\s;/);
  return (at < 0 ? value : value.slice(0, at)).trim();
}

/** The `~/.mist` config path: `$MIST_CONFIG`, else `$HOME/.mist`. */
export function defaultMistConfigPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.MIST_CONFIG || join(env.HOME || homedir(), '.mist');
}

/** The MistConfig of INI text (`[mist.io] mist_uri`, `[mist.credentials] email, password, api_token`). */
export function parseMistConfig(text: string, source = '~/.mist'): MistConfig {
  const ini = parseIni(text, source);
  const io = ini['mist.io'] ?? {};
  const cred = ini['mist.credentials'] ?? {};
  const blank = (v: string | undefined) => (v === undefined || v === '' || v === 'None' ? undefined : v);
  return { mistUri: blank(io.mist_uri) ?? 'https://mist.io', email: blank(cred.email), password: blank(cred.password), apiToken: blank(cred.api_token) };
}

/** The INI text mist.client's CLI saves (`[mist.io] mist_uri`, `[mist.credentials] email, password`). */
export function formatMistConfig(config: MistConfig): string {
  for (const [name, value] of Object.entries(config)) {
    if (value !== undefined && (typeof value !== 'string' || /[\r\n]/.test(value))) throw new ConfigError(`mist config: ${name} must be one line of text`);
  }
  const lines = ['[mist.io]', `mist_uri=${config.mistUri}`, '', '[mist.credentials]', `email=${config.email ?? ''}`, `password=${config.password ?? ''}`];
  if (config.apiToken !== undefined) lines.push(`api_token=${config.apiToken}`);
  return `${lines.join('\n')}\n\n`;
}

/** Options of {@link readMistConfig}. */
export interface ReadMistConfigOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** File reader (default node:fs); tests pass a fake. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * Reads `~/.mist` (or `path`). Resolves with `undefined` when the file does not exist (mist.client
 * then prompts and offers to save one).
 * @throws ConfigError for a file that cannot be read or parsed, or is not UTF-8.
 */
export async function readMistConfig(path?: string, options: ReadMistConfigOptions = {}): Promise<MistConfig | undefined> {
  const file = path ?? defaultMistConfigPath(options.env);
  let bytes: Uint8Array;
  try {
    bytes = await (options.readFile ?? ((p: string) => readFile(p).then((b) => new Uint8Array(b))))(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return undefined;
    throw new ConfigError(`cannot read ${file} (${code ?? (e as Error).message})`, { cause: e });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${file} is not UTF-8 text`);
  }
  return parseMistConfig(text, file);
}

/**
 * Writes the config mist.client's CLI saves, readable by the owner only (mode 0600: it holds a
 * password; mist.client left it to the umask). Written to a temporary file and renamed, so a
 * crash never leaves half a file.
 */
export async function writeMistConfig(path: string, config: MistConfig): Promise<void> {
  const text = formatMistConfig(config);
  await mkdir(dirname(path), { recursive: true });
  const suffix = [...globalThis.crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const temp = `${path}.${suffix}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
    await chmod(path, 0o600);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
}
