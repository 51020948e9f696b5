import { homedir } from 'node:os';
import { checkOptions } from '../../core/options.js';
import { Llapi, parseDashboardConfig, parseKeyFile, type LlapiOptions } from '../../timesys/index.js';
import { LLAPI_ALIASES, LLAPI_OPTIONS } from '../../timesys/option-names.js';
import { expandHome, readConfigFile, readManifestText, type ReadFile } from './read-text.js';

/** The key file the Vigiles CLI reads when given none. */
export const LLAPI_DEFAULT_KEY_FILE = '~/timesys/linuxlink_key';

/** Options of {@link loadLlapi}: where the files are, plus any {@link LlapiOptions}. */
export interface LoadLlapiOptions extends Partial<LlapiOptions> {
  /** Key file path (default `$VIGILES_KEY_FILE`, else `~/timesys/linuxlink_key`). */
  keyFile?: string;
  /** Dashboard config path (default `$VIGILES_DASHBOARD_CONFIG`; none otherwise, as in the CLI). */
  dashboardConfig?: string;
  /** Environment to read (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Home directory for `~` (default `os.homedir()`). */
  home?: string;
  /** Reads the key file, the dashboard config and `{ path }` manifests (default node:fs). */
  readFile?: ReadFile;
}

/**
 * An {@link Llapi} configured from files, like the Vigiles CLI and the Yocto/Buildroot tools:
 * the key file (email, key, Enterprise `server_url`) and the optional dashboard config (group and
 * folder tokens). Environment (protocols §6): `VIGILES_KEY_FILE`, `VIGILES_DASHBOARD_CONFIG`,
 * `VIGILES_SUBFOLDER_NAME`, and `LINUXLINK_SERVER`, which overrides the key file's server. Explicit
 * options win over both. Manifests may then be uploaded as `{ path }`.
 * @throws ConfigError when a file cannot be read or is malformed.
 */
export async function loadLlapi(options: LoadLlapiOptions = {}): Promise<Llapi> {
  // Before any file is read: a misspelled option must not be dropped (or reported after a file error).
  checkOptions('loadLlapi()', options, [...LLAPI_OPTIONS, 'keyFile', 'dashboardConfig', 'env', 'home', 'readFile'], {
    ...LLAPI_ALIASES, key_file: 'keyFile', dashboard_config: 'dashboardConfig', dashboard: 'dashboardConfig',
  });
  const { keyFile, dashboardConfig, env = process.env, home = homedir(), readFile, ...rest } = options;
  const nonEmpty = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const keyPath = keyFile ?? nonEmpty(env.VIGILES_KEY_FILE) ?? LLAPI_DEFAULT_KEY_FILE;
  const fromKey = parseKeyFile(await readConfigFile(expandHome(keyPath, home), 'key file', readFile));
  const dashPath = dashboardConfig ?? nonEmpty(env.VIGILES_DASHBOARD_CONFIG);
  const fromDash = dashPath === undefined ? {} : parseDashboardConfig(await readConfigFile(expandHome(dashPath, home), 'dashboard config', readFile));
  const url = rest.url ?? nonEmpty(env.LINUXLINK_SERVER) ?? fromKey.url;
  const subfolderName = rest.subfolderName ?? nonEmpty(env.VIGILES_SUBFOLDER_NAME);
  return new Llapi({
    readText: (path) => readManifestText(path, readFile),
    ...fromKey,
    ...fromDash,
    ...rest,
    url,
    ...(subfolderName !== undefined && { subfolderName }),
  });
}

