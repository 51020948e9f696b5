import { readdir, readFile, writeFile, mkdir, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../core/errors/config-error.js';

/**
 * A node-triton profile: what `triton profile create` saves in `~/.triton/profiles.d/NAME.json`
 * (the file has no `name`; it is the file name), or the `env` profile made from `TRITON_*` /
 * `SDC_*` variables.
 */
export interface TritonProfile {
  name: string;
  url: string;
  account: string;
  keyId: string;
  insecure?: boolean;
  user?: string;
  roles?: string[];
  actAsAccount?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Where node-triton keeps its config: `$XDG_CONFIG_HOME/triton`, else `~/.triton`. */
export function tritonConfigDir(env: Env = process.env): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'triton');
  return join(env.HOME || homedir(), '.triton');
}

/** Options of the profile functions. */
export interface TritonProfileOptions {
  /** Environment (default `process.env`): `TRITON_PROFILE`, `TRITON_*`/`SDC_*`, `HOME`. */
  env?: Env;
  /** node-triton's config folder (default {@link tritonConfigDir}). */
  configDir?: string;
}

const FIELDS = new Set(['name', 'url', 'account', 'keyId', 'insecure', 'user', 'roles', 'actAsAccount']);
const isNotFound = (e: unknown) => (e as { code?: unknown } | null)?.code === 'ENOENT';

function bool(raw: string, name: string): boolean {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)?$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false`);
}

/**
 * The `env` profile, as node-triton builds it: `TRITON_URL`/`SDC_URL`, `TRITON_ACCOUNT`/
 * `SDC_ACCOUNT`, `TRITON_KEY_ID`/`SDC_KEY_ID` (all three needed, else there is none: undefined),
 * `TRITON_USER`/`SDC_USER`, `TRITON_ACT_AS`, `TRITON_TLS_INSECURE`/`SDC_TLS_INSECURE` (or any
 * `SDC_TESTING`).
 */
export function envProfile(env: Env = process.env): TritonProfile | undefined {
  const pick = (name: string) => env[`TRITON_${name}`] || env[`SDC_${name}`] || undefined;
  const url = pick('URL');
  const account = pick('ACCOUNT');
  const keyId = pick('KEY_ID');
  if (!url || !account || !keyId) return undefined;
  const p: TritonProfile = { name: 'env', url, account, keyId };
  const user = pick('USER');
  if (user) p.user = user;
  if (env.TRITON_ACT_AS) p.actAsAccount = env.TRITON_ACT_AS;
  if (env.TRITON_TLS_INSECURE) p.insecure = bool(env.TRITON_TLS_INSECURE, 'TRITON_TLS_INSECURE');
  else if (env.SDC_TLS_INSECURE) p.insecure = bool(env.SDC_TLS_INSECURE, 'SDC_TLS_INSECURE');
  else if (env.SDC_TESTING) p.insecure = true;
  return p;
}

/** Checks a profile read from a file; node-triton's rules (required fields, no unknown ones). */
function checkProfile(raw: unknown, name: string, source: string): TritonProfile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`profile "${name}" (${source}) is not a JSON object`);
  const p = raw as Record<string, unknown>;
  if ('name' in p) throw new ConfigError(`profile "${name}" (${source}) must not include a "name" field (the file name is the name)`);
  for (const field of ['url', 'account', 'keyId'] as const) {
    if (typeof p[field] !== 'string' || p[field] === '') throw new ConfigError(`profile "${name}" (${source}) needs a "${field}" string`);
  }
  if (p.insecure !== undefined && typeof p.insecure !== 'boolean') throw new ConfigError(`profile "${name}" (${source}): "insecure" must be true or false`);
  for (const field of ['user', 'actAsAccount'] as const) {
    if (p[field] !== undefined && typeof p[field] !== 'string') throw new ConfigError(`profile "${name}" (${source}): "${field}" must be a string`);
  }
  if (p.roles !== undefined && !(Array.isArray(p.roles) && p.roles.every((r) => typeof r === 'string'))) throw new ConfigError(`profile "${name}" (${source}): "roles" must be a list of strings`);
  const bogus = Object.keys(p).filter((k) => !FIELDS.has(k));
  if (bogus.length) throw new ConfigError(`profile "${name}" (${source}) has fields node-triton does not know: ${bogus.join(', ')}`);
  return { ...(p as unknown as Omit<TritonProfile, 'name'>), name };
}

function checkName(name: string): void {
  if (!/^[\w.@-]+$/.test(name) || name.startsWith('.')) throw new ConfigError(`a profile name is letters, digits and . _ @ - (got ${JSON.stringify(name.slice(0, 40))})`);
}

/** The path of a named profile's file. */
export function profilePath(name: string, options: TritonProfileOptions = {}): string {
  checkName(name);
  return join(options.configDir ?? tritonConfigDir(options.env), 'profiles.d', `${name}.json`);
}

/**
 * The current profile's name, as `triton` chooses it: `TRITON_PROFILE`, else `profile` in
 * `config.json`, else `env`. (A `-p NAME` on the command line comes before all of them.)
 */
export async function currentProfileName(options: TritonProfileOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  if (env.TRITON_PROFILE) return env.TRITON_PROFILE;
  const config = await readConfig(options);
  return typeof config.profile === 'string' && config.profile ? config.profile : 'env';
}

async function readConfig(options: TritonProfileOptions): Promise<Record<string, unknown>> {
  const path = join(options.configDir ?? tritonConfigDir(options.env), 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (isNotFound(e)) return {};
    throw new ConfigError(`cannot read ${path}: ${(e as { code?: string }).code ?? 'unreadable'}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw new ConfigError(`${path} is not valid JSON`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`${path} is not a JSON object`);
  return config as Record<string, unknown>;
}

