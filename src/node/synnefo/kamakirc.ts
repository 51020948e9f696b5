import { readFile as fsReadFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors/config-error.js';

/**
 * kamaki's configuration file (`~/.kamakirc`, or `$KAMAKI_CONFIG`), as kamaki's Python 2
 * `RawConfigParser` reads it:
 *
 * ```ini
 * [global]
 * default_cloud = okeanos
 *
 * [cloud "okeanos"]
 * url = https://accounts.okeanos.grnet.gr/identity/v2.0
 * token = <token> [<more tokens, space-separated>]
 * pithos_container = pithos
 * ```
 *
 * Option names are case-insensitive (stored lower-case), `=` or `:` separates name and value,
 * `#` and `;` start comment lines (`;` after whitespace also ends a value), indented lines
 * continue the previous value. A pre-0.9 file with `url`/`token` in `[global]` is read as the
 * cloud `default`, as kamaki's rescue does.
 */
export interface KamakiConfig {
  /** Where it was read from (for messages). */
  readonly path: string;
  /** The `[global]` options (`default_cloud`, `log_file`, `*_cli`, …). */
  readonly global: Readonly<Record<string, string>>;
  /** `[cloud "<name>"]` sections by cloud name. */
  readonly clouds: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Other sections (kept, unused). */
  readonly sections: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** One cloud, ready for a client: its name, auth URL and token(s), and its other options. */
export interface KamakiCloud {
  readonly name: string;
  /** The Astakos auth URL (`url`). */
  readonly url: string;
  /** The current token: the first of the `token` value. */
  readonly token: string;
  /** Every token of the `token` value (kamaki keeps alternative users there). */
  readonly tokens: readonly string[];
  /** The cloud's other options (`pithos_container`, `pithos_uuid`, `*_type`, `*_version`, …). */
  readonly options: Readonly<Record<string, string>>;
}

const CLOUD_SECTION = /^cloud\s+"([~@#$.:\-\w]+)"$/;
const SECTION = /^\[([^\]]+)\]\s*$/;
const OPTION = /^([^:=\s][^:=]*?)\s*[:=]\s*(.*)$/;

/**
 * Parses kamakirc text. A malformed file is a ConfigError naming the file and the line number
 * (never the line itself: it may hold a token).
 */
export function parseKamakirc(text: string, path = '.kamakirc'): KamakiConfig {
  const sections = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  let last: string | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const where = `${path}, line ${i + 1}`;
    if (line.trim() === '' || /^[#;]/.test(line) || /^rem(\s|$)/i.test(line)) {
      return;
    }
    if (/^\s/.test(line)) {
      // A continuation line belongs to the option above it.
      if (!current || last === undefined) throw new ConfigError(`${where}: a continuation line with no option above it`);
      current[last] = `${current[last]}\n${line.trim()}`;
      return;
    }
    const s = SECTION.exec(line);
    if (s) {
      const name = (s[1] as string).trim();
      if (name.startsWith('cloud ') && !CLOUD_SECTION.test(name)) throw new ConfigError(`${where}: invalid cloud section name (use [cloud "NAME"] with letters, digits and ~@#$.:-_)`);
      current = sections.get(name) ?? {};
      sections.set(name, current);
      last = undefined;
      return;
    }
    if (!current) throw new ConfigError(`${where}: the file contains no section header before its first option`);
    const o = OPTION.exec(line);
    if (!o) throw new ConfigError(`${where}: expected "name = value"`);
    let value = (o[2] as string).trim();
    const semi = value.search(/\s;/);
    if (semi !== -1) value = value.slice(0, semi).trimEnd();
    last = (o[1] as string).trim().toLowerCase();
    current[last] = value;
  });

  const global: Record<string, string> = { ...(sections.get('global') ?? {}) };
  const clouds: Record<string, Record<string, string>> = {};
  const other: Record<string, Record<string, string>> = {};
  for (const [name, values] of sections) {
    const m = CLOUD_SECTION.exec(name);
    if (m) clouds[m[1] as string] = { ...(clouds[m[1] as string] ?? {}), ...values };
    else if (name !== 'global') other[name] = values;
  }
  // kamaki's rescue of old files: global.url / global.token become the "default" cloud.
  for (const key of ['url', 'token'] as const) {
    if (global[key] === undefined) continue;
    const target = global.default_cloud || 'default';
    clouds[target] = { [key]: global[key] as string, ...(clouds[target] ?? {}) };
    delete global[key];
  }
  return { path, global, clouds, sections: other };
}

/**
 * The cloud to use (kamaki's rules): `name` if given, else `global.default_cloud`, else the only
 * cloud there is. It must have a `url` and a `token`. ConfigErrors say what is missing and never
 * quote a token.
 */
export function resolveCloud(config: KamakiConfig, name?: string): KamakiCloud {
  const names = Object.keys(config.clouds);
  let chosen = name ?? config.global.default_cloud;
  if (!chosen) {
    if (names.length === 1) chosen = names[0] as string;
    else if (names.length === 0) throw new ConfigError(`${config.path}: no cloud is configured; add a [cloud "NAME"] section with url and token`);
    else throw new ConfigError(`${config.path}: several clouds (${names.join(', ')}) and no default_cloud in [global]; pass --cloud NAME`);
  }
  const cloud = config.clouds[chosen];
  if (!cloud) throw new ConfigError(`${config.path}: no cloud named ${JSON.stringify(chosen)}${names.length ? ` (clouds: ${names.join(', ')})` : ''}`);
  const url = cloud.url?.trim();
  if (!url) throw new ConfigError(`${config.path}: cloud ${JSON.stringify(chosen)} has no url (the Astakos authentication URL)`);
  const tokens = (cloud.token ?? '').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw new ConfigError(`${config.path}: cloud ${JSON.stringify(chosen)} has no token`);
  const { url: _u, token: _t, ...options } = cloud;
  return { name: chosen, url, token: tokens[0] as string, tokens, options };
}

/** Options of {@link loadKamakirc}. */
export interface LoadKamakircOptions {
  /** The file (default `$KAMAKI_CONFIG`, else `~/.kamakirc`). */
  path?: string;
  /** Environment to read `KAMAKI_CONFIG` and `HOME` from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** How to read the file (default `fs.readFile`); the CLI passes its own. */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** Where kamaki looks for its config: `$KAMAKI_CONFIG`, else `~/.kamakirc`. */
export function kamakircPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.KAMAKI_CONFIG) return env.KAMAKI_CONFIG;
  return join(env.HOME || env.USERPROFILE || homedir(), '.kamakirc');
}

/** Reads and parses kamaki's config file. A missing or unreadable file is a ConfigError. */
export async function loadKamakirc(options: LoadKamakircOptions = {}): Promise<KamakiConfig> {
  const path = options.path ?? kamakircPath(options.env);
  const read = options.readFile ?? (async (p: string) => new Uint8Array(await fsReadFile(p)));
  let bytes: Uint8Array;
  try {
    bytes = await read(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ConfigError(`cannot read kamaki config ${path}${code === 'ENOENT' ? ': no such file (create it, or pass -c FILE)' : code ? ` (${code})` : ''}`, { cause: e });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${path}: not UTF-8 text`);
  }
  return parseKamakirc(text, path);
}