/**
 * Loads a profile by name (`env` is made from the environment). Unknown names, files that are
 * not JSON or miss a field are `ConfigError`s that name the profile and file.
 */
export async function loadTritonProfile(name: string, options: TritonProfileOptions = {}): Promise<TritonProfile> {
  if (name === 'env') {
    const p = envProfile(options.env ?? process.env);
    if (!p) throw new ConfigError('the "env" profile needs TRITON_URL, TRITON_ACCOUNT and TRITON_KEY_ID (or their SDC_* names)');
    return p;
  }
  const path = profilePath(name, options);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (isNotFound(e)) throw new ConfigError(`no such profile: ${name} (no ${path})`);
    throw new ConfigError(`cannot read profile ${path}: ${(e as { code?: string }).code ?? 'unreadable'}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`profile "${name}" (${path}) is not valid JSON`);
  }
  return checkProfile(raw, name, path);
}

/** Every profile (`env` first when the environment makes one, then the files by name); bad files are skipped, as node-triton does. */
export async function listTritonProfiles(options: TritonProfileOptions = {}): Promise<TritonProfile[]> {
  const out: TritonProfile[] = [];
  const env = envProfile(options.env ?? process.env);
  if (env) out.push(env);
  const dir = join(options.configDir ?? tritonConfigDir(options.env), 'profiles.d');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if (isNotFound(e)) return out;
    throw new ConfigError(`cannot read ${dir}: ${(e as { code?: string }).code ?? 'unreadable'}`);
  }
  for (const file of names.sort()) {
    if (!file.endsWith('.json')) continue;
    const name = file.slice(0, -'.json'.length);
    if (name.toLowerCase() === 'env') continue;
    try {
      out.push(await loadTritonProfile(name, options));
    } catch {
      // node-triton logs and skips a profile it cannot read.
    }
  }
  return out;
}

/** Saves a profile as `triton profile create` does (the file without `name`; folders created). */
export async function saveTritonProfile(profile: TritonProfile, options: TritonProfileOptions = {}): Promise<string> {
  if (profile.name === 'env') throw new ConfigError('the "env" profile comes from the environment; it cannot be saved');
  const path = profilePath(profile.name, options);
  const { name, ...rest } = profile;
  checkProfile(rest, name, path);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(rest, null, 4)}\n`, 'utf8');
  return path;
}

/** Deletes a saved profile. */
export async function deleteTritonProfile(name: string, options: TritonProfileOptions = {}): Promise<void> {
  if (name === 'env') throw new ConfigError('the "env" profile comes from the environment; it cannot be deleted');
  const path = profilePath(name, options);
  try {
    await unlink(path);
  } catch (e) {
    if (isNotFound(e)) throw new ConfigError(`no such profile: ${name}`);
    throw e;
  }
}

/**
 * Makes `name` the current profile (`triton profile set-current`): `profile` in `config.json`,
 * the previous one kept as `oldProfile`; `-` switches back to `oldProfile`.
 * @returns the name now current
 */
export async function setCurrentTritonProfile(name: string, options: TritonProfileOptions = {}): Promise<string> {
  const config = await readConfig(options);
  const target = name === '-' ? config.oldProfile : name;
  if (typeof target !== 'string' || target === '') throw new ConfigError('no previous profile to switch back to');
  if (target !== 'env') await loadTritonProfile(target, options);
  if (typeof config.profile === 'string') config.oldProfile = config.profile;
  config.profile = target;
  const dir = options.configDir ?? tritonConfigDir(options.env);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 4)}\n`, 'utf8');
  return target;
}
